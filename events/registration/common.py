"""What every part of the registration service shares: its errors, seat counts, log and e-mails.

Only the modules of this package use it; everyone else goes through
`events.registration.services`.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.errors import UserError
from events.models import (
    OfferStatus,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    Session,
    TicketType,
    WaitingListEntry,
    WorkshopBooking,
    WorkshopBookingStatus,
)

logger = logging.getLogger(__name__)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone


class RegistrationError(UserError):
    """A request the rules refuse; the message is shown to the person as it is."""


class SoldOut(RegistrationError):
    pass


class WorkshopFull(RegistrationError):
    pass


@dataclass(frozen=True)
class Attendee:
    first_name: str
    last_name: str
    name_ar: str = ""
    organisation: str = ""
    job_title: str = ""
    country: str = ""
    city: str = ""
    phone: str = ""
    needs_wheelchair_access: bool = False
    needs_sign_language: bool = False
    accessibility_other: str = ""


def hold_duration() -> datetime.timedelta:
    return datetime.timedelta(minutes=getattr(settings, "REGISTRATION_HOLD_MINUTES", 15))


def hold_grace() -> datetime.timedelta:
    """A held seat stays kept this long after the hold's end, silently: a card
    confirmed in the last seconds (or a slow 3-D Secure) still finds its seat."""
    return datetime.timedelta(seconds=getattr(settings, "REGISTRATION_HOLD_GRACE_SECONDS", 120))


def offer_duration() -> datetime.timedelta:
    return datetime.timedelta(hours=getattr(settings, "WAITING_LIST_OFFER_HOURS", 24))


# Counting seats ------------------------------------------------------------------


def _open_offers(now, **target):
    return WaitingListEntry.objects.filter(status=OfferStatus.OFFERED, offer_expires_at__gt=now, **target)


def seats_in_use(ticket_type: TicketType, *, now: datetime.datetime, offer=None) -> int:
    """Confirmed, awaiting transfer, held and not yet expired, or kept for a waiting-list offer.

    ``offer``: the offer being taken up, whose kept seat is the taker's own.
    """
    registrations = (
        Registration.objects.filter(ticket_type=ticket_type)
        .filter(
            Q(status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.AWAITING_TRANSFER])
            | Q(status=RegistrationStatus.HELD, hold_expires_at__gt=now - hold_grace())
        )
        .count()
    )
    offers = _open_offers(now, ticket_type=ticket_type).exclude(pk=offer.pk if offer else None).count()
    return registrations + offers


def seats_left(ticket_type: TicketType, *, now: datetime.datetime | None = None) -> int | None:
    if ticket_type.quota is None:
        return None
    return max(0, ticket_type.quota - seats_in_use(ticket_type, now=now or timezone.now()))


def workshop_seats_in_use(session: Session, *, now: datetime.datetime, offer=None) -> int:
    booked = WorkshopBooking.objects.filter(session=session, status=WorkshopBookingStatus.BOOKED).count()
    offers = _open_offers(now, session=session).exclude(pk=offer.pk if offer else None).count()
    return booked + offers


def workshop_seats_left(session: Session, *, now: datetime.datetime | None = None) -> int:
    return max(0, (session.capacity or 0) - workshop_seats_in_use(session, now=now or timezone.now()))


# Logging and e-mails -------------------------------------------------------------


def _log(
    registration: Registration, *, action: str, actor=None, from_status: str | None = None, note: str = ""
) -> None:
    RegistrationLog.objects.create(
        registration=registration,
        action=action,
        actor=actor,
        from_status=registration.status if from_status is None else from_status,
        to_status=registration.status,
        note=note,
    )


def _set_status(
    registration: Registration, status: str, *, action: str, actor=None, note: str = "", **fields
):
    previous = registration.status
    registration.status = status
    for name, value in fields.items():
        setattr(registration, name, value)
    registration.save()
    _log(registration, action=action, actor=actor, from_status=previous, note=note)


def email_resend(*, registration: Registration, kind: str, actor, **extra) -> None:
    """An organiser sends one of the registration's e-mails again; the log says who asked."""
    _log(registration, action="email_resend", actor=actor, note=kind)
    _email(kind, registration.pk, **extra)


def _run_at(task_name: str, when: datetime.datetime) -> None:
    """Have the worker run a sweep when something falls due (a hold, an offer).

    The backends that cannot defer (the immediate one in some tests) rely on
    the `run_periodic` command, which the deployment runs every minute anyway.
    """
    from events.registration import tasks

    task = getattr(tasks, task_name)
    if task.get_backend().supports_defer:
        due = when + datetime.timedelta(seconds=1)
        transaction.on_commit(lambda: task.using(run_after=due).enqueue())


def _email(kind: str, pk: int, **extra) -> None:
    """Send an e-mail from the task queue once (and only if) this transaction commits."""
    from events.registration.tasks import send_email

    transaction.on_commit(lambda: send_email.enqueue(kind, pk, **extra))
