"""The organisers' side of registrations, in the Wagtail admin.

Organisers read registrations, waiting lists and an overview of seats here,
and act on a registration (transfer received, refund, cancel, send an e-mail
again) through confirmation pages whose POST calls `events.registration.services`, the
only module that changes a registration's state. Nothing here saves a
registration, a payment, a booking or a waiting-list entry itself.

The view sets that expose these views are in `events.wagtail_hooks`.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView

from core.csv_export import SafeCSVMixin
from core.templatetags.money_tags import money
from events.models import (
    ACTIVE_STATUSES,
    AttendanceMode,
    Edition,
    OfferStatus,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    WaitingListEntry,
)
from events.registration.emails import KINDS

# URL namespaces of the view sets registered in events.wagtail_hooks.
REGISTRATIONS = "registrations"
WAITING_LISTS = "waiting_lists"
OVERVIEW = "registrations_overview"
VOUCHER_CODES = "voucher_codes"

VOUCHER_BATCH_SESSION_KEY = "events_voucher_batch"


# Labels --------------------------------------------------------------------------

STATUS_LABELS = dict(RegistrationStatus.choices)

LOG_ACTIONS = {
    "registered": gettext_lazy("Registered"),
    "details_changed": gettext_lazy("Details changed"),
    "payment_started": gettext_lazy("Card payment started"),
    "paid": gettext_lazy("Paid by card"),
    "payment_failed": gettext_lazy("Card payment failed"),
    "late_payment": gettext_lazy("Card payment after the hold expired"),
    "hold_expired": gettext_lazy("Hold expired"),
    "transfer_received": gettext_lazy("Bank transfer received"),
    "transfer_refund_due": gettext_lazy("Bank transfer to pay back"),
    "cancelled": gettext_lazy("Cancelled"),
    "refunded": gettext_lazy("Refunded"),
    "workshop_booked": gettext_lazy("Workshop booked"),
    "workshop_cancelled": gettext_lazy("Workshop booking cancelled"),
    "email_sent": gettext_lazy("E-mail sent"),
    "email_resend": gettext_lazy("E-mail sent again (asked by an organiser)"),
    "card_refund_due": gettext_lazy("Card refund owed"),
}

EMAIL_LABELS = {
    "confirmation": gettext_lazy("Confirmation (with the edition's calendar file)"),
    "receipt": gettext_lazy("Payment receipt"),
    "transfer_instructions": gettext_lazy("Bank transfer instructions"),
    "cancellation": gettext_lazy("Cancellation notice"),
    "refund": gettext_lazy("Refund notice"),
}

PROVIDER_LABELS = {"stripe": gettext_lazy("Card (Stripe)"), "transfer": gettext_lazy("Bank transfer")}


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _local(value: datetime.datetime | None) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else ""


# Registrations: list and export ----------------------------------------------------


class LabelledModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice filter whose options read ``label(obj)``."""

    def __init__(self, *args, label_from_instance=str, **kwargs):
        self._label_from_instance = label_from_instance
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = self._label_from_instance
        return field


def _ticket_type_label(ticket_type: TicketType) -> str:
    return f"{ticket_type.name} ({ticket_type.edition.slug})"


ACCESSIBILITY_CHOICES = [
    ("wheelchair", gettext_lazy("Wheelchair access")),
    ("sign_language", gettext_lazy("Sign-language interpretation")),
    ("other", gettext_lazy("Other needs (described)")),
]


class RegistrationFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(queryset=Edition.objects.all(), label=gettext_lazy("Edition"))
    status = django_filters.MultipleChoiceFilter(
        choices=RegistrationStatus.choices, label=gettext_lazy("Status"), widget=forms.CheckboxSelectMultiple
    )
    ticket_type = LabelledModelChoiceFilter(
        queryset=TicketType.objects.select_related("edition").order_by(
            "-edition__number", "sort_order", "pk"
        ),
        label=gettext_lazy("Ticket type"),
        label_from_instance=_ticket_type_label,
    )
    mode = django_filters.ChoiceFilter(
        field_name="ticket_type__mode",
        choices=AttendanceMode.choices,
        label=gettext_lazy("Attendance"),
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )
    accessibility = django_filters.MultipleChoiceFilter(
        choices=ACCESSIBILITY_CHOICES,
        label=gettext_lazy("Accessibility needs (any of)"),
        widget=forms.CheckboxSelectMultiple,
        method="filter_accessibility",
    )

    class Meta:
        model = Registration
        fields = []

    def filter_accessibility(self, queryset, name, value):
        needs = Q()
        if "wheelchair" in value:
            needs |= Q(needs_wheelchair_access=True)
        if "sign_language" in value:
            needs |= Q(needs_sign_language=True)
        if "other" in value:
            needs |= ~Q(accessibility_other="")
        return queryset.filter(needs) if needs else queryset


def _price_mad(registration: Registration) -> Decimal:
    return (Decimal(registration.price) / 100).quantize(Decimal("0.01"))


# (column key, heading, value) for the CSV and XLSX exports: every field of the registration form.
EXPORT_COLUMNS = [
    ("reference", gettext_lazy("Reference"), lambda r: r.reference),
    ("status", gettext_lazy("Status"), lambda r: r.get_status_display()),
    ("edition", gettext_lazy("Edition"), lambda r: r.edition.number),
    ("ticket_type", gettext_lazy("Ticket type"), lambda r: r.ticket_type.name),
    ("mode", gettext_lazy("Attendance"), lambda r: r.ticket_type.get_mode_display()),
    ("price", gettext_lazy("Price"), _price_mad),
    ("currency", gettext_lazy("Currency"), lambda r: r.currency),
    ("voucher", gettext_lazy("Voucher"), lambda r: r.voucher.code if r.voucher_id else ""),
    ("first_name", gettext_lazy("First name"), lambda r: r.first_name),
    ("last_name", gettext_lazy("Last name"), lambda r: r.last_name),
    ("name_ar", gettext_lazy("Name in Arabic script"), lambda r: r.name_ar),
    ("email", gettext_lazy("E-mail"), lambda r: r.user.email),
    ("organisation", gettext_lazy("Organisation"), lambda r: r.organisation),
    ("job_title", gettext_lazy("Job title"), lambda r: r.job_title),
    ("country", gettext_lazy("Country"), lambda r: r.country),
    ("city", gettext_lazy("City"), lambda r: r.city),
    ("phone", gettext_lazy("Phone"), lambda r: r.phone),
    ("wheelchair", gettext_lazy("Wheelchair access"), lambda r: _yes_no(r.needs_wheelchair_access)),
    ("sign_language", gettext_lazy("Sign-language interpretation"), lambda r: _yes_no(r.needs_sign_language)),
    ("accessibility_other", gettext_lazy("Other accessibility needs"), lambda r: r.accessibility_other),
    ("language", gettext_lazy("E-mail language"), lambda r: r.language),
    ("consented_at", gettext_lazy("Consent given at"), lambda r: r.consented_at),
    ("created_at", gettext_lazy("Registered at"), lambda r: r.created_at),
    ("hold_expires_at", gettext_lazy("Hold expires at"), lambda r: r.hold_expires_at),
    ("confirmed_at", gettext_lazy("Confirmed at"), lambda r: r.confirmed_at),
    ("cancelled_at", gettext_lazy("Cancelled at"), lambda r: r.cancelled_at),
]
EXPORT_FIELDS = [key for key, _heading, _value in EXPORT_COLUMNS]
EXPORT_HEADINGS = {key: heading for key, heading, _value in EXPORT_COLUMNS}
_EXPORT_VALUES = {key: value for key, _heading, value in EXPORT_COLUMNS}


class RegistrationIndexView(SafeCSVMixin, IndexView):
    """The list, its filters and its CSV / XLSX export (in the organiser's time zone)."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "ticket_type", "edition", "voucher")

    def to_row_dict(self, item):
        return {field: _EXPORT_VALUES[field](item) for field in self.list_export}


# Registrations: the read-only page ---------------------------------------------------


@dataclass(frozen=True)
class ActionLink:
    label: str
    url: str
    classname: str = "button button-secondary"


class RegistrationInspectView(InspectView):
    """The registration, its payments, its workshop bookings and its full log; buttons to act on it."""

    template_name = "events/admin/registration_inspect.html"
    FIELD_LABELS = {
        "price": gettext_lazy("Price"),
        "user": gettext_lazy("E-mail"),
        "language": gettext_lazy("E-mail language"),
    }

    def get_object(self, queryset=None):
        return get_object_or_404(
            Registration.objects.select_related("user", "ticket_type", "edition", "voucher"), pk=self.pk
        )

    def get_page_title(self):
        return _("Registration")

    def get_page_subtitle(self):
        return self.object.reference

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            return _local(value)
        return value

    def get_field_label(self, field_name, field):
        if field_name in self.FIELD_LABELS:
            return str(self.FIELD_LABELS[field_name])
        return super().get_field_label(field_name, field)

    def get_user_display_value(self):
        return self.object.user.email

    def get_needs_wheelchair_access_display_value(self):
        return _yes_no(self.object.needs_wheelchair_access)

    def get_needs_sign_language_display_value(self):
        return _yes_no(self.object.needs_sign_language)

    def get_price_display_value(self):
        return money(self.object.price, self.object.currency)

    def get_name_ar_display_value(self):
        value = self.object.name_ar
        return format_html('<span lang="ar" dir="rtl">{}</span>', value) if value else ""

    def get_ticket_type_display_value(self):
        ticket_type = self.object.ticket_type
        return f"{ticket_type.name} – {ticket_type.get_mode_display()}"

    @cached_property
    def can_manage(self):
        return self.user_has_permission("manage")

    def _url(self, name, *args):
        return reverse(f"{REGISTRATIONS}:{name}", args=[self.object.pk, *args])

    def get_actions(self) -> list[ActionLink]:
        if not self.can_manage:
            return []
        registration = self.object
        actions = []
        if registration.status == RegistrationStatus.AWAITING_TRANSFER:
            actions.append(ActionLink(_("Mark transfer received"), self._url("transfer_received"), "button"))
        if email_kinds(registration):
            actions.append(ActionLink(_("Send an e-mail again"), self._url("email")))
        if registration.status in ACTIVE_STATUSES:
            actions.append(
                ActionLink(_("Cancel registration"), self._url("cancel"), "button button-secondary serious")
            )
        return actions

    def get_payments(self):
        rows = []
        for payment in self.object.payments.order_by("created_at", "pk"):
            rows.append(
                {
                    "payment": payment,
                    "provider": str(PROVIDER_LABELS.get(payment.provider, payment.provider)),
                    "amount": money(payment.amount, payment.currency),
                    "refunded": money(payment.refunded_amount, payment.currency)
                    if payment.refunded_amount
                    else "",
                    "refund_url": self._url("refund", payment.pk)
                    if self.can_manage and refundable(payment)
                    else "",
                }
            )
        return rows

    def get_log(self):
        rows = []
        for entry in self.object.log.select_related("actor").order_by("at", "pk"):
            note = entry.note
            if entry.action == "email_sent":
                note = str(EMAIL_LABELS.get(note, note))
            elif entry.action == "transfer_refund_due" and note.isdigit():
                note = money(int(note), self.object.currency)
            rows.append(
                {
                    "at": entry.at,
                    "actor": entry.actor.email if entry.actor_id else _("Platform"),
                    "action": str(LOG_ACTIONS.get(entry.action, entry.action)),
                    "from_status": str(STATUS_LABELS.get(entry.from_status, entry.from_status)),
                    "to_status": str(STATUS_LABELS.get(entry.to_status, entry.to_status)),
                    "note": note,
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.object,
            status_label=self.object.get_status_display(),
            actions=self.get_actions(),
            payments=self.get_payments(),
            bookings=self.object.workshop_bookings.select_related("session").order_by(
                "session__starts_at", "pk"
            ),
            log=self.get_log(),
            index_url=reverse(f"{REGISTRATIONS}:index"),
        )
        return context


def refundable(payment: Payment) -> bool:
    """Card payments are refunded through Stripe; transfers are paid back by the organisers and recorded."""
    return payment.status == PaymentStatus.SUCCEEDED and payment.refunded_amount < payment.amount


def _refunded_total(registration: Registration) -> int:
    return sum(payment.refunded_amount for payment in registration.payments.all())


def email_kinds(registration: Registration) -> list[str]:
    """The e-mails that make sense to send again, given where the registration stands."""
    payments = list(registration.payments.all())
    fits = {
        "confirmation": registration.status == RegistrationStatus.CONFIRMED,
        "receipt": any(payment.status == PaymentStatus.SUCCEEDED for payment in payments),
        "transfer_instructions": registration.status == RegistrationStatus.AWAITING_TRANSFER,
        "cancellation": registration.status == RegistrationStatus.CANCELLED,
        "refund": any(payment.refunded_amount for payment in payments),
    }
    return [kind for kind in KINDS if fits.get(kind)]


# Waiting lists ------------------------------------------------------------------------


def _session_label(session: Session) -> str:
    return f"{session.title} ({session.edition.slug})"


class WaitingListFilterSet(WagtailFilterSet):
    edition = django_filters.ModelChoiceFilter(
        queryset=Edition.objects.all(), label=gettext_lazy("Edition"), method="filter_edition"
    )
    ticket_type = LabelledModelChoiceFilter(
        queryset=TicketType.objects.select_related("edition").order_by(
            "-edition__number", "sort_order", "pk"
        ),
        label=gettext_lazy("Ticket type"),
        label_from_instance=_ticket_type_label,
    )
    session = LabelledModelChoiceFilter(
        queryset=Session.objects.filter(kind=SessionKind.WORKSHOP)
        .select_related("edition")
        .order_by("-edition__number", "starts_at"),
        label=gettext_lazy("Workshop"),
        label_from_instance=_session_label,
    )
    status = django_filters.MultipleChoiceFilter(
        choices=OfferStatus.choices, label=gettext_lazy("Status"), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WaitingListEntry
        fields = []

    def filter_edition(self, queryset, name, value):
        return queryset.filter(Q(ticket_type__edition=value) | Q(session__edition=value))


class WaitingListIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "ticket_type__edition", "session__edition")


def waiting_list_target(entry: WaitingListEntry) -> str:
    if entry.ticket_type_id:
        return _("Ticket: %(name)s") % {"name": entry.ticket_type.name}
    return _("Workshop: %(title)s") % {"title": entry.session.title}
