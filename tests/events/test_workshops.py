"""Workshop seats: capacity, no overlaps, cancellation, and their own waiting list."""

import pytest

from events.models import AgendaEntry, OfferStatus, WorkshopBookingStatus
from events.registration import services as ops
from tests.factories import attendee, registration_confirmed, session_create, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def workshop(edition, **fields):
    return session_create(edition, kind="workshop", capacity=fields.pop("capacity", 2), **fields)


def test_booking_adds_the_workshop_to_the_agenda_and_counts_the_seat(edition):
    registration = registration_confirmed(edition)
    session = workshop(edition)

    booking = ops.workshop_book(registration=registration, session=session, actor=registration.user)

    assert booking.status == WorkshopBookingStatus.BOOKED
    assert ops.workshop_seats_left(session) == 1
    assert AgendaEntry.objects.filter(user=registration.user, session=session).exists()
    assert registration.log.filter(action="workshop_booked").exists()


def test_a_full_workshop_refuses_then_its_waiting_list_gets_the_freed_seat(edition):
    session = workshop(edition, capacity=1)
    first, second = registration_confirmed(edition), registration_confirmed(edition)
    booking = ops.workshop_book(registration=first, session=session, actor=first.user)

    with pytest.raises(ops.WorkshopFull) as error:
        ops.workshop_book(registration=second, session=session, actor=second.user)
    assert str(error.value) == "Cet atelier est complet."
    entry = ops.workshop_waiting_list_join(registration=second, session=session)

    ops.workshop_cancel(booking=booking, actor=first.user)

    entry.refresh_from_db()
    assert entry.status == OfferStatus.OFFERED
    with pytest.raises(ops.WorkshopFull):  # the seat is kept for the person offered
        ops.workshop_book(registration=registration_confirmed(edition), session=session, actor=None)
    ops.workshop_book(registration=second, session=session, actor=second.user, offer=entry)
    entry.refresh_from_db()
    assert entry.status == OfferStatus.ACCEPTED


def test_two_overlapping_workshops_cannot_both_be_booked(edition):
    registration = registration_confirmed(edition)
    morning = workshop(edition, start="10:00", minutes=90, title_fr="Atelier données ouvertes")
    overlapping = workshop(edition, start="11:00")
    after = workshop(edition, start="11:30")

    ops.workshop_book(registration=registration, session=morning, actor=registration.user)
    with pytest.raises(ops.RegistrationError) as error:
        ops.workshop_book(registration=registration, session=overlapping, actor=registration.user)
    assert str(error.value) == "Il chevauche « Atelier données ouvertes », que vous avez réservé."
    ops.workshop_book(registration=registration, session=after, actor=registration.user)


def test_booking_twice_is_refused(edition):
    registration = registration_confirmed(edition)
    session = workshop(edition)
    ops.workshop_book(registration=registration, session=session, actor=registration.user)

    with pytest.raises(ops.RegistrationError) as error:
        ops.workshop_book(registration=registration, session=session, actor=registration.user)
    assert str(error.value) == "Vous avez déjà réservé cet atelier."


def test_only_confirmed_registrations_book_workshops(edition):
    held = ops.registration_start(
        user=user_create(),
        ticket_type=ticket_type_create(edition),
        attendee=attendee(),
    )

    with pytest.raises(ops.RegistrationError) as error:
        ops.workshop_book(registration=held, session=workshop(edition), actor=held.user)
    assert str(error.value) == "Les ateliers se réservent une fois votre inscription confirmée."


def test_online_attendees_cannot_book_an_in_person_workshop(edition):
    online = ticket_type_create(edition, mode="online", price=0)
    registration = registration_confirmed(edition, ticket_type=online)

    with pytest.raises(ops.RegistrationError):
        ops.workshop_book(
            registration=registration, session=workshop(edition, format="in_person"), actor=None
        )
    ops.workshop_book(registration=registration, session=workshop(edition, format="hybrid"), actor=None)


def test_cancelling_the_registration_gives_workshop_seats_back(edition):
    session = workshop(edition, capacity=1)
    registration = registration_confirmed(edition)
    ops.workshop_book(registration=registration, session=session, actor=registration.user)
    waiting = registration_confirmed(edition)
    entry = ops.workshop_waiting_list_join(registration=waiting, session=session)

    ops.registration_cancel(registration=registration, actor=registration.user)

    assert registration.workshop_bookings.get().status == WorkshopBookingStatus.CANCELLED
    entry.refresh_from_db()
    assert entry.status == OfferStatus.OFFERED


def test_a_plain_session_cannot_be_booked(edition):
    registration = registration_confirmed(edition)

    with pytest.raises(ops.RegistrationError) as error:
        ops.workshop_book(registration=registration, session=session_create(edition), actor=None)
    assert str(error.value) == "Cette séance ne se réserve pas."
