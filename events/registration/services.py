"""Every change of a registration's state happens through here (with its parts `payment_flow` and `waiting_lists`).

That covers registrations, their payments and refunds, workshop seats and the
waiting lists of both. Seats are scarce: each writer locks the row that owns
the seats (the ticket type, or the workshop's session), counts the seats in
use and writes within one transaction, so two people can never get the last
seat. Locks are always taken in one order — payment, ticket type,
registration, session, voucher — so writers never deadlock each other. Each
transition is written to RegistrationLog with who acted and when; e-mails go
out through the task queue once the transaction has committed.
"""

import datetime
import logging
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    ACTIVE_STATUSES,
    OPEN_OFFER_STATUSES,
    OfferStatus,
    Payment,
    PaymentStatus,
    RefundPolicy,
    Registration,
    RegistrationStatus,
    TicketType,
    Voucher,
    WaitingListEntry,
)

# The registration service is reached here whole: its other parts are re-exported.
from events.registration.common import (  # noqa: F401
    REFERENCE_ALPHABET,
    Attendee,
    RegistrationError,
    SoldOut,
    WorkshopFull,
    _email,
    _log,
    _run_at,
    _set_status,
    email_resend,
    hold_duration,
    hold_grace,
    offer_duration,
    seats_in_use,
    seats_left,
    workshop_seats_in_use,
    workshop_seats_left,
)
from events.registration.payment_flow import (  # noqa: F401
    PaymentOutcome,
    payment_failed,
    payment_refunded,
    payment_start,
    payment_succeeded,
    payment_sync,
    refund_issue,
    refund_owed,
    refund_schedule,
    refunds_retry,
    transfer_refund_recorded,
)
from events.registration.waiting_lists import (  # noqa: F401
    _offer_check,
    _offer_ticket_seats,
    _own_offer,
    _release_workshops,
    offers_expire,
    waiting_list_join,
    waiting_list_leave,
    waiting_list_position,
    workshop_book,
    workshop_cancel,
    workshop_waiting_list_join,
)

logger = logging.getLogger(__name__)

# Registering ---------------------------------------------------------------------


def _new_reference(edition) -> str:
    suffix = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"CSC{edition.number}-{suffix}"


def voucher_check(voucher: Voucher | None, ticket_type: TicketType, *, now) -> None:
    if voucher is None:
        if ticket_type.voucher_only:
            raise RegistrationError(_("This ticket needs a voucher."))
        return
    if (
        voucher.edition_id != ticket_type.edition_id
        or not voucher.ticket_types.filter(pk=ticket_type.pk).exists()
    ):
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
    offer: WaitingListEntry | None = None,
    language: str = "fr",
    now: datetime.datetime | None = None,
) -> Registration:
    """Take a seat: free tickets are confirmed at once, paid ones are held while the person pays.

    ``offer``: a waiting-list offer for this ticket type, whose kept seat is taken up.
    Raises SoldOut when no seat is left, RegistrationError for any other refusal.
    """
    now = now or timezone.now()
    with transaction.atomic():
        # The lock: every writer of this ticket type's seats queues here.
        ticket_type = TicketType.objects.select_for_update().select_related("edition").get(pk=ticket_type.pk)
        if offer is None:  # a person offered this ticket's seat takes it even without the link
            offer = _own_offer(user=user, now=now, ticket_type=ticket_type)
        if offer is not None:
            offer = WaitingListEntry.objects.select_for_update().get(pk=offer.pk)
        if voucher is not None:
            voucher = Voucher.objects.select_for_update().get(pk=voucher.pk)
        _offer_check(offer, user=user, now=now, ticket_type=ticket_type)
        if offer is None and not ticket_type.on_sale(now):
            raise RegistrationError(_("This ticket is not on sale."))
        voucher_check(voucher, ticket_type, now=now)
        if Registration.objects.filter(
            user=user, edition=ticket_type.edition, status__in=ACTIVE_STATUSES
        ).exists():
            raise RegistrationError(_("You are already registered for this edition."))
        if (
            ticket_type.quota is not None
            and seats_in_use(ticket_type, now=now, offer=offer) >= ticket_type.quota
        ):
            raise SoldOut(_("Sold out: there is no seat left for this ticket."))

        price = voucher.price_for(ticket_type) if voucher else ticket_type.price
        if price == 0:
            status, fields = RegistrationStatus.CONFIRMED, {"confirmed_at": now}
        elif bank_transfer:
            if not ticket_type.edition.bank_transfer_details:
                raise RegistrationError(_("Payment by bank transfer is not offered for this edition."))
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
            language=language,
            **vars(attendee),
            **fields,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the database's own guard against a second registration
            raise RegistrationError(_("You are already registered for this edition.")) from error
        if offer is not None:
            offer.status = OfferStatus.ACCEPTED
            offer.closed_at = timezone.now()
            offer.save(update_fields=["status", "closed_at"])
        # Registered: their other places in ticket queues go (a kept seat is re-offered by the sweep).
        WaitingListEntry.objects.filter(
            user=user, ticket_type__edition=ticket_type.edition, status__in=OPEN_OFFER_STATUSES
        ).update(status=OfferStatus.LEFT, closed_at=timezone.now())
        _log(
            registration,
            action="registered",
            actor=user,
            from_status="",
            note="from the waiting list" if offer else "",
        )
        if status == RegistrationStatus.CONFIRMED:
            _email("confirmation", registration.pk)
        elif status == RegistrationStatus.AWAITING_TRANSFER:
            _email("transfer_instructions", registration.pk)
        else:
            _run_at("holds_release", registration.hold_expires_at + hold_grace())
    return registration


def registration_grant(
    *, user, ticket_type: TicketType, attendee: Attendee, actor, note: str
) -> Registration | None:
    """A free, confirmed registration the organisers owe someone (a confirmed speaker):
    no voucher, no payment, and no quota: the organisers made the promise.

    A seat the person holds unpaid, or a transfer they still owe, gives way to it;
    a confirmed registration stays as it is (None is returned).
    """
    now = timezone.now()
    with transaction.atomic():
        ticket_type = TicketType.objects.select_for_update().select_related("edition").get(pk=ticket_type.pk)
        for current in Registration.objects.select_for_update().filter(
            user=user, edition=ticket_type.edition, status__in=ACTIVE_STATUSES
        ):
            if current.status == RegistrationStatus.CONFIRMED:
                return None
            _set_status(
                current,
                RegistrationStatus.CANCELLED,
                action="replaced",
                actor=actor,
                note=f"by a free registration: {note}",
                cancelled_at=now,
            )
        registration = Registration(
            edition=ticket_type.edition,
            user=user,
            ticket_type=ticket_type,
            status=RegistrationStatus.CONFIRMED,
            reference=_new_reference(ticket_type.edition),
            price=0,
            currency=ticket_type.currency,
            consented_at=now,
            confirmed_at=now,
            language=getattr(user, "preferred_language", "") or "fr",
            **vars(attendee),
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            return None
        _log(registration, action="granted", actor=actor, from_status="", note=note)
        _email("confirmation", registration.pk)
    return registration


def grant_withdraw(*, user, edition, actor, note: str) -> Registration | None:
    """Cancel a free registration granted to someone who no longer has a reason for it."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .filter(user=user, edition=edition, status=RegistrationStatus.CONFIRMED, log__action="granted")
            .first()
        )
        if registration is None:
            return None
        ticket_type = TicketType.objects.select_for_update().get(pk=registration.ticket_type_id)
        _set_status(
            registration,
            RegistrationStatus.CANCELLED,
            action="grant_withdrawn",
            actor=actor,
            note=note,
            cancelled_at=timezone.now(),
        )
        _release_workshops(registration, now=timezone.now())
        _offer_ticket_seats(ticket_type, now=timezone.now())
    return registration


def registration_update(*, registration: Registration, attendee: Attendee, actor) -> Registration:
    """Correct the attendee's details (name on the badge, phone, accessibility needs)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            raise RegistrationError(_("This registration is not active."))
        for name, value in vars(attendee).items():
            setattr(registration, name, value)
        registration.save()
        _log(registration, action="details_changed", actor=actor)
    return registration


def holds_expire(*, now: datetime.datetime | None = None) -> int:
    """Release every unpaid hold whose time (and grace) is up and offer the seats; returns how many."""
    now = now or timezone.now()
    due = now - hold_grace()
    expired = 0
    for pk, ticket_type_id in Registration.objects.filter(
        status=RegistrationStatus.HELD, hold_expires_at__lte=due
    ).values_list("pk", "ticket_type_id"):
        with transaction.atomic():
            ticket_type = TicketType.objects.select_for_update().get(pk=ticket_type_id)
            registration = Registration.objects.select_for_update().get(pk=pk)
            if registration.status == RegistrationStatus.HELD and registration.hold_expires_at <= due:
                _set_status(registration, RegistrationStatus.EXPIRED, action="hold_expired")
                expired += 1
                _offer_ticket_seats(ticket_type, now=now)
    return expired


# Bank transfers ------------------------------------------------------------------


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
        _email("confirmation", registration.pk)
        _email("receipt", registration.pk)
    return registration


# Cancelling ----------------------------------------------------------------------


def paid_amount(registration: Registration) -> int:
    return sum(
        payment.amount - payment.refunded_amount
        for payment in registration.payments.filter(status=PaymentStatus.SUCCEEDED)
    )


def refund_due(registration: Registration, *, now: datetime.datetime | None = None) -> int:
    """What a cancellation by the attendee gives back, under the ticket type's refund rule."""
    now = now or timezone.now()
    ticket_type = registration.ticket_type
    if ticket_type.refund_policy == RefundPolicy.NONE:
        return 0
    if now >= registration.edition.starts_at - datetime.timedelta(days=ticket_type.refund_deadline_days):
        return 0
    return paid_amount(registration)


@dataclass(frozen=True)
class CancelOutcome:
    registration: Registration
    refund: int


def registration_cancel(
    *, registration: Registration, actor, now: datetime.datetime | None = None
) -> CancelOutcome:
    """The attendee (or an organiser) cancels; the seat is freed at once and offered on.

    A card payment is refunded as the ticket type's rule allows (through the task
    queue); a transfer to give back is logged for the organisers.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ticket_type = TicketType.objects.select_for_update().get(pk=registration.ticket_type_id)
        registration = (
            Registration.objects.select_for_update().select_related("edition").get(pk=registration.pk)
        )
        if registration.status not in ACTIVE_STATUSES:
            raise RegistrationError(_("This registration is not active."))
        refund = refund_due(registration, now=now)
        _set_status(
            registration, RegistrationStatus.CANCELLED, action="cancelled", actor=actor, cancelled_at=now
        )
        _release_workshops(registration, now=now)
        _offer_ticket_seats(ticket_type, now=now)
        _email("cancellation", registration.pk, refund=refund)
        remaining = refund
        for payment in registration.payments.filter(status=PaymentStatus.SUCCEEDED).order_by("pk"):
            share = min(remaining, payment.amount - payment.refunded_amount)
            if share <= 0:
                continue
            remaining -= share
            if payment.provider == "stripe":
                Payment.objects.filter(pk=payment.pk).update(refund_due=share)
                _log(registration, action="card_refund_due", actor=actor, note=str(share))
                refund_schedule(payment.intent_id)
            else:
                _log(registration, action="transfer_refund_due", actor=actor, note=str(share))
    return CancelOutcome(registration, refund)
