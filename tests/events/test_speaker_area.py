"""The speaker area: speakers answer for their own sessions only; confirming
gives them a free speaker registration (and so a speaker badge)."""

import pytest

from events.models import Registration, SessionSpeaker
from tests.factories import session_create, speaker_create, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def nadia(client, site_tree, edition):
    user = user_create(email="nadia@example.org")
    speaker = speaker_create(name="Nadia El Fassi", name_ar="نادية الفاسي", user=user, organisation_fr="ADD")
    moderator = speaker_create(name="Karim Tazi")
    session = session_create(
        edition, speakers=[speaker, moderator], roles=["speaker", "moderator"], title_en="Open data panel"
    )
    ticket_type_create(
        edition, name_fr="Intervenant", role="speaker", voucher_only=True, price=150000, quota=80
    )
    client.force_login(user)
    return SessionSpeaker.objects.get(session=session, speaker=speaker)


def test_speakers_see_their_sessions_with_who_else_is_on_stage(client, nadia):
    page = client.get("/en/speaker/").content.decode()

    assert "Open data panel" in page
    assert "Moderated by" in page and "Karim Tazi" in page


def test_confirming_registers_the_speaker_for_free_once(client, nadia, edition):
    answer = {"participation": "confirmed", "presence": "remote", "technical_needs": "HDMI, a microphone"}

    client.post(f"/en/speaker/sessions/{nadia.pk}/", answer)
    client.post(f"/en/speaker/sessions/{nadia.pk}/", answer)

    nadia.refresh_from_db()
    assert (nadia.participation, nadia.presence, nadia.technical_needs) == (
        "confirmed",
        "remote",
        "HDMI, a microphone",
    )
    registration = Registration.objects.get(user__email="nadia@example.org")
    assert (registration.status, registration.price, registration.ticket_type.role) == (
        "confirmed",
        0,
        "speaker",
    )
    assert (registration.first_name, registration.last_name, registration.name_ar) == (
        "Nadia",
        "El Fassi",
        "نادية الفاسي",
    )
    assert registration.log.get().action == "granted"


def test_declining_registers_nobody(client, nadia):
    client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "declined"})

    nadia.refresh_from_db()
    assert nadia.participation == "declined"
    assert not Registration.objects.exists()


def test_nobody_answers_for_someone_elses_session(client, nadia):
    client.force_login(user_create())

    response = client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "declined"})

    assert response.status_code == 404
    nadia.refresh_from_db()
    assert nadia.participation == "pending"


def test_a_full_speaker_ticket_or_an_unpaid_hold_does_not_stop_the_free_registration(client, nadia, edition):
    from events.models import TicketType
    from events.registration import services as ops
    from tests.factories import attendee

    TicketType.objects.filter(role="speaker").update(quota=0)
    held = ops.registration_start(
        user=nadia.speaker.user, ticket_type=ticket_type_create(edition, price=150000), attendee=attendee()
    )

    client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "confirmed", "presence": "in_person"})

    held.refresh_from_db()
    assert held.status == "cancelled" and held.log.last().action == "replaced"
    granted = Registration.objects.get(user=nadia.speaker.user, status="confirmed")
    assert granted.ticket_type.role == "speaker"


def test_declining_every_session_withdraws_the_free_registration(client, nadia):
    client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "confirmed", "presence": "remote"})
    client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "declined"})

    assert Registration.objects.get(user__email="nadia@example.org").status == "cancelled"


def test_confirming_needs_in_person_or_remote(client, nadia):
    response = client.post(f"/en/speaker/sessions/{nadia.pk}/", {"participation": "confirmed"}, follow=True)

    assert "Say whether you present in person or remotely." in response.content.decode()
    nadia.refresh_from_db()
    assert nadia.participation == "pending"
