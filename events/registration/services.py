"""Every change of a registration's state happens here, and only here.

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

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import UserError
from events.models import (
    ACTIVE_STATUSES,
    OPEN_OFFER_STATUSES,
    AttendanceFormat,
    AttendanceMode,
    OfferStatus,
    Payment,
    PaymentStatus,
    RefundPolicy,
    Registration,
    RegistrationLog,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    Voucher,
    WaitingListEntry,
    WorkshopBooking,
    WorkshopBookingStatus,
)
from events.programme.services import agenda_add
from events.registration import payments

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
    the `expire_holds` command, which the deployment runs every minute anyway.
    """
    from events import tasks

    task = getattr(tasks, task_name)
    if task.get_backend().supports_defer:
        due = when + datetime.timedelta(seconds=1)
        transaction.on_commit(lambda: task.using(run_after=due).enqueue())


def _email(kind: str, pk: int, **extra) -> None:
    """Send an e-mail from the task queue once (and only if) this transaction commits."""
    from events.tasks import send_email

    transaction.on_commit(lambda: send_email.enqueue(kind, pk, **extra))


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
    from events.tasks import refund_owed

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
        except stripe.StripeError as error:
            raise RegistrationError(
                _("Stripe refused the refund: %(reason)s")
                % {"reason": error.user_message or _("the payment provider could not be reached.")}
            ) from error
        return payment_refunded(
            intent_id=payment.intent_id, amount_refunded=payment.refunded_amount + refund.amount, actor=actor
        )


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


# Waiting lists -------------------------------------------------------------------


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
