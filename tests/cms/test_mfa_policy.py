"""MFA required for staff, jurors and door staff (issue 14, point 2): without a second
factor they are sent to enrol before the admin, the jury area or the door."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.test import Client

from tests.cms.test_accounts import totp_code
from tests.factories import user_create
from tests.judging.factories import jury_create
from tests.startups.factories import challenge_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

PASSWORD = "a-Strong-passw0rd"


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_STAFF = True


@pytest.fixture
def organiser(db):
    return user_create(email="orga@example.org", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def juror(edition):
    return jury_create(challenge_create(edition), 1)[0].user


@pytest.fixture
def door_keeper(db):
    user = user_create(email="door@example.org")
    user.user_permissions.add(Permission.objects.get(codename="add_checkin"))
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def enrol(user) -> None:
    TOTP.activate(user, generate_totp_secret())


def test_a_staff_account_without_totp_is_sent_to_enrol_instead_of_the_admin(mfa_required, organiser):
    client = client_for(organiser)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/required/?next=/admin/"
    response = client.get("/admin/pages/?q=news", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/accounts/2fa/required/?next=/admin/pages/%3Fq%3Dnews"
    assert client.post("/admin/pages/add/")["Location"].startswith("/fr/accounts/2fa/required/")


def test_logging_in_leads_a_staff_account_without_totp_to_enrolment(client, mfa_required, organiser):
    response = client.post("/fr/accounts/login/", {"login": "orga@example.org", "password": PASSWORD})

    assert response["Location"] == "/fr/accounts/2fa/required/"
    page = client.get("/fr/accounts/2fa/required/")
    assert page.status_code == 200
    assert page.templates[0].name == "mfa/enrolment.html"
    assert '<a class="button" href="/fr/accounts/2fa/totp/activate/">' in page.content.decode()


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_juror_without_totp_is_sent_to_enrol_instead_of_the_jury_area(mfa_required, juror, language):
    client = client_for(juror)

    response = client.get(f"/{language}/jury/")

    assert response.status_code == 302
    assert response["Location"] == f"/{language}/accounts/2fa/required/?next=/{language}/jury/"
    assert client.get(f"/{language}/jury/entry/1/")["Location"].startswith(
        f"/{language}/accounts/2fa/required/"
    )


def test_door_staff_without_totp_are_sent_to_enrol_instead_of_the_door(mfa_required, door_keeper):
    response = client_for(door_keeper).get("/fr/door/dashboard/")

    assert response["Location"] == "/fr/accounts/2fa/required/?next=/fr/door/dashboard/"


def test_an_attendee_is_not_affected(client, mfa_required, site_tree):
    user_create(email="attendee@example.org", password=PASSWORD)

    response = client.post("/fr/accounts/login/", {"login": "attendee@example.org", "password": PASSWORD})

    assert response["Location"] == "/fr/accounts/profile/"
    assert client.get("/fr/jury/").status_code == 200  # an empty jury area, as before
    assert client.get("/fr/door/").status_code == 403
    assert client.get("/admin/")["Location"] == "/fr/accounts/login/?next=/admin/"
    assert client.get("/fr/accounts/2fa/required/")["Location"] == "/fr/accounts/profile/"


def test_the_rest_of_the_site_stays_open_before_enrolment(mfa_required, organiser, site_tree):
    client = client_for(organiser)

    assert client.get("/fr/").status_code == 200
    assert client.get("/fr/accounts/profile/").status_code == 200
    assert client.get("/static/css/site.css").status_code == 200
    # Setting up the authenticator first asks for the password again (a forced login is not recent).
    assert client.get("/fr/accounts/2fa/totp/activate/")["Location"].startswith(
        "/fr/accounts/reauthenticate/"
    )
    assert client.get("/fr/accounts/logout/").status_code == 200
    response = client.post("/admin/logout/")
    assert response["Location"] == "/fr/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_the_enrolment_page_explains_why_in_every_language(mfa_required, organiser, site_tree):
    client = client_for(organiser)

    arabic = client.get("/ar/accounts/2fa/required/").content.decode()
    french = client.get("/fr/accounts/2fa/required/").content.decode()
    english = client.get("/en/accounts/2fa/required/").content.decode()

    assert '<html lang="ar" dir="rtl">' in arabic
    assert 'class="site-header"' in arabic
    assert "<h1>احمِ حسابك بعامل تحقق ثانٍ</h1>" in arabic
    assert "<h1>Protégez votre compte par un second facteur</h1>" in french
    assert "<h1>Protect your account with a second factor</h1>" in english
    assert 'href="/ar/accounts/2fa/totp/activate/"' in arabic


def test_once_enrolled_every_area_opens(mfa_required, organiser, juror, door_keeper):
    for user in (organiser, juror, door_keeper):
        enrol(user)

    assert client_for(organiser).get("/admin/").status_code == 200
    assert client_for(juror).get("/ar/jury/").status_code == 200
    door = client_for(door_keeper).get("/fr/door/dashboard/")
    assert door.status_code == 200


def test_enrolling_through_allauth_leads_back_where_the_person_was_going(client, mfa_required, organiser):
    response = client.post(
        "/en/accounts/login/?next=/admin/pages/", {"login": "orga@example.org", "password": PASSWORD}
    )
    assert response["Location"] == "/admin/pages/"
    enrolment_url = client.get("/admin/pages/", headers={"accept-language": "en"})["Location"]
    assert enrolment_url == "/en/accounts/2fa/required/?next=/admin/pages/"
    assert client.get(enrolment_url).status_code == 200

    # allauth asks for the password again before any change of the second factor.
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert (
        response["Location"]
        == "/en/accounts/reauthenticate/?next=%2Fen%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    activate = client.get("/en/accounts/2fa/totp/activate/")
    assert activate.status_code == 200
    response = client.post(
        "/en/accounts/2fa/totp/activate/", {"code": totp_code(activate.context["form"].secret)}
    )
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    recovery = client.get("/en/accounts/2fa/recovery-codes/")
    codes = recovery.content.decode()
    assert len(recovery.context["unused_codes"]) == 10
    assert all(code in codes for code in recovery.context["unused_codes"])
    assert '<a class="button" href="/en/accounts/2fa/required/">Continue</a>' in codes

    response = client.get("/en/accounts/2fa/required/")

    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # The way back is offered once only.
    codes = client.get("/en/accounts/2fa/recovery-codes/").content.decode()
    assert 'href="/en/accounts/2fa/required/"' not in codes


def test_an_account_under_the_policy_cannot_remove_its_second_factor(client, mfa_required, organiser):
    secret = generate_totp_secret()
    TOTP.activate(organiser, secret)
    client.post("/en/accounts/login/", {"login": "orga@example.org", "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})

    response = client.post("/en/accounts/2fa/totp/deactivate/")

    assert response.status_code == 200
    assert "You cannot deactivate two-factor authentication." in response.content.decode()
    assert Authenticator.objects.filter(user=organiser, type=Authenticator.Type.TOTP).count() == 1


def test_without_the_policy_nothing_changes(client, organiser, juror, door_keeper, site_tree):
    assert client_for(organiser).get("/admin/").status_code == 200
    assert client_for(juror).get("/fr/jury/").status_code == 200
    assert client_for(door_keeper).get("/fr/door/dashboard/").status_code == 200
    assert client_for(organiser).get("/fr/accounts/2fa/required/")["Location"] == "/fr/accounts/profile/"
    response = client.post("/fr/accounts/login/", {"login": "orga@example.org", "password": PASSWORD})
    assert response["Location"] == "/fr/accounts/profile/"

    # And a second factor can be removed again.
    secret = generate_totp_secret()
    TOTP.activate(organiser, secret)
    client.logout()
    client.post("/en/accounts/login/", {"login": "orga@example.org", "password": PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/en/accounts/2fa/totp/deactivate/")
    assert response["Location"] == "/en/accounts/2fa/"
    assert Authenticator.objects.filter(user=organiser, type=Authenticator.Type.TOTP).count() == 0
