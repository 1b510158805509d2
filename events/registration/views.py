"""Registration pages: register, pay, my registration, workshops and waiting lists.

The views translate requests into calls to `events.registration.services` (the only
writer of registration state) and its refusals into messages in the visitor's
language; they hold no rules of their own.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.csp import card_payment_policy
from events.attendance import certificates
from events.models import (
    ACTIVE_STATUSES,
    OPEN_OFFER_STATUSES,
    Edition,
    OfferStatus,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    WaitingListEntry,
    WorkshopBooking,
    WorkshopBookingStatus,
)
from events.registration import services as ops
from events.registration.forms import AttendeeForm, RegistrationForm, country_name

logger = logging.getLogger(__name__)


def _edition() -> Edition:
    edition = Edition.objects.current()
    if edition is None:
        raise Http404(_("Registration is not open yet."))
    return edition


def _active_registration(user, edition) -> Registration | None:
    return (
        Registration.objects.filter(user=user, edition=edition, status__in=ACTIVE_STATUSES)
        .select_related("ticket_type", "edition", "voucher")
        .first()
    )


def _ticket_offers(edition, *, voucher_code: str, now):
    """Ticket types the visitor may choose: public ones on sale, plus those a valid voucher unlocks."""
    tickets = TicketType.objects.filter(edition=edition)
    unlocked = Q(voucher_only=False)
    if voucher_code:
        unlocked |= Q(vouchers__code__iexact=voucher_code, vouchers__edition=edition)
    tickets = tickets.filter(unlocked).distinct()
    offers = []
    for ticket_type in tickets:
        if not ticket_type.on_sale(now):
            continue
        ticket_type.seats_left = ops.seats_left(ticket_type, now=now)
        ticket_type.sold_out = ticket_type.seats_left == 0
        ticket_type.has_waiting_list = (
            ticket_type.sold_out and ticket_type.mode == "in_person" and not ticket_type.voucher_only
        )
        offers.append(ticket_type)
    return offers


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    edition = _edition()
    existing = _active_registration(request.user, edition)
    if existing is not None:
        return redirect("registration:mine")
    now = timezone.now()
    offer = None
    if token := request.GET.get("offer") or request.POST.get("offer"):
        offer = WaitingListEntry.objects.filter(
            token=token, user=request.user, ticket_type__edition=edition
        ).first()
        if offer is None or offer.status != OfferStatus.OFFERED or offer.offer_expires_at <= now:
            messages.error(request, _("This offer has expired or is no longer valid."))
            return redirect("registration:register")
    voucher_code = (request.POST.get("voucher") or request.GET.get("voucher") or "").strip().upper()
    offers = _ticket_offers(edition, voucher_code=voucher_code, now=now)
    if offer is not None:
        offers = [ticket_type for ticket_type in offers if ticket_type.pk == offer.ticket_type_id] or [
            offer.ticket_type
        ]
        for ticket_type in offers:
            ticket_type.seats_left, ticket_type.sold_out, ticket_type.has_waiting_list = 1, False, False
    # Sold-out tickets stay valid choices: a form posted just as the last seat
    # went gets the service's clear "sold out", not "invalid choice".
    choosable = TicketType.objects.filter(pk__in=[t.pk for t in offers])
    form = RegistrationForm(
        request.POST or None,
        ticket_types=choosable,
        edition=edition,
        offer=offer,
        language=get_language(),
        initial={
            "first_name": request.user.first_name,
            "last_name": request.user.last_name,
            "country": "MA",
            "voucher": voucher_code,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = ops.registration_start(
                user=request.user,
                ticket_type=form.cleaned_data["ticket_type"],
                attendee=form.attendee(),
                voucher=form.cleaned_data["voucher"],
                bank_transfer=form.bank_transfer,
                offer=offer,
                language=get_language(),
            )
        except ops.SoldOut as refusal:
            form.add_error("ticket_type", str(refusal))
        except ops.RegistrationError as refusal:
            form.add_error(None, str(refusal))
        else:
            if registration.status == RegistrationStatus.HELD:
                return redirect("registration:pay", reference=registration.reference)
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(
                    request, _("You are registered. A confirmation is on its way to your inbox.")
                )
            return redirect("registration:mine")
    waiting = {
        entry.ticket_type_id: entry
        for entry in WaitingListEntry.objects.filter(
            user=request.user, ticket_type__edition=edition, status__in=OPEN_OFFER_STATUSES
        )
    }
    for ticket_type in offers:
        ticket_type.waiting_entry = waiting.get(ticket_type.pk)
        if ticket_type.waiting_entry:
            ticket_type.waiting_position = ops.waiting_list_position(ticket_type.waiting_entry)
    return render(
        request,
        "events/register.html",
        {
            "edition": edition,
            "form": form,
            "tickets": offers,
            "offer": offer,
            "voucher_code": voucher_code,
            "has_paid_tickets": any(not ticket.is_free and not ticket.sold_out for ticket in offers),
            "hold_minutes": int(ops.hold_duration().total_seconds() // 60),
        },
    )


def _own_registration(request, reference: str) -> Registration:
    return get_object_or_404(
        Registration.objects.select_related("ticket_type", "edition"), reference=reference, user=request.user
    )


@login_required
def pay(request, reference: str):
    registration = _own_registration(request, reference)
    if registration.status != RegistrationStatus.HELD:
        return redirect("registration:mine")
    try:
        payment = ops.payment_start(registration=registration)
    except ops.RegistrationError:
        messages.error(request, _("Your seat's hold has expired. You can register again if seats are left."))
        return redirect("registration:mine")
    except Exception:  # Stripe unreachable: say so, lose nothing (the hold still stands)
        logger.exception("Could not start the card payment of %s", registration.reference)
        messages.error(
            request, _("Card payment is unavailable right now. Please try again in a few minutes.")
        )
        return redirect("registration:mine")
    response = render(
        request,
        "events/pay.html",
        {
            "registration": registration,
            "payment": payment,
            "stripe_js_url": settings.STRIPE_JS_URL,
            "stripe_key": settings.STRIPE_PUBLISHABLE_KEY,
            "return_url": request.build_absolute_uri(
                reverse("registration:pay_return", args=[registration.reference])
            ),
        },
    )
    response._csp_config = card_payment_policy()  # Stripe.js and its frames, on this page only
    return response


@login_required
def pay_return(request, reference: str):
    """Where the payment page lands: read the intent from Stripe, whatever the webhook has done."""
    registration = _own_registration(request, reference)
    payment = registration.payments.filter(provider="stripe").order_by("-pk").first()
    if payment is not None and payment.status in (PaymentStatus.PENDING, PaymentStatus.FAILED):
        try:
            ops.payment_sync(intent_id=payment.intent_id)
        except Exception:  # the webhook will confirm it; the page says it is being checked
            logger.exception("Could not read PaymentIntent %s", payment.intent_id)
    registration.refresh_from_db()
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("Payment received: you are registered. A confirmation is on its way."))
    elif registration.status == RegistrationStatus.HELD:
        messages.info(
            request, _("We have not received your payment yet. If you paid, this page will update shortly.")
        )
    return redirect("registration:mine")


def _workshops(registration: Registration, *, now):
    sessions = list(
        Session.objects.filter(
            edition=registration.edition, kind=SessionKind.WORKSHOP, is_published=True, capacity__isnull=False
        )
        .select_related("room", "edition")
        .annotate(booked=Count("bookings", filter=Q(bookings__status=WorkshopBookingStatus.BOOKED)))
        .order_by("starts_at", "pk")
    )
    bookings = {
        booking.session_id: booking
        for booking in registration.workshop_bookings.filter(status=WorkshopBookingStatus.BOOKED)
    }
    entries = {
        entry.session_id: entry
        for entry in WaitingListEntry.objects.filter(
            user=registration.user, session__edition=registration.edition, status__in=OPEN_OFFER_STATUSES
        )
    }
    offers_held = dict(
        WaitingListEntry.objects.filter(
            session__in=sessions, status=OfferStatus.OFFERED, offer_expires_at__gt=now
        )
        .values_list("session_id")
        .annotate(n=Count("pk"))
    )
    booked_sessions = [session for session in sessions if session.pk in bookings]
    for session in sessions:
        session.booking = bookings.get(session.pk)
        session.waiting_entry = entries.get(session.pk)
        if session.waiting_entry and session.waiting_entry.status == OfferStatus.WAITING:
            session.waiting_position = ops.waiting_list_position(session.waiting_entry)
        session.seats_left = max(0, session.capacity - session.booked - offers_held.get(session.pk, 0))
        session.overlaps = next(
            (
                other
                for other in booked_sessions
                if other.pk != session.pk
                and other.starts_at < session.ends_at
                and session.starts_at < other.ends_at
            ),
            None,
        )
        session.in_person_only = registration.ticket_type.mode == "online" and session.format == "in_person"
    return sessions


@login_required
def mine(request):
    edition = _edition()
    now = timezone.now()
    registration = _active_registration(request.user, edition) or (
        Registration.objects.filter(user=request.user, edition=edition)
        .select_related("ticket_type", "edition", "voucher")
        .order_by("-created_at")
        .first()
    )
    context = {"edition": edition, "registration": registration, "now": now}
    if registration is not None:
        registration.is_active = registration.status in ACTIVE_STATUSES
        context.update(
            {
                "payments": registration.payments.all(),
                "paid": ops.paid_amount(registration),
                "refund_due": ops.refund_due(registration, now=now) if registration.is_active else 0,
                "country": country_name(registration.country, get_language()),
                "workshops": _workshops(registration, now=now)
                if registration.status == RegistrationStatus.CONFIRMED
                else [],
                "history": registration.log.select_related("actor").order_by("at", "pk"),
                "certificate": registration.status == RegistrationStatus.CONFIRMED
                and certificates.available(registration, now=now),
            }
        )
    context["ticket_waiting"] = list(
        WaitingListEntry.objects.filter(
            user=request.user, ticket_type__edition=edition, status__in=OPEN_OFFER_STATUSES
        ).select_related("ticket_type")
    )
    for entry in context["ticket_waiting"]:
        entry.position = ops.waiting_list_position(entry)
    return render(request, "events/registration_mine.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request):
    edition = _edition()
    registration = _active_registration(request.user, edition)
    if registration is None:
        return redirect("registration:mine")
    form = AttendeeForm(
        request.POST or None,
        language=get_language(),
        initial={name: getattr(registration, name) for name in AttendeeForm.base_fields},
    )
    if request.method == "POST" and form.is_valid():
        ops.registration_update(registration=registration, attendee=form.attendee(), actor=request.user)
        messages.success(request, _("Your details are saved."))
        return redirect("registration:mine")
    return render(request, "events/registration_edit.html", {"form": form, "registration": registration})


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request):
    edition = _edition()
    registration = _active_registration(request.user, edition)
    if registration is None:
        return redirect("registration:mine")
    if request.method == "POST":
        try:
            outcome = ops.registration_cancel(registration=registration, actor=request.user)
        except ops.RegistrationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("Your registration is cancelled.")
                + (
                    " " + _("Your refund is on its way; we will e-mail you when it is sent.")
                    if outcome.refund
                    else ""
                ),
            )
        return redirect("registration:mine")
    return render(
        request,
        "events/registration_cancel.html",
        {
            "registration": registration,
            "paid": ops.paid_amount(registration),
            "refund": ops.refund_due(registration),
        },
    )


@login_required
def receipt(request, reference: str):
    registration = _own_registration(request, reference)
    payments = registration.payments.filter(status__in=[PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED])
    if not payments:
        raise Http404(_("No payment has been received for this registration."))
    return render(
        request,
        "events/registration_receipt.html",
        {
            "registration": registration,
            "payments": payments,
            "country": country_name(registration.country, get_language()),
        },
    )


@login_required
@require_POST
def ticket_waiting_list_join(request, ticket_type_id: int):
    ticket_type = get_object_or_404(TicketType, pk=ticket_type_id, edition=_edition())
    try:
        ops.waiting_list_join(user=request.user, ticket_type=ticket_type, language=get_language())
    except ops.RegistrationError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("You are on the waiting list. If a seat frees up, we will offer it to you by e-mail.")
        )
    return redirect("registration:register")


@login_required
@require_POST
def waiting_list_leave(request, token: str):
    entry = get_object_or_404(WaitingListEntry, token=token, user=request.user)
    ops.waiting_list_leave(entry=entry)
    messages.success(request, _("You have left the waiting list."))
    return redirect("registration:mine")


@login_required
@require_http_methods(["GET", "POST"])
def offer(request, token: str):
    """The link of a waiting-list offer e-mail."""
    entry = get_object_or_404(
        WaitingListEntry.objects.select_related("ticket_type", "session", "session__room"),
        token=token,
        user=request.user,
    )
    valid = entry.status == OfferStatus.OFFERED and entry.offer_expires_at > timezone.now()
    if entry.ticket_type_id and valid:
        return redirect(f"{reverse('registration:register')}?offer={entry.token}")
    if request.method == "POST" and valid:
        registration = _active_registration(request.user, entry.session.edition)
        try:
            if registration is None:
                raise ops.RegistrationError(_("Workshops can be booked once your registration is confirmed."))
            ops.workshop_book(
                registration=registration, session=entry.session, actor=request.user, offer=entry
            )
        except ops.RegistrationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your seat in this workshop is booked."))
            return redirect("registration:mine")
    return render(request, "events/offer.html", {"entry": entry, "valid": valid})


def _workshop_action(request, session_id: int):
    edition = _edition()
    registration = _active_registration(request.user, edition)
    session = get_object_or_404(Session, pk=session_id, edition=edition)
    if registration is None:
        messages.error(request, _("Workshops can be booked once your registration is confirmed."))
    return registration, session


@login_required
@require_POST
def workshop_book(request, session_id: int):
    registration, session = _workshop_action(request, session_id)
    if registration is not None:
        try:
            ops.workshop_book(registration=registration, session=session, actor=request.user)
        except ops.WorkshopFull as refusal:
            messages.error(request, str(refusal) + " " + _("You can join its waiting list."))
        except ops.RegistrationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Your seat in this workshop is booked."))
    return redirect(f"{reverse('registration:mine')}#workshop-{session_id}")


@login_required
@require_POST
def workshop_cancel(request, session_id: int):
    registration, session = _workshop_action(request, session_id)
    if registration is not None:
        booking = WorkshopBooking.objects.filter(
            registration=registration, session=session, status=WorkshopBookingStatus.BOOKED
        ).first()
        if booking is None:
            messages.error(request, _("This booking is already cancelled."))
        else:
            ops.workshop_cancel(booking=booking, actor=request.user)
            messages.success(request, _("Your workshop seat is given back."))
    return redirect(f"{reverse('registration:mine')}#workshop-{session_id}")


@login_required
@require_POST
def workshop_waiting_list_join(request, session_id: int):
    registration, session = _workshop_action(request, session_id)
    if registration is not None:
        try:
            ops.workshop_waiting_list_join(
                registration=registration, session=session, language=get_language()
            )
        except ops.RegistrationError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("You are on the waiting list. If a seat frees up, we will offer it to you by e-mail."),
            )
    return redirect(f"{reverse('registration:mine')}#workshop-{session_id}")
