"""Session rules: rooms are never double-booked; speakers may be, with a warning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from events.models import Session
from tests.factories import edition_create, room_create, session_create, speaker_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_room_cannot_host_two_overlapping_sessions(edition):
    room = room_create(edition=edition, name_fr="Salle Anfa")
    session_create(edition=edition, start="10:00", minutes=60, room=room, title_fr="Table ronde")

    with pytest.raises(ValidationError) as error:
        session_create(edition=edition, start="10:30", minutes=60, room=room)

    day = edition.start_date.strftime("%d/%m")
    assert error.value.message_dict["room"] == [
        f"Salle Anfa est déjà occupée par « Table ronde » ({day} 10:00–11:00)."
    ]


def test_back_to_back_sessions_share_a_room(edition):
    room = room_create(edition=edition)
    session_create(edition=edition, start="10:00", minutes=60, room=room)

    session_create(edition=edition, start="11:00", minutes=60, room=room)

    assert Session.objects.filter(room=room).count() == 2


def test_sessions_in_different_rooms_may_overlap(edition):
    session_create(edition=edition, start="10:00", room=room_create(edition=edition))
    session_create(edition=edition, start="10:00", room=room_create(edition=edition))

    assert Session.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's")
def test_postgresql_rejects_overlaps_that_skip_validation(edition):
    room = room_create(edition=edition)
    first = session_create(edition=edition, start="10:00", minutes=90, room=room)

    with pytest.raises(IntegrityError, match="session_room_no_overlap"), transaction.atomic():
        Session.objects.create(
            edition=edition,
            slug="squatter",
            kind="panel",
            title_fr="Squat",
            starts_at=first.starts_at + datetime.timedelta(minutes=30),
            ends_at=first.ends_at + datetime.timedelta(minutes=30),
            room=room,
        )


def test_a_session_ends_after_it_starts(edition):
    with pytest.raises(ValidationError) as error:
        session_create(edition=edition, minutes=0)

    assert "ends_at" in error.value.message_dict


def test_a_workshop_needs_seats(edition):
    with pytest.raises(ValidationError) as error:
        session_create(edition=edition, kind="workshop", capacity=None)

    assert "capacity" in error.value.message_dict


def test_room_of_another_edition_is_refused(edition):
    other = edition_create(number=99, is_current=False)

    with pytest.raises(ValidationError) as error:
        session_create(edition=edition, room=room_create(edition=other))

    assert "room" in error.value.message_dict


def test_speaker_double_booking_is_detected(edition):
    from events.programme.selectors import speaker_double_bookings

    nadia = speaker_create(name="Nadia El Fassi")
    first = session_create(
        edition=edition, start="10:00", room=room_create(edition=edition), speakers=[nadia]
    )
    second = session_create(
        edition=edition, start="10:30", room=room_create(edition=edition), speakers=[nadia]
    )
    session_create(edition=edition, start="12:00", room=room_create(edition=edition), speakers=[nadia])

    assert speaker_double_bookings(second) == [(nadia, first)]
