"""Organisers invite a person to claim a speaker profile. The link shows what it
hands over; the invited address, logged in, accepts with a button (a POST). A
link alone is no proof of identity: any other account is refused, without being
told which address was invited."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from events.models import Registration, SessionSpeaker, Speaker, SpeakerInvitation
from tests.factories import session_create, speaker_create, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

INVITED = "amadou@example.org"
ELSEWHERE = (
    "This invitation was sent to another address. Log in with the address that received it to accept it."
)


@pytest.fixture
def profile(edition):
    speaker = speaker_create(name="Amadou Diop", slug="amadou-diop")
    session_create(edition, speakers=[speaker], title_fr="Villes africaines", title_en="African cities")
    return speaker


def invite(client, profile, *, language="en", email=INVITED):
    client.force_login(user_create(is_staff=True, is_superuser=True))
    return client.post(
        "/admin/speaker-invitations/", {"speaker": profile.pk, "email": email, "language": language}
    )


@pytest.fixture
def link(client, site_tree, profile):
    invite(client, profile)
    client.logout()
    return f"/en/speaker/invitation/{SpeakerInvitation.objects.get().token}/"


def test_the_invitation_is_mailed_in_the_chosen_language_and_claims_the_profile(
    client, site_tree, edition, profile, django_capture_on_commit_callbacks, immediate_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, profile)

    [message] = mail.outbox
    assert message.to == [INVITED] and "African cities" in message.body
    link = re.search(r"http://testserver(/en/speaker/invitation/[\w-]+/)", message.body).group(1)
    person = user_create(email=INVITED)
    client.force_login(person)

    page = client.get(link).content.decode()
    response = client.post(link)

    assert "Amadou Diop" in page and "African cities" in page and edition.title_en in page
    assert response["Location"] == "/en/speaker/"
    assert Speaker.objects.get(pk=profile.pk).user == person
    assert SpeakerInvitation.objects.get().accepted_at is not None
    assert "African cities" in client.get("/en/speaker/").content.decode()


def test_opening_the_link_changes_nothing_and_shows_what_is_accepted(client, link, edition, profile):
    client.force_login(user_create(email=INVITED))

    response = client.get(link)

    assert Speaker.objects.get(pk=profile.pk).user is None
    assert SpeakerInvitation.objects.get().accepted_at is None
    assert response.status_code == 200
    page = response.content.decode()
    assert '<h2 id="invited-profile">Amadou Diop</h2>' in page
    assert "<strong>African cities</strong>" in page
    assert f"<h3>{edition.title_en}</h3>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<button class="button" type="submit">Accept: this profile is mine</button>' in page


def test_the_invited_address_accepts_whatever_its_case(client, link, profile):
    person = user_create(email="Amadou@Example.ORG")
    client.force_login(person)

    response = client.post(link)

    assert response.status_code == 302 and response["Location"] == "/en/speaker/"
    assert Speaker.objects.get(pk=profile.pk).user == person


def test_another_account_with_the_link_gets_no_profile_no_registration_and_no_badge(
    client, link, edition, profile
):
    ticket_type_create(edition, name_fr="Intervenant", role="speaker", voucher_only=True, price=0)
    taker = user_create(email="taker@example.org")
    client.force_login(taker)
    appearance = SessionSpeaker.objects.get(speaker=profile)

    opened = client.get(link)
    posted = client.post(link)
    answered = client.post(
        f"/en/speaker/sessions/{appearance.pk}/", {"participation": "confirmed", "presence": "in_person"}
    )
    badge = client.get("/en/register/me/badge.pdf")

    assert not Registration.objects.filter(user=taker).exists()
    assert Speaker.objects.get(pk=profile.pk).user is None
    assert not Speaker.objects.filter(user=taker).exists()
    assert SessionSpeaker.objects.get(pk=appearance.pk).participation == appearance.participation
    assert SpeakerInvitation.objects.get().accepted_at is None
    assert badge.status_code == 302 and badge["Location"] == "/en/register/me/"
    assert (opened.status_code, posted.status_code, answered.status_code) == (403, 403, 404)


def test_the_refusal_does_not_tell_which_address_was_invited(client, link):
    client.force_login(user_create(email="taker@example.org"))

    opened = client.get(link)
    posted = client.post(link)

    for response in (opened, posted):
        page = response.content.decode()
        assert response.status_code == 403
        assert f'<p class="message message--error" role="alert">{ELSEWHERE}</p>' in page
        assert INVITED not in page.lower() and "amadou@" not in page.lower()
        assert "Amadou Diop" not in page and "African cities" not in page


def test_an_unverified_invited_address_is_not_enough(client, link, profile):
    client.force_login(user_create(email=INVITED, verified=False))

    response = client.post(link)

    assert response.status_code == 403 and ELSEWHERE in response.content.decode()
    assert Speaker.objects.get(pk=profile.pk).user is None


def test_accepting_needs_the_csrf_token(site_tree, link, profile):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user_create(email=INVITED))

    response = browser.post(link)

    assert response.status_code == 403
    assert Speaker.objects.get(pk=profile.pk).user is None


def test_anonymous_visitors_log_in_or_sign_up_and_come_back(client, link):
    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={link}"
    login = client.get(response["Location"]).content.decode()
    assert f'href="/en/accounts/signup/?next={link.replace("/", "%2F")}"' in login


def test_a_refused_person_logs_out_and_comes_back_to_log_in(client, link):
    client.force_login(user_create(email="taker@example.org"))
    page = client.get(link).content.decode()
    assert f'<input type="hidden" name="next" value="/en/accounts/login/?next={link}">' in page

    response = client.post("/en/accounts/logout/", {"next": f"/en/accounts/login/?next={link}"})

    assert response["Location"] == f"/en/accounts/login/?next={link}"
    assert client.get(link)["Location"] == f"/en/accounts/login/?next={link}"  # logged out


def test_an_invitation_works_once(client, site_tree, profile):
    invite(client, profile)
    token = SpeakerInvitation.objects.get().token
    first = user_create(email=INVITED)
    client.force_login(first)
    client.post(f"/en/speaker/invitation/{token}/")
    client.force_login(user_create())

    response = client.get(f"/en/speaker/invitation/{token}/")

    assert response.status_code == 403
    assert (
        "This invitation has already been used. Ask the organisers for a new one."
        in response.content.decode()
    )
    assert Speaker.objects.get(pk=profile.pk).user == first


def test_the_speaker_reopening_their_link_sees_their_profile(client, link, profile):
    person = user_create(email=INVITED)
    client.force_login(person)
    client.post(link)

    again = client.post(link)
    page = client.get(link).content.decode()

    assert again["Location"] == "/en/speaker/"
    assert "This speaker profile is yours." in page and "Accept: this profile is mine" not in page
    assert Speaker.objects.get(pk=profile.pk).user == person


def test_a_claimed_profile_cannot_be_invited_again(client, site_tree, profile):
    profile.user = user_create()
    profile.save()

    response = invite(client, profile)

    assert response.status_code == 200 and not SpeakerInvitation.objects.exists()


def test_an_unknown_link_is_refused(client, site_tree):
    client.force_login(user_create())

    response = client.get("/en/speaker/invitation/not-a-token/")

    assert response.status_code == 404
    assert "This invitation does not exist." in response.content.decode()


def test_an_old_invitation_expires_and_taking_a_profile_voids_the_others(client, site_tree, profile):
    invite(client, profile, email="first@example.org")
    invite(client, profile, email="second@example.org")
    old, new = SpeakerInvitation.objects.order_by("pk")
    SpeakerInvitation.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    client.force_login(user_create(email="first@example.org"))
    expired = client.post(f"/en/speaker/invitation/{old.token}/")
    client.force_login(user_create(email="second@example.org"))

    accepted = client.post(f"/en/speaker/invitation/{new.token}/")

    assert expired.status_code == 403
    assert "This invitation has expired. Ask the organisers for a new one." in expired.content.decode()
    assert accepted["Location"] == "/en/speaker/"
    assert list(SpeakerInvitation.objects.values_list("pk", flat=True)) == [new.pk]


def test_an_account_with_a_profile_does_not_take_a_second_one(client, link, profile):
    person = user_create(email=INVITED)
    speaker_create(name="Amadou D.", user=person)
    client.force_login(person)

    response = client.post(link)

    assert response.status_code == 403
    assert "Your account already has a speaker profile." in response.content.decode()
    assert Speaker.objects.get(pk=profile.pk).user is None


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("fr", "Cette invitation a été envoyée à une autre adresse."),
        ("ar", "أُرسلت هذه الدعوة إلى عنوان آخر."),
    ],
)
def test_the_refusal_is_translated(client, site_tree, profile, language, refusal):
    invite(client, profile, language=language)
    client.force_login(user_create(email="taker@example.org"))

    response = client.get(f"/{language}/speaker/invitation/{SpeakerInvitation.objects.get().token}/")

    assert refusal in response.content.decode()


def test_the_invitation_can_make_them_speaker_of_more_sessions(client, site_tree, edition, profile):
    other = session_create(edition, title_fr="Atelier villes durables")
    client.force_login(user_create(is_staff=True, is_superuser=True))

    client.post(
        "/admin/speaker-invitations/",
        {"speaker": profile.pk, "email": INVITED, "language": "fr", "sessions": [other.pk]},
    )

    assert set(profile.appearances.values_list("session__title_fr", flat=True)) == {
        "Villes africaines",
        "Atelier villes durables",
    }


def test_posting_an_unknown_link_is_refused(client, site_tree):
    client.force_login(user_create())

    response = client.post("/en/speaker/invitation/not-a-token/")

    assert response.status_code == 404
    assert "This invitation does not exist." in response.content.decode()
