"""The organisers' side of registrations, in the Wagtail admin.

Organisers read registrations, waiting lists and an overview of seats here,
and act on a registration (transfer received, refund, cancel, send an e-mail
again) through confirmation pages whose POST calls `events.registration.services`, the
only module that changes a registration's state. Nothing here saves a
registration, a payment, a booking or a waiting-list entry itself.

The view sets that expose these views are in `events.wagtail_hooks`.
"""

import csv
import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput, HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from core.admin_helpers import user_can
from core.charts import Scale, nice_axis, polyline
from core.csv_export import SafeCSVMixin, csv_safe
from core.templatetags.money_tags import money
from events.models import (
    ACTIVE_STATUSES,
    AttendanceMode,
    DiscountKind,
    Edition,
    OfferStatus,
    Payment,
    PaymentStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    Voucher,
    WaitingListEntry,
    WorkshopBookingStatus,
)
from events.registration import services as registration_ops
from events.registration.emails import KINDS
from events.registration.services import RegistrationError
from events.registration.vouchers import (
    MAX_COUNT,
    MAX_PREFIX_LENGTH,
    VoucherError,
    prefix_normalise,
    vouchers_generate,
)

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


# Registrations: actions ----------------------------------------------------------------


class RegistrationActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A confirmation page (GET) and the action itself (POST, with CSRF) on one registration.

    The action goes through `events.registration.services`; its refusals are shown as they are.
    """

    model = Registration
    permission_required = "manage"
    template_name = "events/admin/registration_action.html"
    header_icon = "clipboard-list"
    form_class = forms.Form
    action_title = ""
    submit_label = ""
    submit_classname = "button"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(
            Registration.objects.select_related("user", "ticket_type", "edition"), pk=kwargs["pk"]
        )

    @cached_property
    def inspect_url(self):
        return reverse(f"{REGISTRATIONS}:inspect", args=[self.object.pk])

    def get_page_title(self):
        return self.action_title

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(f"{REGISTRATIONS}:index"),
                "label": Registration._meta.verbose_name_plural.capitalize(),
            },
            {"url": self.inspect_url, "label": self.object.reference},
            {"url": "", "label": self.action_title, "sublabel": self.object.reference},
        ]

    def unavailable(self) -> str:
        """Why the action cannot be offered now, or ``""``."""
        return ""

    def get(self, request, *args, **kwargs):
        if reason := self.unavailable():
            messages.error(request, reason)
            return redirect(self.inspect_url)
        return super().get(request, *args, **kwargs)

    def explanation(self) -> str:
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            registration=self.object,
            status_label=self.object.get_status_display(),
            explanation=self.explanation(),
            submit_label=self.submit_label,
            submit_classname=self.submit_classname,
            inspect_url=self.inspect_url,
            action_url=self.request.path,
        )
        return context

    def perform(self, form) -> str:
        """Act through events.registration.services; return the success message."""
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except RegistrationError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, message)
        return redirect(self.inspect_url)


class TransferReceivedView(RegistrationActionView):
    action_title = gettext_lazy("Mark transfer received")
    submit_label = gettext_lazy("Yes, the transfer has arrived")

    def unavailable(self):
        if self.object.status != RegistrationStatus.AWAITING_TRANSFER:
            return _("This registration is not awaiting a transfer.")
        return ""

    def explanation(self):
        return _(
            "Confirm only once %(amount)s has arrived on the account. The registration becomes "
            "confirmed, and the attendee gets the confirmation and the receipt by e-mail."
        ) % {"amount": money(self.object.price, self.object.currency)}

    def perform(self, form):
        registration_ops.transfer_received(registration=self.object, actor=self.request.user)
        return _("Transfer received: registration %(reference)s is confirmed.") % {
            "reference": self.object.reference
        }


class CancelView(RegistrationActionView):
    action_title = gettext_lazy("Cancel registration")
    submit_label = gettext_lazy("Yes, cancel this registration")
    submit_classname = "button serious"

    def unavailable(self):
        if self.object.status not in ACTIVE_STATUSES:
            return _("This registration is not active.")
        return ""

    def explanation(self):
        refund = registration_ops.refund_due(self.object)
        text = _(
            "The seat is freed at once and offered to the next person waiting; workshop seats are given "
            "back too. The attendee is told by e-mail."
        )
        if refund:
            return (
                text
                + " "
                + _(
                    "Under the ticket type's refund rule, %(amount)s goes back: card payments are refunded "
                    "automatically, a bank transfer must be paid back by hand."
                )
                % {"amount": money(refund, self.object.currency)}
            )
        if self.object.price:
            return text + " " + _("Under the ticket type's refund rule, nothing is refunded.")
        return text

    def perform(self, form):
        outcome = registration_ops.registration_cancel(registration=self.object, actor=self.request.user)
        message = _("Registration %(reference)s is cancelled.") % {"reference": self.object.reference}
        if outcome.refund:
            message += " " + _("%(amount)s is due back under the refund rule.") % {
                "amount": money(outcome.refund, self.object.currency)
            }
        return message


AMOUNT_PATTERN = re.compile(r"^\d+([.,]\d{1,2})?$")


class RefundForm(forms.Form):
    amount = forms.CharField(
        label=gettext_lazy("Amount to refund, in MAD"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )

    def __init__(self, *args, remaining: int, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.remaining = remaining
        self.currency = currency
        self.fields["amount"].help_text = _(
            "Leave empty to refund everything not yet refunded (%(remaining)s). "
            "For a partial refund write the amount, such as 250 or 250.50."
        ) % {"remaining": money(remaining, currency)}

    def clean_amount(self) -> int | None:
        """The amount in centimes, or None for everything not yet refunded."""
        text = re.sub(r"[\s\u202f\xa0]", "", self.cleaned_data["amount"])
        if not text:
            return None
        if not AMOUNT_PATTERN.match(text):
            raise ValidationError(
                _(
                    "Write the amount in MAD with at most two decimals and no thousands separator, such as 1500.50."
                )
            )
        centimes = int(Decimal(text.replace(",", ".")) * 100)
        if not 0 < centimes <= self.remaining:
            raise ValidationError(
                _("The amount must be more than zero and at most %(remaining)s, what is left to refund.")
                % {"remaining": money(self.remaining, self.currency)}
            )
        return centimes


class RefundView(RegistrationActionView):
    submit_label = gettext_lazy("Refund")
    submit_classname = "button serious"
    form_class = RefundForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.payment = get_object_or_404(Payment, pk=kwargs["payment_pk"], registration=self.object)

    @property
    def remaining(self):
        return self.payment.amount - self.payment.refunded_amount

    @property
    def by_transfer(self) -> bool:
        return self.payment.provider == "transfer"

    @property
    def action_title(self):
        return _("Record a refund made by bank transfer") if self.by_transfer else _("Refund a card payment")

    def unavailable(self):
        return "" if refundable(self.payment) else _("This payment has nothing left to refund.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "remaining": self.remaining, "currency": self.payment.currency}

    def explanation(self):
        if self.by_transfer:
            return _(
                "Pay the money back by bank transfer yourself, then record it here. Transfer received: "
                "%(amount)s; already refunded: %(refunded)s. Recording everything left also cancels the "
                "registration and frees its seat."
            ) % {
                "amount": money(self.payment.amount, self.payment.currency),
                "refunded": money(self.payment.refunded_amount, self.payment.currency),
            }
        return _(
            "The money goes back to the card through Stripe at once. Card payment %(intent)s of %(amount)s; "
            "already refunded: %(refunded)s. Refunding everything left also cancels the registration "
            "and frees its seat."
        ) % {
            "intent": self.payment.intent_id,
            "amount": money(self.payment.amount, self.payment.currency),
            "refunded": money(self.payment.refunded_amount, self.payment.currency),
        }

    def post(self, request, *args, **kwargs):
        if reason := self.unavailable():
            messages.error(request, reason)
            return redirect(self.inspect_url)
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        before = self.payment.refunded_amount
        if self.by_transfer:
            payment = registration_ops.transfer_refund_recorded(
                payment=self.payment,
                amount=form.cleaned_data["amount"] or self.remaining,
                actor=self.request.user,
            )
            return _("%(amount)s paid back by transfer, recorded for registration %(reference)s.") % {
                "amount": money(payment.refunded_amount - before, payment.currency),
                "reference": self.object.reference,
            }
        payment = registration_ops.refund_issue(
            payment=self.payment, amount=form.cleaned_data["amount"], actor=self.request.user
        )
        return _("%(amount)s refunded to the card for registration %(reference)s.") % {
            "amount": money(payment.refunded_amount - before, payment.currency),
            "reference": self.object.reference,
        }


class EmailForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("E-mail to send again"), widget=forms.RadioSelect)

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, EMAIL_LABELS[kind]) for kind in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]


class EmailView(RegistrationActionView):
    action_title = gettext_lazy("Send an e-mail again")
    submit_label = gettext_lazy("Send")
    form_class = EmailForm

    @cached_property
    def kinds(self):
        return email_kinds(self.object)

    def unavailable(self):
        return "" if self.kinds else _("No e-mail fits this registration as it stands.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "kinds": self.kinds}

    def explanation(self):
        return _(
            "The e-mail goes to %(email)s in the attendee's language (%(language)s), as it was first sent, "
            "with today's details. Only the e-mails that fit the registration as it stands are offered."
        ) % {"email": self.object.user.email, "language": self.object.language}

    def perform(self, form):
        kind = form.cleaned_data["kind"]
        extra = {}
        if kind == "refund":
            extra["amount"] = _refunded_total(self.object)
        elif kind == "cancellation":
            extra["refund"] = _refunded_total(self.object) + sum(
                int(note)
                for note in self.object.log.filter(action="transfer_refund_due").values_list(
                    "note", flat=True
                )
                if note.isdigit()
            )
        registration_ops.email_resend(registration=self.object, kind=kind, actor=self.request.user, **extra)
        return _("“%(kind)s” is on its way to %(email)s.") % {
            "kind": EMAIL_LABELS[kind],
            "email": self.object.user.email,
        }


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


# Overview -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketRow:
    ticket_type: TicketType
    quota: int | None
    confirmed: int
    held: int
    awaiting: int
    offers: int
    waiting: int

    @property
    def free(self) -> int | None:
        if self.quota is None:
            return None
        return max(0, self.quota - self.confirmed - self.held - self.awaiting - self.offers)


@dataclass(frozen=True)
class WorkshopRow:
    session: Session
    capacity: int
    booked: int
    offers: int
    waiting: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked - self.offers)


@dataclass(frozen=True)
class ChartDay:
    day: datetime.date
    created: int
    confirmed: int
    created_total: int
    confirmed_total: int


@dataclass(frozen=True)
class Chart:
    """A line chart of cumulative registrations, laid out for an inline SVG (coordinates as strings)."""

    days: list[ChartDay]
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    created_points: str
    confirmed_points: str
    markers: list[tuple[str, str, str]]  # x, y of created, y of confirmed
    y_ticks: list[tuple[str, int]]
    x_ticks: list[tuple[str, str]]
    description: str


@dataclass(frozen=True)
class Overview:
    edition: Edition
    tickets: list[TicketRow]
    workshops: list[WorkshopRow]
    chart: Chart | None

    def _sum(self, rows, name):
        return sum(getattr(row, name) or 0 for row in rows)

    @property
    def ticket_totals(self) -> dict:
        names = ["quota", "confirmed", "held", "awaiting", "offers", "waiting", "free"]
        return {name: self._sum(self.tickets, name) for name in names}

    @property
    def workshop_totals(self) -> dict:
        names = ["capacity", "booked", "offers", "waiting", "free"]
        return {name: self._sum(self.workshops, name) for name in names}

    @property
    def has_unlimited_tickets(self) -> bool:
        return any(row.quota is None for row in self.tickets)


def registrations_overview(edition: Edition, *, now: datetime.datetime | None = None) -> Overview:
    """Seats per ticket type and workshop, and registrations over time: five queries, whatever the numbers.

    Seats in use are counted as `events.registration.services.seats_in_use` counts them:
    confirmed, awaiting transfer, held and not expired, or kept for an open offer.
    """
    now = now or timezone.now()
    ticket_types = (
        TicketType.objects.filter(edition=edition)
        .annotate(
            n_confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            n_held=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.HELD, registrations__hold_expires_at__gt=now
                ),
            ),
            n_awaiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.AWAITING_TRANSFER)
            ),
        )
        .order_by("sort_order", "price", "pk")
    )
    workshops = (
        Session.objects.filter(edition=edition, kind=SessionKind.WORKSHOP)
        .annotate(n_booked=Count("bookings", filter=Q(bookings__status=WorkshopBookingStatus.BOOKED)))
        .order_by("starts_at", "pk")
    )
    queues = {
        (row["ticket_type_id"], row["session_id"]): row
        for row in WaitingListEntry.objects.filter(
            Q(ticket_type__edition=edition) | Q(session__edition=edition)
        )
        .order_by()
        .values("ticket_type_id", "session_id")
        .annotate(
            waiting=Count("pk", filter=Q(status=OfferStatus.WAITING)),
            offers=Count("pk", filter=Q(status=OfferStatus.OFFERED, offer_expires_at__gt=now)),
        )
    }
    none = {"waiting": 0, "offers": 0}
    tickets = [
        TicketRow(
            ticket_type=ticket_type,
            quota=ticket_type.quota,
            confirmed=ticket_type.n_confirmed,
            held=ticket_type.n_held,
            awaiting=ticket_type.n_awaiting,
            offers=queues.get((ticket_type.pk, None), none)["offers"],
            waiting=queues.get((ticket_type.pk, None), none)["waiting"],
        )
        for ticket_type in ticket_types
    ]
    workshop_rows = [
        WorkshopRow(
            session=session,
            capacity=session.capacity or 0,
            booked=session.n_booked,
            offers=queues.get((None, session.pk), none)["offers"],
            waiting=queues.get((None, session.pk), none)["waiting"],
        )
        for session in workshops
    ]
    return Overview(
        edition=edition,
        tickets=tickets,
        workshops=workshop_rows,
        chart=_registrations_chart(edition, now=now),
    )


def _daily(queryset, field: str, tz) -> dict[datetime.date, int]:
    return dict(
        queryset.annotate(day=TruncDate(field, tzinfo=tz))
        .order_by()
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )


CHART_WIDTH, CHART_HEIGHT = 720, 280
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 56, 700, 16, 240
CHART_MAX_MARKERS = 62


def _registrations_chart(edition: Edition, *, now: datetime.datetime) -> Chart | None:
    """Daily registrations (all of them, as started) and confirmations (still confirmed), cumulated."""
    tz = edition.tz
    created = _daily(Registration.objects.filter(edition=edition), "created_at", tz)
    confirmed = _daily(
        Registration.objects.filter(
            edition=edition, status=RegistrationStatus.CONFIRMED, confirmed_at__isnull=False
        ),
        "confirmed_at",
        tz,
    )
    if not created and not confirmed:
        return None
    first = min([*created, *confirmed])
    last = max([*created, *confirmed, min(timezone.localtime(now, tz).date(), edition.end_date)])
    days, created_total, confirmed_total = [], 0, 0
    for offset in range((last - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        created_total += created.get(day, 0)
        confirmed_total += confirmed.get(day, 0)
        days.append(ChartDay(day, created.get(day, 0), confirmed.get(day, 0), created_total, confirmed_total))

    top, ticks = nice_axis(max(created_total, confirmed_total))
    x = Scale(0, len(days) - 1, CHART_LEFT, CHART_RIGHT)
    y = Scale(0, top, CHART_BOTTOM, CHART_TOP)

    def points(values) -> str:
        return polyline((x(i), y(v)) for i, v in enumerate(values))

    label_count = min(len(days), 6)
    label_indexes = sorted({round(i * (len(days) - 1) / max(label_count - 1, 1)) for i in range(label_count)})
    description = ngettext(
        "From %(first)s to %(last)s: %(created)s registration started in all, %(confirmed)s of them "
        "confirmed and still confirmed. The same figures, day by day, are in the table below the chart.",
        "From %(first)s to %(last)s: %(created)s registrations started in all, %(confirmed)s of them "
        "confirmed and still confirmed. The same figures, day by day, are in the table below the chart.",
        created_total,
    ) % {
        "first": date_format(first, "DATE_FORMAT"),
        "last": date_format(last, "DATE_FORMAT"),
        "created": created_total,
        "confirmed": confirmed_total,
    }
    return Chart(
        days=days,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=CHART_LEFT,
        right=CHART_RIGHT,
        top=CHART_TOP,
        bottom=CHART_BOTTOM,
        created_points=points(d.created_total for d in days),
        confirmed_points=points(d.confirmed_total for d in days),
        markers=[
            (f"{x(i):.1f}", f"{y(d.created_total):.1f}", f"{y(d.confirmed_total):.1f}")
            for i, d in enumerate(days)
        ]
        if len(days) <= CHART_MAX_MARKERS
        else [],
        y_ticks=[(f"{y(tick):.1f}", tick) for tick in ticks],
        x_ticks=[(f"{x(i):.1f}", date_format(days[i].day, "j M")) for i in label_indexes],
        description=description,
    )


class RegistrationsOverviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Seats and queues of one edition (the current one unless another is chosen)."""

    model = Registration
    permission_required = "view"
    template_name = "events/admin/registrations_overview.html"
    page_title = gettext_lazy("Registrations overview")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editions = list(Edition.objects.order_by("-number"))
        chosen = self.request.GET.get("edition", "")
        edition = next((e for e in editions if str(e.pk) == chosen), None)
        edition = edition or next((e for e in editions if e.is_current), None) or next(iter(editions), None)
        context.update(
            editions=editions,
            edition=edition,
            overview=registrations_overview(edition) if edition else None,
            registrations_url=reverse(f"{REGISTRATIONS}:index"),
            waiting_lists_url=reverse(f"{WAITING_LISTS}:index"),
        )
        return context


# Vouchers in bulk -----------------------------------------------------------------------


class VoucherGenerateForm(forms.Form):
    edition = forms.ModelChoiceField(
        queryset=Edition.objects.order_by("-number"), label=gettext_lazy("Edition")
    )
    ticket_types = forms.ModelMultipleChoiceField(
        queryset=TicketType.objects.select_related("edition").order_by(
            "-edition__number", "sort_order", "pk"
        ),
        label=gettext_lazy("Ticket types the codes unlock"),
        widget=forms.CheckboxSelectMultiple,
    )
    count = forms.IntegerField(
        label=gettext_lazy("How many codes"), min_value=1, max_value=MAX_COUNT, initial=10
    )
    prefix = forms.CharField(
        label=gettext_lazy("Prefix"),
        required=False,
        max_length=MAX_PREFIX_LENGTH + 2,
        help_text=gettext_lazy(
            "Optional, up to 10 letters and digits, such as PRESS: codes read PRESS-7KQM-X2HD."
        ),
    )
    max_uses = forms.IntegerField(
        label=gettext_lazy("Uses per code"),
        min_value=1,
        max_value=10000,
        initial=1,
        help_text=gettext_lazy("How many people can register with each code."),
    )
    valid_until = forms.DateTimeField(
        label=gettext_lazy("Valid until"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("Empty: valid until the sale closes."),
    )
    discount_kind = forms.ChoiceField(
        label=gettext_lazy("Discount"),
        choices=DiscountKind.choices,
        initial=DiscountKind.FREE,
        widget=forms.RadioSelect,
    )
    discount_value = forms.CharField(
        label=gettext_lazy("Discount value"),
        required=False,
        max_length=12,
        help_text=gettext_lazy(
            "A percentage (1 to 100) for a percentage off; an amount in MAD (such as 500 or 500.50) for a "
            "fixed amount off; nothing for a free ticket."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    note = forms.CharField(
        label=gettext_lazy("For"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("Who the codes are for, such as press or jury; shown in the vouchers list."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ticket_types"].label_from_instance = _ticket_type_label
        if not self.is_bound:
            self.fields["edition"].initial = Edition.objects.current()

    def clean_prefix(self):
        try:
            return prefix_normalise(self.cleaned_data["prefix"])
        except VoucherError as error:
            raise ValidationError(str(error)) from error

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        if value and value <= timezone.now():
            raise ValidationError(_("Choose a date in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        edition, ticket_types = cleaned.get("edition"), cleaned.get("ticket_types")
        if edition and ticket_types and any(t.edition_id != edition.pk for t in ticket_types):
            self.add_error("ticket_types", _("Choose ticket types of the edition chosen above."))
        kind = cleaned.get("discount_kind")
        text = re.sub(r"[\s\u202f\xa0]", "", cleaned.get("discount_value") or "")
        if kind == DiscountKind.FREE:
            cleaned["discount_value"] = 0
        elif kind == DiscountKind.PERCENT:
            if not text.isdigit() or not 1 <= int(text) <= 100:
                self.add_error("discount_value", _("Write a whole percentage between 1 and 100."))
            else:
                cleaned["discount_value"] = int(text)
        elif kind == DiscountKind.FIXED:
            if not AMOUNT_PATTERN.match(text) or Decimal(text.replace(",", ".")) <= 0:
                self.add_error(
                    "discount_value",
                    _("Write the amount off in MAD with at most two decimals, such as 500 or 500.50."),
                )
            else:
                cleaned["discount_value"] = int(Decimal(text.replace(",", ".")) * 100)
        return cleaned


class VoucherPermissionMixin(PermissionCheckedMixin):
    model = Voucher
    permission_required = "add"


class VoucherGenerateView(VoucherPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/voucher_generate.html"
    form_class = VoucherGenerateForm
    page_title = gettext_lazy("Generate voucher codes")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            vouchers = vouchers_generate(
                edition=data["edition"],
                ticket_types=list(data["ticket_types"]),
                count=data["count"],
                prefix=data["prefix"],
                max_uses=data["max_uses"],
                valid_until=data["valid_until"],
                discount_kind=data["discount_kind"],
                discount_value=data["discount_value"],
                note=data["note"],
            )
        except VoucherError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session[VOUCHER_BATCH_SESSION_KEY] = [voucher.pk for voucher in vouchers]
        messages.success(
            self.request,
            ngettext("%(count)s voucher code created.", "%(count)s voucher codes created.", len(vouchers))
            % {"count": len(vouchers)},
        )
        return redirect(f"{VOUCHER_CODES}:done")

    def form_invalid(self, form):
        messages.error(self.request, _("The codes could not be created. Please correct the errors below."))
        return super().form_invalid(form)


def _voucher_batch(request) -> list[Voucher]:
    pks = request.session.get(VOUCHER_BATCH_SESSION_KEY) or []
    vouchers = list(
        Voucher.objects.filter(pk__in=pks)
        .select_related("edition")
        .prefetch_related("ticket_types")
        .order_by("code")
    )
    if not vouchers:
        raise Http404("No voucher codes were generated in this session.")
    return vouchers


def _discount_label(voucher: Voucher) -> str:
    if voucher.discount_kind == DiscountKind.PERCENT:
        return _("%(value)s%% off") % {"value": voucher.discount_value}
    if voucher.discount_kind == DiscountKind.FIXED:
        return _("%(amount)s off") % {"amount": money(voucher.discount_value)}
    return str(DiscountKind.FREE.label)


def _voucher_row(voucher: Voucher) -> dict:
    return {
        "code": voucher.code,
        "edition": voucher.edition.number,
        "ticket_types": ", ".join(str(t.name) for t in voucher.ticket_types.all()),
        "max_uses": voucher.max_uses,
        "valid_until": _local(voucher.valid_until),
        "discount": _discount_label(voucher),
        "note": voucher.note,
    }


class VoucherGeneratedView(VoucherPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/voucher_generated.html"
    page_title = gettext_lazy("Voucher codes created")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{VOUCHER_CODES}:generate"), "label": _("Generate voucher codes")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=[_voucher_row(voucher) for voucher in _voucher_batch(self.request)],
            csv_url=reverse(f"{VOUCHER_CODES}:csv"),
            generate_url=reverse(f"{VOUCHER_CODES}:generate"),
            vouchers_url=reverse("wagtailsnippets_events_voucher:list"),
        )
        return context


class VoucherCSVView(VoucherPermissionMixin, View):
    """The codes just generated, as a CSV file to print or mail merge."""

    def get(self, request, *args, **kwargs):
        vouchers = _voucher_batch(request)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = (
            f'attachment; filename="vouchers-{vouchers[0].edition.slug}-{stamp}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Code"),
                _("Edition"),
                _("Ticket types"),
                _("Uses per code"),
                _("Valid until"),
                _("Discount"),
                _("For"),
            ]
        )
        for voucher in vouchers:
            row = {
                **_voucher_row(voucher),
                "valid_until": timezone.localtime(voucher.valid_until).strftime("%Y-%m-%d %H:%M")
                if voucher.valid_until
                else "",
            }
            writer.writerow([csv_safe(value) for value in row.values()])
        return response


class VoucherIndexView(SnippetIndexView):
    """The vouchers list, with a button to generate many codes at once."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if user_can(self.request.user, Voucher, "add"):
            buttons = [
                *buttons,
                HeaderButton(_("Generate codes"), url=reverse(f"{VOUCHER_CODES}:generate"), icon_name="key"),
            ]
        return buttons
