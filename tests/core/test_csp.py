"""A Content-Security-Policy on every page: the site's strict one, the admin's, the payment page's."""

import pytest
from django.test import Client

from tests.factories import user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def policy(response) -> dict[str, list[str]]:
    directives = (part.strip().split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def test_public_pages_fresh_or_cached_allow_no_inline_script_or_style(client, site_tree):
    for expected in ("miss", "hit"):
        response = client.get("/fr/")
        assert response["X-Page-Cache"] == expected
        assert policy(response)["script-src"] == ["'self'"]
        assert policy(response)["style-src"] == ["'self'"]
        assert policy(response)["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"


def test_logged_in_pages_carry_the_site_policy(client, site_tree):
    client.force_login(user_create())

    response = client.get("/fr/accounts/profile/")

    assert policy(response)["script-src"] == ["'self'"]


def test_the_admin_gets_what_wagtail_needs_and_no_more():
    client = Client()
    client.force_login(user_create(is_staff=True, is_superuser=True))

    response = client.get("/admin/")

    assert policy(response)["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert policy(response)["object-src"] == ["'self'"]


def test_the_payment_page_adds_stripe_and_only_there(settings):
    from core.csp import card_payment_policy

    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"
    settings.STRIPE_API_BASE = "https://api.stripe.com"

    added = card_payment_policy()

    assert added["script-src"] == ["'self'", "https://js.stripe.com"]
    assert added["frame-src"] == ["https://js.stripe.com", "https://hooks.stripe.com"]
    assert added["connect-src"] == ["'self'", "https://api.stripe.com", "https://js.stripe.com"]
    assert settings.SECURE_CSP["script-src"] == ["'self'"]  # the site's own policy is untouched
