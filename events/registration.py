"""Every change of a registration's state happens here, and only here.

Seats are scarce: each writer locks the ticket type's row, counts the seats in
use and writes within one transaction (the pattern pretalx and pretix use), so
two people can never get the last seat. Each transition is logged with who
acted and when.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    ACTIVE_STATUSES,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    TicketType,
    Voucher,
)

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone


class RegistrationError(Exception):
    """A request the rules refuse; the message is shown to the person as it is."""


class SoldOut(RegistrationError):
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


def seats_in_use(ticket_type: TicketType, *, now: datetime.datetime) -> int:
    """Confirmed, awaiting transfer, or held and not yet expired."""
    return (
        Registration.objects.filter(ticket_type=ticket_type)
        .filter(
            Q(status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.AWAITING_TRANSFER])
            | Q(status=RegistrationStatus.HELD, hold_expires_at__gt=now)
        )
        .count()
    )


def seats_left(ticket_type: TicketType, *, now: datetime.datetime | None = None) -> int | None:
    if ticket_type.quota is None:
        return None
    return max(0, ticket_type.quota - seats_in_use(ticket_type, now=now or timezone.now()))


def _log(
    registration: Registration, *, action: str, actor=None, from_status: str = "", note: str = ""
) -> None:
    RegistrationLog.objects.create(
        registration=registration,
        action=action,
        actor=actor,
        from_status=from_status,
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


def _new_reference(edition) -> str:
    suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"CSC{edition.number}-{suffix}"


def _check_voucher(voucher: Voucher | None, ticket_type: TicketType, *, now) -> None:
    if voucher is None:
        if ticket_type.voucher_only:
            raise RegistrationError(_("This ticket needs a voucher."))
        return
    if not voucher.ticket_types.filter(pk=ticket_type.pk).exists():
        raise RegistrationError(_("This voucher does not apply to this ticket."))
    if voucher.valid_until and voucher.valid_until <= now:
        raise RegistrationError(_("This voucher has expired."))
    used = voucher.registrations.filter(status__in=ACTIVE_STATUSES).count()
    if used >= voucher.max_uses:
        raise RegistrationError(_("This voucher has already been used."))


def registration_start(
    *,
    user,
    ticket_type: TicketType,
    attendee: Attendee,
    voucher: Voucher | None = None,
    bank_transfer: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """Take a seat: free tickets are confirmed at once, paid ones are held while the person pays.

    Raises SoldOut when no seat is left, RegistrationError for any other refusal.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The lock: every writer of this ticket type's seats queues here.
        ticket_type = TicketType.objects.select_for_update().select_related("edition").get(pk=ticket_type.pk)
        if voucher is not None:
            voucher = Voucher.objects.select_for_update().get(pk=voucher.pk)
        if not ticket_type.on_sale(now):
            raise RegistrationError(_("This ticket is not on sale."))
        _check_voucher(voucher, ticket_type, now=now)
        if Registration.objects.filter(
            user=user, edition=ticket_type.edition, status__in=ACTIVE_STATUSES
        ).exists():
            raise RegistrationError(_("You are already registered for this edition."))
        if ticket_type.quota is not None and seats_in_use(ticket_type, now=now) >= ticket_type.quota:
            raise SoldOut(_("Sold out: there is no seat left for this ticket."))

        price = voucher.price_for(ticket_type) if voucher else ticket_type.price
        if price == 0:
            status, fields = RegistrationStatus.CONFIRMED, {"confirmed_at": now}
        elif bank_transfer:
            status, fields = RegistrationStatus.AWAITING_TRANSFER, {}
        else:
            status, fields = RegistrationStatus.HELD, {"hold_expires_at": now + hold_duration()}
        registration = Registration(
            edition=ticket_type.edition,
            user=user,
            ticket_type=ticket_type,
            voucher=voucher,
            status=status,
            reference=_new_reference(ticket_type.edition),
            price=price,
            currency=ticket_type.currency,
            consented_at=now,
            **vars(attendee),
            **fields,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the database's own guard against a second registration
            raise RegistrationError(_("You are already registered for this edition.")) from error
        _log(registration, action="registered", actor=user)
    return registration


def holds_expire(*, now: datetime.datetime | None = None) -> int:
    """Release every unpaid hold whose time is up; returns how many."""
    now = now or timezone.now()
    expired = 0
    for pk in Registration.objects.filter(
        status=RegistrationStatus.HELD, hold_expires_at__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.status == RegistrationStatus.HELD and registration.hold_expires_at <= now:
                _set_status(registration, RegistrationStatus.EXPIRED, action="hold_expired")
                expired += 1
    return expired


@dataclass(frozen=True)
class PaymentOutcome:
    registration: Registration
    confirmed: bool
    refund_needed: bool


def payment_succeeded(*, intent_id: str, amount: int, now: datetime.datetime | None = None) -> PaymentOutcome:
    """Record a successful card payment; idempotent, whoever reports it first.

    A payment that arrives after its hold expired is honoured if a seat is
    still free; otherwise the caller must refund it (refund_needed).
    """
    now = now or timezone.now()
    with transaction.atomic():
        payment = Payment.objects.select_for_update().select_related("registration").get(intent_id=intent_id)
        ticket_type = TicketType.objects.select_for_update().get(pk=payment.registration.ticket_type_id)
        registration = Registration.objects.select_for_update().get(pk=payment.registration_id)
        if payment.status == PaymentStatus.SUCCEEDED:
            return PaymentOutcome(registration, registration.status == RegistrationStatus.CONFIRMED, False)
        payment.status = PaymentStatus.SUCCEEDED
        payment.amount = amount
        payment.save()
        if registration.status == RegistrationStatus.CONFIRMED:
            return PaymentOutcome(registration, True, False)
        still_held = registration.status == RegistrationStatus.HELD and registration.hold_expires_at > now
        seat_free = ticket_type.quota is None or seats_in_use(ticket_type, now=now) < ticket_type.quota
        other_active = (
            Registration.objects.filter(
                user=registration.user, edition=registration.edition, status__in=ACTIVE_STATUSES
            )
            .exclude(pk=registration.pk)
            .exists()
        )
        if (
            (still_held or seat_free)
            and not other_active
            and registration.status != RegistrationStatus.CANCELLED
        ):
            _set_status(
                registration,
                RegistrationStatus.CONFIRMED,
                action="paid",
                note=intent_id if still_held else f"{intent_id} (after the hold expired, a seat was free)",
                confirmed_at=now,
                hold_expires_at=None,
            )
            return PaymentOutcome(registration, True, False)
        if registration.status == RegistrationStatus.HELD:
            _set_status(registration, RegistrationStatus.EXPIRED, action="hold_expired")
        _log(registration, action="late_payment", note=f"{intent_id}: no seat left, to be refunded")
        return PaymentOutcome(registration, False, True)


def payment_failed(*, intent_id: str) -> Payment:
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(intent_id=intent_id)
        if payment.status == PaymentStatus.PENDING:
            payment.status = PaymentStatus.FAILED
            payment.save()
            _log(payment.registration, action="payment_failed", note=intent_id)
    return payment


def payment_refunded(*, intent_id: str, amount_refunded: int, actor=None) -> Payment:
    """Record a refund (from the admin, a cancellation, or Stripe's dashboard)."""
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(intent_id=intent_id)
        if amount_refunded <= payment.refunded_amount:
            return payment
        payment.refunded_amount = amount_refunded
        if amount_refunded >= payment.amount:
            payment.status = PaymentStatus.REFUNDED
        payment.save()
        registration = Registration.objects.select_for_update().get(pk=payment.registration_id)
        if registration.status in ACTIVE_STATUSES and payment.status == PaymentStatus.REFUNDED:
            _set_status(
                registration,
                RegistrationStatus.CANCELLED,
                action="refunded",
                actor=actor,
                note=f"{intent_id}: {amount_refunded}",
                cancelled_at=timezone.now(),
            )
        else:
            _log(
                registration,
                action="refunded",
                actor=actor,
                from_status=registration.status,
                note=f"{intent_id}: {amount_refunded}",
            )
    return payment


def transfer_received(*, registration: Registration, actor) -> Registration:
    """An organiser saw the bank transfer arrive."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.AWAITING_TRANSFER:
            raise RegistrationError(_("This registration is not awaiting a transfer."))
        Payment.objects.create(
            registration=registration,
            provider="transfer",
            amount=registration.price,
            currency=registration.currency,
            status=PaymentStatus.SUCCEEDED,
        )
        _set_status(
            registration,
            RegistrationStatus.CONFIRMED,
            action="transfer_received",
            actor=actor,
            confirmed_at=timezone.now(),
        )
    return registration


def registration_cancel(*, registration: Registration, actor) -> Registration:
    """The attendee (or an organiser) cancels; the seat is freed at once."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            raise RegistrationError(_("This registration is not active."))
        _set_status(
            registration,
            RegistrationStatus.CANCELLED,
            action="cancelled",
            actor=actor,
            cancelled_at=timezone.now(),
        )
    return registration
