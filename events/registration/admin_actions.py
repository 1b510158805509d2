"""Organisers act on a registration from the admin: each action is a confirmation page whose
POST calls `events.registration.services`."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.templatetags.money_tags import money
from events.models import (
    ACTIVE_STATUSES,
    Payment,
    Registration,
    RegistrationStatus,
)
from events.registration import services as registration_ops
from events.registration.admin_views import (
    EMAIL_LABELS,
    REGISTRATIONS,
    _refunded_total,
    email_kinds,
    refundable,
)
from events.registration.services import RegistrationError

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
