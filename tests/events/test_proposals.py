"""Speakers propose changes to their sessions; nothing reaches the public page
until an organiser approves; the deadline holds on the server."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Session, SessionProposal, SessionSpeaker
from tests.factories import session_create, speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FIELDS = {
    "title_fr": "Données ouvertes : la ville partage",
    "title_ar": "",
    "title_en": "Open data: the city shares",
    "abstract_fr": "Un résumé réécrit par l’intervenante.",
    "abstract_ar": "",
    "abstract_en": "",
    "description_fr": "",
    "description_ar": "",
    "description_en": "",
    "language": "fr",
}


@pytest.fixture
def appearance(client, programme_pages, edition):
    user = user_create(email="nadia@example.org")
    speaker = speaker_create(name="Nadia El Fassi", user=user)
    session = session_create(
        edition, speakers=[speaker], title_fr="Données ouvertes", slug="donnees-ouvertes"
    )
    client.force_login(user)
    return SessionSpeaker.objects.get(session=session, speaker=speaker)


def public_page(client, programme_pages):
    return client.get(programme_pages["programme"]["fr"].url + "session/donnees-ouvertes/").content.decode()


def test_a_proposal_changes_nothing_public_until_approved(client, programme_pages, appearance):
    response = client.post(f"/fr/speaker/sessions/{appearance.pk}/edit/", FIELDS)

    assert response.status_code == 302
    proposal = SessionProposal.objects.get()
    assert proposal.status == "pending" and proposal.abstract_fr == FIELDS["abstract_fr"]
    client.logout()
    page = public_page(client, programme_pages)
    assert "Un résumé réécrit" not in page and "Données ouvertes" in page


def test_an_organiser_approves_and_the_speaker_is_told(
    client, programme_pages, appearance, django_capture_on_commit_callbacks, immediate_tasks
):
    client.post(f"/en/speaker/sessions/{appearance.pk}/edit/", FIELDS)
    proposal = SessionProposal.objects.get()
    client.force_login(user_create(is_staff=True, is_superuser=True))

    review = client.get(f"/admin/proposals/{proposal.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/proposals/{proposal.pk}/", {"decision": "approve", "comment": ""})

    assert "Un résumé réécrit par l’intervenante." in review
    session = Session.objects.get(pk=appearance.session_id)
    assert session.abstract_fr == FIELDS["abstract_fr"]
    client.logout()
    assert "Un résumé réécrit par l’intervenante." in public_page(client, programme_pages)
    [message] = mail.outbox
    assert message.to == ["nadia@example.org"]


def test_a_rejection_needs_a_comment_and_keeps_the_published_text(client, appearance):
    client.post(f"/en/speaker/sessions/{appearance.pk}/edit/", FIELDS)
    proposal = SessionProposal.objects.get()
    client.force_login(user_create(is_staff=True, is_superuser=True))

    client.post(f"/admin/proposals/{proposal.pk}/", {"decision": "reject", "comment": ""})
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    client.post(f"/admin/proposals/{proposal.pk}/", {"decision": "reject", "comment": "Trop long."})

    proposal.refresh_from_db()
    assert (proposal.status, proposal.comment) == ("rejected", "Trop long.")
    assert Session.objects.get(pk=appearance.session_id).title_fr == "Données ouvertes"


def test_the_deadline_holds_on_the_server(client, appearance, edition):
    edition.speaker_edit_deadline = timezone.now() - datetime.timedelta(hours=1)
    edition.save()

    page = client.get(f"/en/speaker/sessions/{appearance.pk}/edit/").content.decode()
    client.post(f"/en/speaker/sessions/{appearance.pk}/edit/", FIELDS)

    assert "Changes closed on" in page and "disabled" in page
    assert not SessionProposal.objects.exists()


def test_a_speaker_edits_only_their_own_sessions(client, appearance, edition):
    other = session_create(edition, speakers=[speaker_create()])
    others_appearance = SessionSpeaker.objects.get(session=other)

    assert client.get(f"/en/speaker/sessions/{others_appearance.pk}/edit/").status_code == 404
    assert client.post(f"/en/speaker/sessions/{others_appearance.pk}/edit/", FIELDS).status_code == 404
    assert not SessionProposal.objects.exists()


def test_approving_applies_only_what_the_speaker_changed(client, appearance):
    client.post(f"/en/speaker/sessions/{appearance.pk}/edit/", FIELDS)
    session = Session.objects.get(pk=appearance.session_id)
    session.description_fr = "Précision ajoutée par les organisateurs après la proposition."
    session.save()
    from events.speakers import services as speaker_area

    speaker_area.proposal_decide(proposal=SessionProposal.objects.get(), actor=None, approve=True)

    session.refresh_from_db()
    assert session.abstract_fr == FIELDS["abstract_fr"]  # the speaker's change
    assert session.description_fr == "Précision ajoutée par les organisateurs après la proposition."  # kept
