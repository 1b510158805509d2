"""Organisers build the programme in the Wagtail admin."""

import csv
import io

import pytest

from events.models import Session
from tests.factories import local_time, room_create, session_create, speaker_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def organiser_client(client, site_tree):
    client.force_login(user_create(email="organiser@example.org", is_staff=True, is_superuser=True))
    return client


def session_form(edition, **overrides):
    start = local_time(edition, 0, 10)
    data = {
        "edition": str(edition.pk),
        "slug": "table-ronde",
        "kind": "panel",
        "format": "hybrid",
        "language": "fr",
        "title_fr": "Table ronde",
        "title_ar": "",
        "title_en": "",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": start.replace(hour=11).strftime("%Y-%m-%d %H:%M"),
        "room": "",
        "track": "",
        "capacity": "",
        "abstract_fr": "",
        "abstract_ar": "",
        "abstract_en": "",
        "description_fr": "",
        "description_ar": "",
        "description_en": "",
        "livestream_url": "",
        "replay_url": "",
        "is_published": "on",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


def test_programme_menus(organiser_client):
    for url in [
        "/admin/snippets/events/session/",
        "/admin/snippets/events/speaker/",
        "/admin/snippets/events/room/",
        "/admin/snippets/events/track/",
        "/admin/snippets/events/session/add/",
    ]:
        assert organiser_client.get(url).status_code == 200, url


def test_organiser_adds_a_session_with_its_speakers(organiser_client, edition):
    speaker = speaker_create(name="Youssef Amrani")
    data = session_form(
        edition,
        **{
            "speakers-TOTAL_FORMS": "1",
            "speakers-0-speaker": str(speaker.pk),
            "speakers-0-role": "moderator",
            "speakers-0-participation": "pending",
            "speakers-0-presence": "",
            "speakers-0-technical_needs": "",
            "speakers-0-ORDER": "1",
            "speakers-0-id": "",
            "speakers-0-DELETE": "",
        },
    )

    response = organiser_client.post("/admin/snippets/events/session/add/", data)

    assert response.status_code == 302
    session = Session.objects.get(slug="table-ronde")
    assert [(s.speaker.name, s.role) for s in session.speakers.all()] == [("Youssef Amrani", "moderator")]


def test_room_overlap_is_refused_with_a_clear_message(organiser_client, edition):
    room = room_create(edition, name_fr="Salle Anfa")
    session_create(edition, start="10:30", room=room, title_fr="Atelier mobilité")

    response = organiser_client.post(
        "/admin/snippets/events/session/add/", session_form(edition, room=str(room.pk))
    )

    assert response.status_code == 200
    assert "Salle Anfa est déjà occupée par « Atelier mobilité »" in response.content.decode()
    assert not Session.objects.filter(slug="table-ronde").exists()


def test_double_booked_speaker_is_saved_with_a_warning(organiser_client, edition):
    speaker = speaker_create(name="Youssef Amrani")
    session_create(edition, start="10:30", title_fr="Atelier mobilité", speakers=[speaker])
    data = session_form(
        edition,
        **{
            "speakers-TOTAL_FORMS": "1",
            "speakers-0-speaker": str(speaker.pk),
            "speakers-0-role": "speaker",
            "speakers-0-participation": "pending",
            "speakers-0-presence": "",
            "speakers-0-technical_needs": "",
            "speakers-0-ORDER": "1",
            "speakers-0-id": "",
            "speakers-0-DELETE": "",
        },
    )

    response = organiser_client.post("/admin/snippets/events/session/add/", data, follow=True)

    assert Session.objects.filter(slug="table-ronde").exists()
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "Youssef Amrani" in warnings[0] and "Atelier mobilité" in warnings[0]


def test_sessions_export_as_csv_and_filter_by_edition(organiser_client, edition):
    session_create(edition, title_fr="Séance inaugurale")
    session_create(edition, title_fr="Clôture")

    response = organiser_client.get(f"/admin/snippets/events/session/?edition={edition.pk}&export=csv")

    _header, *rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert sorted(row[2] for row in rows) == ["Clôture", "Séance inaugurale"]


def test_ticket_types_and_vouchers_are_managed_in_the_admin(organiser_client, edition):
    response = organiser_client.post(
        "/admin/snippets/events/tickettype/add/",
        {
            "edition": str(edition.pk),
            "name_fr": "Pass étudiant",
            "name_ar": "",
            "name_en": "Student pass",
            "description_fr": "",
            "description_ar": "",
            "description_en": "",
            "mode": "in_person",
            "role": "attendee",
            "price": "30000",
            "currency": "MAD",
            "quota": "100",
            "sale_starts_at": "",
            "sale_ends_at": "",
            "refund_policy": "deadline",
            "refund_deadline_days": "7",
            "sort_order": "0",
        },
    )

    assert response.status_code == 302
    assert organiser_client.get("/admin/snippets/events/tickettype/").status_code == 200
    assert organiser_client.get("/admin/snippets/events/voucher/").status_code == 200
    from events.models import TicketType

    assert TicketType.objects.get(name_fr="Pass étudiant").quota == 100
