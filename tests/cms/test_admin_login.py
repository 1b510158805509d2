"""Every login goes through allauth: Wagtail's own login forms only send people there,
so that the second factor and the rate limits apply to the admin too (issue 14, point 2)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import NoReverseMatch, reverse

from tests.cms.test_accounts import totp_code
from tests.factories import user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORD = "a-Strong-passw0rd"
TOO_MANY = "Too many failed login attempts. Try again later."
WRONG = "The email address and/or password you specified are not correct."


@pytest.fixture
def organiser(db):
    return user_create(email="orga@example.org", password=PASSWORD, is_staff=True, is_superuser=True)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_admin_login_sends_people_to_allauth_keeping_next(client):
    assert (
        client.get("/admin/login/?next=/admin/pages/")["Location"] == "/fr/accounts/login/?next=/admin/pages/"
    )
    assert client.get("/admin/login/")["Location"] == "/fr/accounts/login/?next=/admin/"
    # A next that leaves the site is dropped.
    assert (
        client.get("/admin/login/?next=https://evil.example/")["Location"]
        == "/fr/accounts/login/?next=/admin/"
    )
    # The language comes from the request, as for any URL without a language prefix.
    response = client.get("/admin/login/", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/accounts/login/?next=/admin/"


def test_the_admin_sends_anonymous_visitors_to_allauth(client):
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/admin/pages/"


def test_a_password_posted_to_the_admin_login_logs_nobody_in(client, organiser):
    response = client.post(
        "/admin/login/", {"username": "orga@example.org", "password": PASSWORD, "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/admin/"
    assert logged_in(client) is False
    assert client.get("/admin/")["Location"] == "/fr/accounts/login/?next=/admin/"


def test_wagtails_front_end_login_sends_people_to_allauth_too(client, site_tree, organiser):
    assert client.get("/fr/_util/login/?next=/fr/")["Location"] == "/fr/accounts/login/?next=/fr/"
    assert client.get("/ar/_util/login/")["Location"] == "/ar/accounts/login/"

    response = client.post("/en/_util/login/", {"username": "orga@example.org", "password": PASSWORD})

    assert response["Location"] == "/en/accounts/login/"
    assert logged_in(client) is False


def test_no_other_login_form_is_reachable(client):
    # Django's own admin is installed (for its templates) but never routed.
    with pytest.raises(NoReverseMatch):
        reverse("admin:login")
    # Password resets go through allauth's rate-limited form, not Wagtail's.
    assert client.get("/admin/password_reset/").status_code == 404


def test_logging_out_of_the_admin_leads_to_allauths_login(client, organiser):
    client.force_login(organiser)

    response = client.post("/admin/logout/")

    assert response["Location"] == "/fr/accounts/login/"
    assert logged_in(client) is False


def test_a_staff_account_with_totp_gets_no_admin_session_with_its_password_alone(client, organiser):
    secret = generate_totp_secret()
    TOTP.activate(organiser, secret)
    login_url = client.get("/admin/login/", headers={"accept-language": "en"})["Location"]
    assert login_url == "/en/accounts/login/?next=/admin/"

    response = client.post(login_url, {"login": "orga@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert logged_in(client) is False
    assert client.get("/admin/")["Location"] == "/fr/accounts/login/?next=/admin/"

    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_second_factor_gets_no_admin_session(client, organiser):
    TOTP.activate(organiser, generate_totp_secret())
    client.post("/en/accounts/login/?next=/admin/", {"login": "orga@example.org", "password": PASSWORD})

    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})

    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert logged_in(client) is False


def test_the_admin_login_refuses_the_sixth_wrong_password_and_every_one_after(client, organiser):
    login_url = client.get("/admin/login/", headers={"accept-language": "en"})["Location"]
    answers = []
    for _ in range(11):
        response = client.post(login_url, {"login": "orga@example.org", "password": "wrong-password"})
        content = response.content.decode()
        answers.append("refused" if TOO_MANY in content else "wrong" if WRONG in content else "other")

    assert answers == ["wrong"] * 5 + ["refused"] * 6

    # The twelfth attempt is refused even with the right password.
    response = client.post(login_url, {"login": "orga@example.org", "password": PASSWORD})

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert logged_in(client) is False
    assert client.get("/admin/").status_code == 302
