"""Organisers invite a person to claim a speaker profile; the link, once logged
in, makes the profile and its sessions theirs."""

import re

import pytest
from django.core import mail

from events.models import Speaker, SpeakerInvitation
from tests.factories import session_create, speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def profile(edition):
    speaker = speaker_create(name="Amadou Diop", slug="amadou-diop")
    session_create(edition, speakers=[speaker], title_fr="Villes africaines", title_en="African cities")
    return speaker


def invite(client, profile, *, language="en", email="amadou@example.org"):
    client.force_login(user_create(is_staff=True, is_superuser=True))
    return client.post(
        "/admin/speaker-invitations/", {"speaker": profile.pk, "email": email, "language": language}
    )


def test_the_invitation_is_mailed_in_the_chosen_language_and_claims_the_profile(
    client, site_tree, profile, django_capture_on_commit_callbacks, immediate_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, profile)

    [message] = mail.outbox
    assert message.to == ["amadou@example.org"] and "African cities" in message.body
    link = re.search(r"http://testserver(/en/speaker/invitation/[\w-]+/)", message.body).group(1)
    person = user_create(email="amadou@example.org")
    client.force_login(person)

    response = client.get(link)

    assert response["Location"] == "/en/speaker/"
    assert Speaker.objects.get(pk=profile.pk).user == person
    assert "African cities" in client.get("/en/speaker/").content.decode()


def test_an_invitation_works_once(client, site_tree, profile):
    invite(client, profile)
    token = SpeakerInvitation.objects.get().token
    first = user_create()
    client.force_login(first)
    client.get(f"/en/speaker/invitation/{token}/")
    client.force_login(user_create())

    response = client.get(f"/en/speaker/invitation/{token}/", follow=True)

    assert "already been used" in response.content.decode()
    assert Speaker.objects.get(pk=profile.pk).user == first


def test_a_claimed_profile_cannot_be_invited_again(client, site_tree, profile):
    profile.user = user_create()
    profile.save()

    response = invite(client, profile)

    assert response.status_code == 200 and not SpeakerInvitation.objects.exists()


def test_an_unknown_link_is_refused(client, site_tree):
    client.force_login(user_create())

    response = client.get("/en/speaker/invitation/not-a-token/", follow=True)

    assert "This invitation does not exist." in response.content.decode()


def test_an_old_invitation_expires_and_taking_a_profile_voids_the_others(client, site_tree, profile):
    import datetime

    from django.utils import timezone

    invite(client, profile, email="first@example.org")
    invite(client, profile, email="second@example.org")
    old, new = SpeakerInvitation.objects.order_by("pk")
    SpeakerInvitation.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    client.force_login(user_create())

    expired = client.get(f"/en/speaker/invitation/{old.token}/", follow=True)
    client.get(f"/en/speaker/invitation/{new.token}/")

    assert "This invitation has expired." in expired.content.decode()
    assert list(SpeakerInvitation.objects.values_list("pk", flat=True)) == [new.pk]


def test_the_invitation_can_make_them_speaker_of_more_sessions(client, site_tree, edition, profile):
    other = session_create(edition, title_fr="Atelier villes durables")
    client.force_login(user_create(is_staff=True, is_superuser=True))

    client.post(
        "/admin/speaker-invitations/",
        {"speaker": profile.pk, "email": "amadou@example.org", "language": "fr", "sessions": [other.pk]},
    )

    assert set(profile.appearances.values_list("session__title_fr", flat=True)) == {
        "Villes africaines",
        "Atelier villes durables",
    }
