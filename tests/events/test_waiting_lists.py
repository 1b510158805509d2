"""Waiting lists: a freed seat goes to the next person, for a limited time, then on."""

import datetime

import pytest
from django.utils import timezone

from events.models import OfferStatus, RegistrationStatus
from events.registration import services as ops
from tests.factories import attendee, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def full_ticket(edition):
    """An in-person ticket type with one seat, taken."""
    ticket = ticket_type_create(edition, price=0, quota=1)
    holder = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    return ticket, holder


def test_joining_is_refused_while_seats_are_left(edition):
    ticket = ticket_type_create(edition, price=0, quota=5)

    with pytest.raises(ops.RegistrationError) as error:
        ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    assert str(error.value) == "Des places sont disponibles : vous pouvez vous inscrire dès maintenant."


def test_joining_twice_keeps_one_place_in_order(full_ticket):
    ticket, _holder = full_ticket
    first, second = user_create(), user_create()

    entry = ops.waiting_list_join(user=first, ticket_type=ticket)
    assert ops.waiting_list_join(user=first, ticket_type=ticket) == entry
    later = ops.waiting_list_join(user=second, ticket_type=ticket)

    assert (ops.waiting_list_position(entry), ops.waiting_list_position(later)) == (1, 2)


def test_a_cancellation_offers_the_seat_to_the_first_person_only(
    full_ticket, django_capture_on_commit_callbacks
):
    ticket, holder = full_ticket
    first = ops.waiting_list_join(user=user_create(), ticket_type=ticket, language="ar")
    second = ops.waiting_list_join(user=user_create(), ticket_type=ticket)

    with django_capture_on_commit_callbacks() as callbacks:
        ops.registration_cancel(registration=holder, actor=holder.user)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (OfferStatus.OFFERED, OfferStatus.WAITING)
    assert first.offer_expires_at == first.offered_at + datetime.timedelta(hours=24)
    assert len(callbacks) == 3  # the cancellation e-mail, the offer e-mail, the sweep when it falls due
    # The kept seat is not for anybody else.
    with pytest.raises(ops.SoldOut):
        ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())


def test_the_offered_person_takes_the_kept_seat(full_ticket):
    ticket, holder = full_ticket
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ops.registration_cancel(registration=holder, actor=holder.user)
    entry.refresh_from_db()

    registration = ops.registration_start(
        user=entry.user, ticket_type=ticket, attendee=attendee(), offer=entry
    )

    entry.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert entry.status == OfferStatus.ACCEPTED
    assert ops.seats_left(ticket) == 0


def test_an_offer_is_personal(full_ticket):
    ticket, holder = full_ticket
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ops.registration_cancel(registration=holder, actor=holder.user)
    entry.refresh_from_db()

    with pytest.raises(ops.RegistrationError) as error:
        ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee(), offer=entry)
    assert str(error.value) == "Cette proposition a expiré ou n’est plus valable."


def test_an_unused_offer_expires_and_passes_to_the_next(full_ticket):
    ticket, holder = full_ticket
    first = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    second = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ops.registration_cancel(registration=holder, actor=holder.user)
    first.refresh_from_db()
    later = first.offer_expires_at + datetime.timedelta(minutes=1)

    assert ops.offers_expire(now=later) == 1

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (OfferStatus.EXPIRED, OfferStatus.OFFERED)
    with pytest.raises(ops.RegistrationError):
        ops.registration_start(
            user=first.user, ticket_type=ticket, attendee=attendee(), offer=first, now=later
        )


def test_an_expired_hold_offers_its_seat(edition):
    ticket = ticket_type_create(edition, quota=1)
    now = timezone.now()
    held = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee(), now=now)
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket, now=now)

    ops.holds_expire(now=held.hold_expires_at + ops.hold_grace())

    entry.refresh_from_db()
    assert entry.status == OfferStatus.OFFERED


def test_a_raised_quota_is_offered_by_the_periodic_sweep(full_ticket):
    ticket, _holder = full_ticket
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ticket.quota = 2
    ticket.save()

    ops.offers_expire()

    entry.refresh_from_db()
    assert entry.status == OfferStatus.OFFERED


def test_turning_an_offer_down_passes_it_on(full_ticket):
    ticket, holder = full_ticket
    first = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    second = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ops.registration_cancel(registration=holder, actor=holder.user)

    ops.waiting_list_leave(entry=first)

    second.refresh_from_db()
    assert second.status == OfferStatus.OFFERED


def test_online_tickets_have_no_waiting_list(edition):
    online = ticket_type_create(edition, mode="online", price=0, quota=1)
    ops.registration_start(user=user_create(), ticket_type=online, attendee=attendee())

    with pytest.raises(ops.RegistrationError) as error:
        ops.waiting_list_join(user=user_create(), ticket_type=online)
    assert str(error.value) == "Ce billet n’a pas de liste d’attente."


def test_every_step_of_a_place_is_dated(full_ticket):
    ticket, holder = full_ticket
    entry = ops.waiting_list_join(user=user_create(), ticket_type=ticket)
    ops.registration_cancel(registration=holder, actor=holder.user)
    entry.refresh_from_db()
    assert entry.closed_at is None and entry.offered_at is not None

    ops.registration_start(user=entry.user, ticket_type=ticket, attendee=attendee())

    entry.refresh_from_db()
    assert entry.status == OfferStatus.ACCEPTED  # taken without the link: it was theirs
    assert entry.closed_at >= entry.offered_at
