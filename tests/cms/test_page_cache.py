"""Anonymous visitors get cached pages, never stale ones."""

import pytest

from cms.models import Organisation
from tests.factories import session_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_second_anonymous_visit_is_served_from_the_cache(client, site_tree):
    first = client.get("/fr/")
    second = client.get("/fr/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_publishing_a_page_invalidates_cached_pages(client, site_tree):
    client.get("/fr/")
    article = site_tree.article["fr"]
    article.title = "Le programme est en ligne"
    article.save_revision().publish()

    response = client.get("/fr/")

    assert response["X-Page-Cache"] == "miss"
    assert "Le programme est en ligne" in response.content.decode()


def test_changing_a_partner_invalidates_cached_pages(client, site_tree):
    client.get("/en/")
    Organisation.objects.create(name_fr="Région Casablanca-Settat", role="partner")

    assert "Région Casablanca-Settat" in client.get("/en/").content.decode()


def test_changing_the_programme_invalidates_cached_pages(client, edition, programme_pages):
    url = programme_pages["programme"]["fr"].url
    client.get(url)

    session_create(edition=edition, title_fr="Nouvelle plénière")

    assert "Nouvelle plénière" in client.get(url).content.decode()


def test_logged_in_visitors_are_never_served_cached_pages(client, site_tree):
    client.get("/fr/")
    client.force_login(user_create(email="membre@example.org"))

    response = client.get("/fr/")

    assert not response.has_header("X-Page-Cache")
    assert "Mon compte" in response.content.decode()


def test_pages_with_forms_are_not_cached(client, site_tree):
    client.get("/fr/accounts/login/")
    response = client.get("/fr/accounts/login/")

    assert not response.has_header("X-Page-Cache")
    assert response.cookies["csrftoken"]
