import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.factories import user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORD = "a-Strong-passw0rd"


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0)


def code_in(message) -> str:
    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.M).group(1)


def test_signup_requires_email_verification(client, site_tree, mailoutbox):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "amina@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = get_user_model().objects.get(email="amina@example.org")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["amina@example.org"]
    # Not verified, so the account page is out of reach.
    assert client.get("/en/accounts/profile/").status_code == 302

    confirm_url = link_in(mailoutbox[0]).removeprefix("http://testserver")
    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified is True
    assert client.get("/en/accounts/profile/").status_code == 200


def test_verification_email_is_in_the_language_of_the_page(client, site_tree, mailoutbox):
    client.post(
        "/fr/accounts/signup/",
        {"email": "omar@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert "/fr/accounts/confirm-email/" in mailoutbox[0].body
    assert "Bonjour" in mailoutbox[0].body
    assert get_user_model().objects.get(email="omar@example.org").preferred_language == "fr"


def test_signup_errors_are_shown_next_to_the_fields(client, site_tree):
    response = client.post(
        "/en/accounts/signup/", {"email": "new@example.org", "password1": "short", "password2": "short"}
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert 'aria-invalid="true" aria-describedby="id_password1_helptext id_password1_error"' in content
    assert "This password is too short." in content


def test_signup_with_a_taken_email_does_not_reveal_the_account(client, site_tree, mailoutbox):
    user_create(email="taken@example.org")

    response = client.post(
        "/en/accounts/signup/", {"email": "TAKEN@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )

    # Same answer as a fresh sign-up; the owner of the address is told instead.
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert get_user_model().objects.filter(email__iexact="taken@example.org").count() == 1
    assert mailoutbox[0].to == ["TAKEN@example.org"] or mailoutbox[0].to == ["taken@example.org"]
    assert "already" in mailoutbox[0].body


def test_login_with_password(client, site_tree):
    user_create(email="speaker@example.org", password=PASSWORD)

    response = client.post("/en/accounts/login/", {"login": "Speaker@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"


def test_login_by_email_code(client, site_tree, mailoutbox):
    user_create(email="juror@example.org")

    response = client.post("/en/accounts/login/code/", {"email": "juror@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1

    response = client.post(response["Location"], {"code": code_in(mailoutbox[0])})

    assert response.status_code == 302
    assert client.get("/en/accounts/profile/").status_code == 200


def test_wrong_login_code_does_not_log_in(client, site_tree, mailoutbox):
    user_create(email="juror@example.org")
    response = client.post("/en/accounts/login/code/", {"email": "juror@example.org"})

    response = client.post(response["Location"], {"code": "WRONG1"})

    assert response.status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 302


def test_repeated_failed_logins_are_rate_limited(client, site_tree):
    user_create(email="target@example.org", password=PASSWORD)

    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "target@example.org", "password": "wrong-password"})
    response = client.post("/en/accounts/login/", {"login": "target@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_sends_a_link(client, site_tree, mailoutbox):
    user_create(email="forgetful@example.org")

    response = client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})

    assert response.status_code == 302
    assert "/en/accounts/password/reset/key/" in mailoutbox[0].body


def totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_every_user_can_turn_on_two_factor_authentication(client, site_tree):
    from allauth.mfa.models import Authenticator

    user = user_create(email="careful@example.org", password=PASSWORD)
    client.post("/en/accounts/login/", {"login": "careful@example.org", "password": PASSWORD})

    # Changing security settings asks for the password again.
    assert client.get("/en/accounts/2fa/totp/activate/").status_code == 302
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    activate = client.get("/en/accounts/2fa/totp/activate/")
    assert activate.status_code == 200
    assert "data:image/svg+xml;base64," in activate.content.decode()  # the QR code to scan
    secret = activate.context["form"].secret
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    kinds = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}

    # From now on a password alone is not enough.
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "careful@example.org", "password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert client.get("/en/accounts/profile/").status_code == 302


def test_account_pages_use_the_site_layout(client, site_tree):
    content = client.get("/ar/accounts/login/").content.decode()

    assert '<html lang="ar" dir="rtl">' in content
    assert 'class="site-header"' in content
    assert 'class="site-footer"' in content
