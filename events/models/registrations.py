"""Registrations and the payments behind them.

`events.registration.services` is the only module that changes a registration's
status; every change is written to RegistrationLog with who and when.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def badge_token_new() -> str:
    return secrets.token_urlsafe(18)


class RegistrationStatus(models.TextChoices):
    HELD = "held", _("Seat held, awaiting payment")
    AWAITING_TRANSFER = "awaiting_transfer", _("Awaiting bank transfer")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")


# Statuses that use a seat and block a second registration for the edition.
ACTIVE_STATUSES = [
    RegistrationStatus.HELD,
    RegistrationStatus.AWAITING_TRANSFER,
    RegistrationStatus.CONFIRMED,
]


class Registration(models.Model):
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.PROTECT, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    ticket_type = models.ForeignKey(
        "events.TicketType",
        verbose_name=_("ticket type"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    voucher = models.ForeignKey(
        "events.Voucher",
        verbose_name=_("voucher"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    reference = models.CharField(_("reference"), max_length=16, unique=True)
    price = models.PositiveIntegerField(_("price (centimes)"))
    currency = models.CharField(_("currency"), max_length=3, default="MAD")
    hold_expires_at = models.DateTimeField(_("hold expires at"), null=True, blank=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    name_ar = models.CharField(_("name in Arabic script"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    needs_wheelchair_access = models.BooleanField(_("wheelchair access"), default=False)
    needs_sign_language = models.BooleanField(_("sign-language interpretation"), default=False)
    accessibility_other = models.TextField(_("other accessibility needs"), blank=True)
    consented_at = models.DateTimeField(_("consent to data processing given at"))
    language = models.CharField(
        _("language"), max_length=8, default="fr", help_text=_("E-mails are written in this language.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    badge_token = models.CharField(
        max_length=32,
        unique=True,
        default=badge_token_new,
        editable=False,
        help_text=_("Random; the badge's QR code carries it signed, and nothing personal."),
    )
    badge_printed_at = models.DateTimeField(_("badge printed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "edition"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="one_active_registration",
            ),
            models.CheckConstraint(
                condition=~Q(status=RegistrationStatus.HELD) | Q(hold_expires_at__isnull=False),
                name="held_registration_has_expiry",
            ),
        ]
        indexes = [models.Index(fields=["ticket_type", "status"])]

    def __str__(self):
        return f"{self.reference} – {self.first_name} {self.last_name}"


class RegistrationLog(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the platform acted on its own (payment provider, expiry)."),
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("registration log entry")
        verbose_name_plural = _("registration log")

    def __str__(self):
        return f"{self.registration.reference} {self.action} {self.from_status}→{self.to_status}"


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")
    REFUNDED = "refunded", _("Refunded")


class Payment(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(max_length=16, default="stripe")
    intent_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    client_secret = models.CharField(max_length=255, blank=True)
    amount = models.PositiveIntegerField()
    currency = models.CharField(max_length=3, default="MAD")
    status = models.CharField(max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.PENDING)
    refunded_amount = models.PositiveIntegerField(default=0)
    refund_due = models.PositiveIntegerField(
        default=0,
        help_text=_("Owed back by card and not yet refunded; the worker retries until it is."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self):
        return f"{self.provider} {self.intent_id or self.pk} {self.status}"


class StripeEvent(models.Model):
    """Each Stripe event id is handled once, however often Stripe delivers it."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.event_id} {self.type}"


class WorkshopBookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")


class WorkshopBooking(models.Model):
    """A confirmed attendee's seat in a limited-capacity workshop."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="workshop_bookings",
    )
    session = models.ForeignKey(
        "events.Session", verbose_name=_("workshop"), on_delete=models.PROTECT, related_name="bookings"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=WorkshopBookingStatus.choices,
        default=WorkshopBookingStatus.BOOKED,
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["session__starts_at", "pk"]
        verbose_name = _("workshop booking")
        verbose_name_plural = _("workshop bookings")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"],
                condition=Q(status="booked"),
                name="one_booking_per_workshop",
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self):
        return f"{self.registration.reference} – {self.session}"


class OfferStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Seat offered")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Offer expired")
    LEFT = "left", _("Left the list")


OPEN_OFFER_STATUSES = [OfferStatus.WAITING, OfferStatus.OFFERED]


class WaitingListEntry(models.Model):
    """A place in the queue for a sold-out ticket type or a full workshop.

    When a seat frees up, the first person waiting is offered it for a limited
    time: the seat is kept for them until they take it or the offer expires,
    then it passes to the next person.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    ticket_type = models.ForeignKey(
        "events.TicketType",
        verbose_name=_("ticket type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="waiting_list",
    )
    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("workshop"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="waiting_list",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.WAITING
    )
    token = models.CharField(max_length=64, unique=True)
    language = models.CharField(_("language"), max_length=8, default="fr")
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("closed at"), null=True, blank=True, help_text=_("When the place was taken, expired or given up.")
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("waiting list entry")
        verbose_name_plural = _("waiting lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(ticket_type__isnull=True, session__isnull=False)
                | Q(ticket_type__isnull=False, session__isnull=True),
                name="waiting_for_ticket_or_workshop",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="offer_has_expiry",
            ),
            models.UniqueConstraint(
                fields=["user", "ticket_type"],
                condition=Q(status__in=OPEN_OFFER_STATUSES, ticket_type__isnull=False),
                name="one_place_per_ticket_waiting_list",
            ),
            models.UniqueConstraint(
                fields=["user", "session"],
                condition=Q(status__in=OPEN_OFFER_STATUSES, session__isnull=False),
                name="one_place_per_workshop_waiting_list",
            ),
        ]
        indexes = [
            models.Index(fields=["ticket_type", "status"]),
            models.Index(fields=["session", "status"]),
        ]

    def __str__(self):
        return f"{self.user} – {self.ticket_type or self.session} ({self.status})"
