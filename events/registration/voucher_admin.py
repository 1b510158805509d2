"""Voucher codes made in bulk by organisers, listed and exported."""

import csv
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateTimeInput, HeaderButton
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView

from core.admin_helpers import user_can
from core.csv_export import csv_safe
from core.templatetags.money_tags import money
from events.models import (
    DiscountKind,
    Edition,
    TicketType,
    Voucher,
)
from events.registration.admin_actions import AMOUNT_PATTERN
from events.registration.admin_views import (
    VOUCHER_BATCH_SESSION_KEY,
    VOUCHER_CODES,
    _local,
    _ticket_type_label,
)
from events.registration.vouchers import (
    MAX_COUNT,
    MAX_PREFIX_LENGTH,
    VoucherError,
    prefix_normalise,
    vouchers_generate,
)

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
