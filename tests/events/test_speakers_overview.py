"""The organisers' overview of speakers, and the reminders it sends."""

import pytest
from django.core import mail

from events.models import SessionSpeaker
from tests.factories import session_create, speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_overview_shows_what_is_missing_and_reminds_those_who_can_act(
    client, site_tree, edition, django_capture_on_commit_callbacks, immediate_tasks
):
    with_account = speaker_create(
        name="Leila Amrani", user=user_create(email="leila@example.org"), bio_fr="", bio_en=""
    )
    done = speaker_create(name="Omar Lahlou", user=user_create(email="omar@example.org"))
    no_account = speaker_create(name="Marco Rossi")
    session = session_create(edition, speakers=[with_account, done, no_account], title_en="Smart mobility")
    SessionSpeaker.objects.filter(session=session, speaker=done).update(participation="confirmed")
    client.force_login(user_create(is_staff=True, is_superuser=True))

    page = client.get("/admin/speaker-invitations/overview/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/speaker-invitations/overview/")

    assert "Leila Amrani" in page and "Marco Rossi" in page
    assert f"/admin/speaker-invitations/?speaker={no_account.pk}" in page  # no account: invite instead
    recipients = sorted(message.to[0] for message in mail.outbox)
    # Leila has no answer, no biography, no photo; Omar answered but has no photo; Marco cannot log in.
    assert recipients == ["leila@example.org", "omar@example.org"]
    leila = next(message for message in mail.outbox if message.to == ["leila@example.org"])
    assert session.title_fr in leila.body  # in her language, French by default
