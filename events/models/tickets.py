"""What people register with: ticket types, and the vouchers that unlock them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.i18n import TranslatedField, translated_panels


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class RefundPolicy(models.TextChoices):
    FULL_UNTIL_DEADLINE = "deadline", _("Full refund until a number of days before the congress")
    NONE = "none", _("No refund")


class TicketType(models.Model):
    """A model (edited as a snippet): registrations count against its quota."""

    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="ticket_types"
    )
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    mode = models.CharField(_("attendance"), max_length=16, choices=AttendanceMode.choices)
    role = models.CharField(
        _("role on the badge"),
        max_length=16,
        choices=[
            ("attendee", _("Attendee")),
            ("speaker", _("Speaker")),
            ("jury", _("Jury")),
            ("startup", _("Startup")),
            ("press", _("Press")),
            ("organiser", _("Organiser")),
        ],
        default="attendee",
        help_text=_("The coloured band printed on the badge."),
    )
    price = models.PositiveIntegerField(
        _("price (centimes)"), default=0, help_text=_("In MAD centimes: 150000 is 1,500.00 MAD. 0 is free.")
    )
    currency = models.CharField(_("currency"), max_length=3, default="MAD")
    quota = models.PositiveIntegerField(
        _("quota"), null=True, blank=True, help_text=_("How many can be sold. Empty: no limit.")
    )
    sale_starts_at = models.DateTimeField(_("sale opens"), null=True, blank=True)
    sale_ends_at = models.DateTimeField(_("sale closes"), null=True, blank=True)
    voucher_only = models.BooleanField(
        _("only with a voucher"),
        default=False,
        help_text=_("Hidden from the public; speakers, jurors, startups or press unlock it with a voucher."),
    )
    refund_policy = models.CharField(
        _("refunds"), max_length=16, choices=RefundPolicy.choices, default=RefundPolicy.FULL_UNTIL_DEADLINE
    )
    refund_deadline_days = models.PositiveSmallIntegerField(
        _("refund deadline (days before the congress)"), default=7
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = TranslatedField()
    description = TranslatedField()

    panels = [
        FieldPanel("edition"),
        translated_panels("name", _("Name")),
        translated_panels("description", _("Description"), widget=forms.Textarea),
        FieldRowPanel([FieldPanel("mode"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("price"), FieldPanel("currency")]),
        MultiFieldPanel(
            [
                FieldPanel("quota"),
                FieldRowPanel([FieldPanel("sale_starts_at"), FieldPanel("sale_ends_at")]),
                FieldPanel("voucher_only"),
            ],
            heading=_("Availability"),
        ),
        FieldRowPanel([FieldPanel("refund_policy"), FieldPanel("refund_deadline_days")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["edition", "sort_order", "price"]
        verbose_name = _("ticket type")
        verbose_name_plural = _("ticket types")
        constraints = [
            models.CheckConstraint(
                condition=Q(sale_ends_at__isnull=True)
                | Q(sale_starts_at__isnull=True)
                | Q(sale_ends_at__gt=models.F("sale_starts_at")),
                name="ticket_sale_window_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.edition.slug})"

    def clean(self):
        if self.sale_starts_at and self.sale_ends_at and self.sale_ends_at <= self.sale_starts_at:
            raise ValidationError({"sale_ends_at": _("The sale must close after it opens.")})

    @property
    def is_free(self) -> bool:
        return self.price == 0

    def on_sale(self, at=None) -> bool:
        at = at or timezone.now()
        return (self.sale_starts_at is None or self.sale_starts_at <= at) and (
            self.sale_ends_at is None or at < self.sale_ends_at
        )


class DiscountKind(models.TextChoices):
    FREE = "free", _("Free ticket")
    PERCENT = "percent", _("Percentage off")
    FIXED = "fixed", _("Fixed amount off")


class Voucher(models.Model):
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="vouchers"
    )
    code = models.CharField(_("code"), max_length=32, unique=True)
    ticket_types = models.ManyToManyField(
        TicketType, verbose_name=_("ticket types it unlocks"), related_name="vouchers"
    )
    max_uses = models.PositiveIntegerField(_("number of uses"), default=1)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    discount_kind = models.CharField(
        _("discount"), max_length=16, choices=DiscountKind.choices, default=DiscountKind.FREE
    )
    discount_value = models.PositiveIntegerField(
        _("discount value"), default=0, help_text=_("Percent (0–100) or centimes, depending on the discount.")
    )
    note = models.CharField(_("for"), max_length=120, blank=True, help_text=_("e.g. speakers, jury, press."))
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("edition"),
        FieldPanel("code"),
        FieldPanel("ticket_types"),
        FieldRowPanel([FieldPanel("max_uses"), FieldPanel("valid_until")]),
        FieldRowPanel([FieldPanel("discount_kind"), FieldPanel("discount_value")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")
        constraints = [
            models.CheckConstraint(
                condition=~Q(discount_kind="percent") | Q(discount_value__lte=100),
                name="voucher_percent_at_most_100",
            ),
        ]

    def __str__(self):
        return self.code

    def price_for(self, ticket_type: TicketType) -> int:
        if self.discount_kind == DiscountKind.FREE:
            return 0
        if self.discount_kind == DiscountKind.PERCENT:
            return ticket_type.price * (100 - self.discount_value) // 100
        return max(0, ticket_type.price - self.discount_value)
