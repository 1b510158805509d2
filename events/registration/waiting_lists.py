"""Waiting lists and workshop bookings: the part of the registration service that hands
freed seats on. Reached through `events.registration.services`."""

import datetime
import logging
import secrets

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    ACTIVE_STATUSES,
    OPEN_OFFER_STATUSES,
    AttendanceFormat,
    AttendanceMode,
    OfferStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    WaitingListEntry,
    WorkshopBooking,
    WorkshopBookingStatus,
)
from events.programme.services import agenda_add
from events.registration.common import (
    RegistrationError,
    WorkshopFull,
    _email,
    _log,
    _open_offers,
    _run_at,
    offer_duration,
    seats_in_use,
    workshop_seats_in_use,
)

logger = logging.getLogger(__name__)


# Waiting lists -------------------------------------------------------------------


def _own_offer(*, user, now, **target) -> WaitingListEntry | None:
    return _open_offers(now, user=user, **target).first()


def _offer_check(offer: WaitingListEntry | None, *, user, now, **target) -> None:
    if offer is None:
        return
    matches = all(getattr(offer, f"{name}_id") == value.pk for name, value in target.items())
    if (
        offer.user_id != user.pk
        or not matches
        or offer.status != OfferStatus.OFFERED
        or offer.offer_expires_at <= now
    ):
        raise RegistrationError(_("This offer has expired or is no longer valid."))


def _waiting_list_add(*, user, language: str, **target) -> WaitingListEntry:
    existing = WaitingListEntry.objects.filter(user=user, status__in=OPEN_OFFER_STATUSES, **target).first()
    if existing is not None:
        return existing
    return WaitingListEntry.objects.create(
        user=user, language=language, token=secrets.token_urlsafe(24), **target
    )


def waiting_list_join(
    *, user, ticket_type: TicketType, language: str = "fr", now: datetime.datetime | None = None
) -> WaitingListEntry:
    """Queue for a sold-out in-person ticket type; joining twice keeps one place."""
    now = now or timezone.now()
    with transaction.atomic():
        ticket_type = TicketType.objects.select_for_update().get(pk=ticket_type.pk)
        if (
            ticket_type.mode != AttendanceMode.IN_PERSON
            or ticket_type.quota is None
            or ticket_type.voucher_only
        ):
            raise RegistrationError(_("This ticket has no waiting list."))
        if Registration.objects.filter(
            user=user, edition_id=ticket_type.edition_id, status__in=ACTIVE_STATUSES
        ).exists():
            raise RegistrationError(_("You are already registered for this edition."))
        if seats_in_use(ticket_type, now=now) < ticket_type.quota:
            raise RegistrationError(_("Seats are available: you can register now."))
        return _waiting_list_add(user=user, language=language, ticket_type=ticket_type)


def waiting_list_leave(*, entry: WaitingListEntry, now: datetime.datetime | None = None) -> None:
    """Leave the queue, or turn an offer down: the kept seat goes to the next person."""
    now = now or timezone.now()
    with transaction.atomic():
        owner = _lock_target(entry)
        entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status not in OPEN_OFFER_STATUSES:
            return
        entry.status = OfferStatus.LEFT
        entry.closed_at = timezone.now()
        entry.save(update_fields=["status", "closed_at"])
        _offer_seats(owner, now=now)


def waiting_list_position(entry: WaitingListEntry) -> int:
    """1 for the first person waiting."""
    target = (
        {"ticket_type_id": entry.ticket_type_id} if entry.ticket_type_id else {"session_id": entry.session_id}
    )
    return (
        WaitingListEntry.objects.filter(status=OfferStatus.WAITING, **target)
        .filter(Q(created_at__lt=entry.created_at) | Q(created_at=entry.created_at, pk__lt=entry.pk))
        .count()
        + 1
    )


def _lock_target(entry: WaitingListEntry):
    if entry.ticket_type_id:
        return TicketType.objects.select_for_update().get(pk=entry.ticket_type_id)
    return Session.objects.select_for_update().get(pk=entry.session_id)


def _offer_seats(owner, *, now) -> list[WaitingListEntry]:
    if isinstance(owner, TicketType):
        return _offer_ticket_seats(owner, now=now)
    return _offer_workshop_seats(owner, now=now)


def _offer_to_next(free: int, *, now, **target) -> list[WaitingListEntry]:
    if free <= 0:
        return []
    entries = []
    for entry in (
        WaitingListEntry.objects.select_for_update()
        .filter(status=OfferStatus.WAITING, **target)
        .order_by("created_at", "pk")
    ):
        if len(entries) == free:
            break
        if _can_take(entry):
            entries.append(entry)
        else:  # registered meanwhile, or no longer confirmed: out of the queue
            entry.status = OfferStatus.LEFT
            entry.closed_at = timezone.now()
            entry.save(update_fields=["status", "closed_at"])
    for entry in entries:
        entry.status = OfferStatus.OFFERED
        entry.offered_at = now
        entry.offer_expires_at = now + offer_duration()
        entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
        _email("offer", entry.pk)
        _run_at("offers_pass_on", entry.offer_expires_at)
    return entries


def _can_take(entry: WaitingListEntry) -> bool:
    if entry.ticket_type_id:
        return not Registration.objects.filter(
            user_id=entry.user_id, edition_id=entry.ticket_type.edition_id, status__in=ACTIVE_STATUSES
        ).exists()
    return Registration.objects.filter(
        user_id=entry.user_id, edition_id=entry.session.edition_id, status=RegistrationStatus.CONFIRMED
    ).exists()


def _offer_ticket_seats(ticket_type: TicketType, *, now) -> list[WaitingListEntry]:
    """Offer the free seats of a ticket type (whose row the caller has locked)."""
    if ticket_type.quota is None:
        return []
    return _offer_to_next(
        ticket_type.quota - seats_in_use(ticket_type, now=now), now=now, ticket_type=ticket_type
    )


def _offer_workshop_seats(session: Session, *, now) -> list[WaitingListEntry]:
    """Offer the free seats of a workshop (whose row the caller has locked)."""
    return _offer_to_next(
        (session.capacity or 0) - workshop_seats_in_use(session, now=now), now=now, session=session
    )


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Close the offers nobody took in time and pass their seats on; fill freed seats.

    Run every minute by the worker (with holds_expire); also catches seats freed
    by an organiser raising a quota or a workshop's capacity.
    """
    now = now or timezone.now()
    expired = 0
    for entry in WaitingListEntry.objects.filter(status=OfferStatus.OFFERED, offer_expires_at__lte=now):
        with transaction.atomic():
            owner = _lock_target(entry)
            entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
            if entry.status == OfferStatus.OFFERED and entry.offer_expires_at <= now:
                entry.status = OfferStatus.EXPIRED
                entry.closed_at = timezone.now()
                entry.save(update_fields=["status", "closed_at"])
                expired += 1
                _offer_seats(owner, now=now)
    waiting = WaitingListEntry.objects.filter(status=OfferStatus.WAITING)
    for ticket_type_id in (
        waiting.exclude(ticket_type=None).values_list("ticket_type_id", flat=True).distinct()
    ):
        with transaction.atomic():
            _offer_ticket_seats(TicketType.objects.select_for_update().get(pk=ticket_type_id), now=now)
    for session_id in waiting.exclude(session=None).values_list("session_id", flat=True).distinct():
        with transaction.atomic():
            _offer_workshop_seats(Session.objects.select_for_update().get(pk=session_id), now=now)
    return expired


# Workshops -----------------------------------------------------------------------


def _workshop_check(registration: Registration, session: Session) -> None:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise RegistrationError(_("Workshops can be booked once your registration is confirmed."))
    if (
        session.edition_id != registration.edition_id
        or session.kind != SessionKind.WORKSHOP
        or not session.is_published
        or not session.capacity
    ):
        raise RegistrationError(_("This session cannot be booked."))
    if (
        registration.ticket_type.mode == AttendanceMode.ONLINE
        and session.format == AttendanceFormat.IN_PERSON
    ):
        raise RegistrationError(
            _("This workshop takes place in person only; your ticket is for online attendance.")
        )


def workshop_book(
    *,
    registration: Registration,
    session: Session,
    actor,
    offer: WaitingListEntry | None = None,
    now: datetime.datetime | None = None,
) -> WorkshopBooking:
    """Book a seat in a workshop; refuses overlaps and full workshops (WorkshopFull)."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("ticket_type").get(pk=registration.pk)
        )
        session = Session.objects.select_for_update().get(pk=session.pk)
        if offer is not None:
            offer = WaitingListEntry.objects.select_for_update().get(pk=offer.pk)
        _workshop_check(registration, session)
        if offer is None:
            offer = _own_offer(user=registration.user, now=now, session=session)
        _offer_check(offer, user=registration.user, now=now, session=session)
        booked = registration.workshop_bookings.filter(status=WorkshopBookingStatus.BOOKED).select_related(
            "session"
        )
        if any(booking.session_id == session.pk for booking in booked):
            raise RegistrationError(_("You have already booked this workshop."))
        for booking in booked:
            if booking.session.starts_at < session.ends_at and session.starts_at < booking.session.ends_at:
                raise RegistrationError(
                    _("It overlaps “%(title)s”, which you have booked.") % {"title": booking.session.title}
                )
        if workshop_seats_in_use(session, now=now, offer=offer) >= session.capacity:
            raise WorkshopFull(_("This workshop is full."))
        booking = WorkshopBooking.objects.create(registration=registration, session=session)
        if offer is not None:
            offer.status = OfferStatus.ACCEPTED
            offer.closed_at = timezone.now()
            offer.save(update_fields=["status", "closed_at"])
        WaitingListEntry.objects.filter(
            user=registration.user, session=session, status=OfferStatus.WAITING
        ).update(status=OfferStatus.LEFT, closed_at=timezone.now())
        _log(registration, action="workshop_booked", actor=actor, note=session.slug)
        agenda_add(user=registration.user, session=session)
    return booking


def workshop_cancel(
    *, booking: WorkshopBooking, actor, now: datetime.datetime | None = None
) -> WorkshopBooking:
    """Give a workshop seat back: it is offered to the next person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=booking.registration_id)
        session = Session.objects.select_for_update().get(pk=booking.session_id)
        booking = WorkshopBooking.objects.select_for_update().get(pk=booking.pk)
        if booking.status != WorkshopBookingStatus.BOOKED:
            raise RegistrationError(_("This booking is already cancelled."))
        booking.status = WorkshopBookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        _log(registration, action="workshop_cancelled", actor=actor, note=session.slug)
        _offer_workshop_seats(session, now=now)
    return booking


def workshop_waiting_list_join(
    *,
    registration: Registration,
    session: Session,
    language: str = "fr",
    now: datetime.datetime | None = None,
) -> WaitingListEntry:
    now = now or timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update().select_related("ticket_type").get(pk=registration.pk)
        )
        session = Session.objects.select_for_update().get(pk=session.pk)
        _workshop_check(registration, session)
        if registration.workshop_bookings.filter(
            session=session, status=WorkshopBookingStatus.BOOKED
        ).exists():
            raise RegistrationError(_("You have already booked this workshop."))
        if workshop_seats_in_use(session, now=now) < session.capacity:
            raise RegistrationError(_("Seats are available: you can book now."))
        return _waiting_list_add(user=registration.user, language=language, session=session)


def _release_workshops(registration: Registration, *, now) -> None:
    """A cancelled registration gives its workshop seats back (the caller holds the registration).

    Sessions are locked in id order before the rows that hang off them, as every
    other writer does.
    """
    bookings = list(registration.workshop_bookings.filter(status=WorkshopBookingStatus.BOOKED))
    entries = WaitingListEntry.objects.filter(
        user=registration.user, session__edition=registration.edition, status__in=OPEN_OFFER_STATUSES
    )
    session_ids = sorted({b.session_id for b in bookings} | set(entries.values_list("session_id", flat=True)))
    sessions = {
        session.pk: session
        for session in Session.objects.select_for_update().filter(pk__in=session_ids).order_by("pk")
    }
    for booking in bookings:
        booking.status = WorkshopBookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        _log(registration, action="workshop_cancelled", note=sessions[booking.session_id].slug)
    for entry in entries.select_for_update(of=("self",)):
        entry.status = OfferStatus.LEFT
        entry.closed_at = timezone.now()
        entry.save(update_fields=["status", "closed_at"])
    for session_id in session_ids:
        _offer_workshop_seats(sessions[session_id], now=now)
