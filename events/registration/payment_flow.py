"""Card payments and refunds of registrations: the part of the registration service that
follows money. Reached through `events.registration.services`."""

import datetime
import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    ACTIVE_STATUSES,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    TicketType,
    Voucher,
)
from events.registration import payments
from events.registration.common import RegistrationError, _email, _log, _set_status, hold_grace, seats_in_use
from events.registration.waiting_lists import _offer_ticket_seats, _release_workshops

logger = logging.getLogger(__name__)

# Card payments -------------------------------------------------------------------


def payment_start(*, registration: Registration, now: datetime.datetime | None = None) -> Payment:
    """The card payment of a held registration: its PaymentIntent, created once.

    Reloading the payment page, or trying another card after a decline, reuses
    the same intent; Stripe gets an idempotency key as well.
    """
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.HELD or registration.hold_expires_at <= now:
            raise RegistrationError(_("This registration is not waiting for a card payment."))
        payment = registration.payments.filter(
            provider="stripe",
            status__in=[PaymentStatus.PENDING, PaymentStatus.FAILED],
            amount=registration.price,
        ).first()
        if payment is not None:
            return payment
        intent = payments.intent_create(
            amount=registration.price,
            currency=registration.currency,
            reference=registration.reference,
            email=registration.user.email,
            idempotency_key=f"registration-{registration.reference}-{registration.price}",
        )
        payment = Payment.objects.create(
            registration=registration,
            intent_id=intent.id,
            client_secret=intent.client_secret,
            amount=registration.price,
            currency=registration.currency,
        )
        _log(registration, action="payment_started", note=intent.id)
    return payment


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
        payment = Payment.objects.select_for_update().get(intent_id=intent_id)
        ticket_type_id = Registration.objects.values_list("ticket_type_id", flat=True).get(
            pk=payment.registration_id
        )
        ticket_type = TicketType.objects.select_for_update().get(pk=ticket_type_id)
        registration = Registration.objects.select_for_update().get(pk=payment.registration_id)
        if payment.status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED):
            return PaymentOutcome(registration, registration.status == RegistrationStatus.CONFIRMED, False)
        payment.status = PaymentStatus.SUCCEEDED
        payment.amount = amount
        payment.save()
        if registration.status == RegistrationStatus.CONFIRMED:
            return PaymentOutcome(registration, True, False)
        still_held = (
            registration.status == RegistrationStatus.HELD
            and registration.hold_expires_at > now - hold_grace()
        )
        seat_free = ticket_type.quota is None or seats_in_use(ticket_type, now=now) < ticket_type.quota
        blocked = (  # another active registration, or a voucher used up meanwhile
            Registration.objects.filter(
                user=registration.user, edition=registration.edition, status__in=ACTIVE_STATUSES
            )
            .exclude(pk=registration.pk)
            .exists()
        )
        if registration.voucher_id and not still_held:
            # Coming back from expired: its voucher may have been used up meanwhile.
            voucher = Voucher.objects.select_for_update().get(pk=registration.voucher_id)
            used = (
                voucher.registrations.filter(status__in=ACTIVE_STATUSES).exclude(pk=registration.pk).count()
            )
            blocked = blocked or used >= voucher.max_uses
        if (still_held or seat_free) and not blocked and registration.status != RegistrationStatus.CANCELLED:
            try:
                with transaction.atomic():  # the database has the last word on "one active registration"
                    _set_status(
                        registration,
                        RegistrationStatus.CONFIRMED,
                        action="paid",
                        note=intent_id
                        if still_held
                        else f"{intent_id} (after the hold expired, a seat was free)",
                        confirmed_at=now,
                        hold_expires_at=None,
                    )
            except IntegrityError:
                registration.refresh_from_db()
            else:
                _email("confirmation", registration.pk)
                _email("receipt", registration.pk)
                return PaymentOutcome(registration, True, False)
        if registration.status == RegistrationStatus.HELD:
            _set_status(registration, RegistrationStatus.EXPIRED, action="hold_expired")
        payment.refund_due = payment.amount - payment.refunded_amount
        payment.save(update_fields=["refund_due"])
        _log(registration, action="late_payment", note=f"{intent_id}: no seat left, to be refunded")
        return PaymentOutcome(registration, False, True)


def payment_sync(*, intent_id: str) -> PaymentOutcome | None:
    """Ask Stripe how the intent stands and record it (the return page's half of the race).

    The webhook may have recorded it already: then this is a no-op.
    """
    intent = payments.intent_retrieve(intent_id)
    if intent.status != "succeeded":
        return None
    # amount_received is what was actually captured (absent from localstripe's intents).
    amount = getattr(intent, "amount_received", None) or intent.amount
    outcome = payment_succeeded(intent_id=intent_id, amount=amount)
    if outcome.refund_needed:
        refund_schedule(intent_id)
    return outcome


def refund_schedule(intent_id: str) -> None:
    """Have the worker pay back what the payment is owed (its refund_due), once committed."""
    from events.registration.tasks import refund_owed

    transaction.on_commit(lambda: refund_owed.enqueue(intent_id))


def refund_owed(*, intent_id: str) -> Payment:
    """Refund what a payment is owed; a no-op when nothing is (a replayed task)."""
    payment = Payment.objects.get(intent_id=intent_id)
    owed = min(payment.refund_due, payment.amount - payment.refunded_amount)
    if owed <= 0 or payment.status != PaymentStatus.SUCCEEDED:
        return payment
    return refund_issue(payment=payment, amount=owed)


def refunds_retry() -> int:
    """Retry every refund still owed (a task that failed while Stripe was unreachable)."""
    retried = 0
    for intent_id in Payment.objects.filter(
        provider="stripe", status=PaymentStatus.SUCCEEDED, refund_due__gt=0
    ).values_list("intent_id", flat=True):
        try:
            refund_owed(intent_id=intent_id)
            retried += 1
        except RegistrationError:
            logger.exception("Refund of %s still failing; will retry", intent_id)
    return retried


def payment_failed(*, intent_id: str) -> Payment:
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(intent_id=intent_id)
        if payment.status == PaymentStatus.PENDING:
            payment.status = PaymentStatus.FAILED
            payment.save()
            _log(payment.registration, action="payment_failed", note=intent_id)
    return payment


def payment_refunded(*, intent_id: str, amount_refunded: int, actor=None) -> Payment:
    """Record a card refund (from the admin, a cancellation, or Stripe's dashboard).

    ``amount_refunded`` is the intent's total refunded so far, as Stripe reports it,
    so replays and out-of-order deliveries change nothing.
    """
    payment = Payment.objects.only("pk").get(intent_id=intent_id)
    return _refund_record(payment_pk=payment.pk, amount_refunded=amount_refunded, actor=actor)


def transfer_refund_recorded(*, payment: Payment, amount: int, actor) -> Payment:
    """An organiser paid money back by bank transfer (the platform cannot do it for them)."""
    with transaction.atomic():
        locked = Payment.objects.select_for_update().get(pk=payment.pk)
        if locked.provider != "transfer" or locked.status != PaymentStatus.SUCCEEDED:
            raise RegistrationError(_("Only a bank transfer received can be refunded by transfer."))
        if not 0 < amount <= locked.amount - locked.refunded_amount:
            raise RegistrationError(_("The refund must be between 0 and the amount not yet refunded."))
        return _refund_record(
            payment_pk=locked.pk, amount_refunded=locked.refunded_amount + amount, actor=actor
        )


def _refund_record(*, payment_pk: int, amount_refunded: int, actor) -> Payment:
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment_pk)
        ticket_type_id = Registration.objects.values_list("ticket_type_id", flat=True).get(
            pk=payment.registration_id
        )
        ticket_type = TicketType.objects.select_for_update().get(pk=ticket_type_id)
        registration = Registration.objects.select_for_update().get(pk=payment.registration_id)
        if amount_refunded <= payment.refunded_amount:
            return payment
        newly = amount_refunded - payment.refunded_amount
        payment.refunded_amount = amount_refunded
        payment.refund_due = max(0, payment.refund_due - newly)
        if amount_refunded >= payment.amount:
            payment.status = PaymentStatus.REFUNDED
            payment.refund_due = 0
        payment.save()
        note = f"{payment.intent_id or payment.provider}: {amount_refunded}"
        if registration.status in ACTIVE_STATUSES and payment.status == PaymentStatus.REFUNDED:
            _set_status(
                registration,
                RegistrationStatus.CANCELLED,
                action="refunded",
                actor=actor,
                note=note,
                cancelled_at=timezone.now(),
            )
            _release_workshops(registration, now=timezone.now())
            _offer_ticket_seats(ticket_type, now=timezone.now())
        else:
            _log(registration, action="refunded", actor=actor, note=note)
        _email("refund", registration.pk, amount=newly)
    return payment


def refund_issue(*, payment: Payment, amount: int | None = None, actor=None) -> Payment:
    """Give card money back through Stripe, then record it (an organiser's refund, or a cancellation's).

    The payment row stays locked from the check to the record, so two organisers
    clicking at once cannot refund more than was paid; Stripe's refusals come
    back as a RegistrationError with its reason.
    """
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.provider != "stripe" or payment.status != PaymentStatus.SUCCEEDED:
            raise RegistrationError(_("This payment cannot be refunded by card."))
        remaining = payment.amount - payment.refunded_amount
        amount = remaining if amount is None else amount
        if not 0 < amount <= remaining:
            raise RegistrationError(_("The refund must be between 0 and the amount not yet refunded."))
        try:
            refund = payments.refund_create(
                intent_id=payment.intent_id,
                amount=amount,
                # The key names the state it starts from: retrying this very refund is
                # safe, and a second refund of the same amount is a new refund.
                idempotency_key=f"refund-{payment.intent_id}-{payment.refunded_amount}-{amount}",
            )
        except payments.PaymentProviderError as error:
            raise RegistrationError(
                _("Stripe refused the refund: %(reason)s")
                % {"reason": error.user_message or _("the payment provider could not be reached.")}
            ) from error
        return payment_refunded(
            intent_id=payment.intent_id, amount_refunded=payment.refunded_amount + refund.amount, actor=actor
        )
