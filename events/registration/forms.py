"""The registration forms: who is coming, with which ticket, and how they pay."""

from babel import Locale
from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import CleanTextMixin
from events.models.tickets import TicketType, Voucher
from events.registration.services import Attendee

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{5,24}$",
    _("Enter a phone number with its country code, e.g. +212 6 12 34 56 78."),
)


# CLDR two-letter codes that are not countries (unions, pseudo-locales, unknown).
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_choices(language: str) -> list[tuple[str, str]]:
    """Countries named in the visitor's language (Babel's CLDR data), Morocco first."""
    names = Locale.parse(language or "fr").territories
    countries = sorted(
        (
            (code, name)
            for code, name in names.items()
            if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
        ),
        key=lambda item: item[1].casefold(),
    )
    morocco = [(code, name) for code, name in countries if code == "MA"]
    return [("", _("Choose a country"))] + morocco + [item for item in countries if item[0] != "MA"]


def country_name(code: str, language: str) -> str:
    return Locale.parse(language or "fr").territories.get(code, code) if code else ""


class AttendeeForm(CleanTextMixin, forms.Form):
    """What organisers need at the door and for planning."""

    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    name_ar = forms.CharField(
        label=_("Name in Arabic script (optional)"),
        max_length=150,
        required=False,
        help_text=_("Printed on your badge beside the Latin spelling."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=100)
    phone = forms.CharField(label=_("Phone"), max_length=40, validators=[PHONE_VALIDATOR])
    needs_wheelchair_access = forms.BooleanField(label=_("I need wheelchair access"), required=False)
    needs_sign_language = forms.BooleanField(label=_("I need sign-language interpretation"), required=False)
    accessibility_other = forms.CharField(
        label=_("Other accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tell us anything that would make the congress easier for you to attend."),
    )

    def __init__(self, *args, language: str = "fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices(language)
        self.fields["name_ar"].widget.attrs.update({"lang": "ar", "dir": "rtl"})
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "tel", "dir": "ltr"})
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["job_title"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"

    def attendee(self):
        data = self.cleaned_data
        return Attendee(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            name_ar=data["name_ar"].strip(),
            organisation=data["organisation"].strip(),
            job_title=data["job_title"].strip(),
            country=data["country"],
            city=data["city"].strip(),
            phone=data["phone"].strip(),
            needs_wheelchair_access=data["needs_wheelchair_access"],
            needs_sign_language=data["needs_sign_language"],
            accessibility_other=data["accessibility_other"].strip(),
        )


class PaymentMethod(models.TextChoices):
    CARD = "card", _("Card, now")
    TRANSFER = "transfer", _("Bank transfer (institutions)")


class RegistrationForm(AttendeeForm):
    ticket_type = forms.ModelChoiceField(
        label=_("Ticket"),
        queryset=TicketType.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("This ticket is not available. Choose another one.")},
    )
    voucher = forms.CharField(label=_("Voucher code"), max_length=32, required=False)
    payment_method = forms.ChoiceField(
        label=_("Payment"),
        choices=PaymentMethod.choices,
        initial=PaymentMethod.CARD,
        widget=forms.RadioSelect,
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the organisers process my personal data to manage my registration, "
            "my badge and my access to the congress."
        ),
        help_text=_(
            "In accordance with Moroccan law 09-08 on the protection of individuals with regard to the "
            "processing of personal data, and with the EU General Data Protection Regulation (GDPR), you "
            "can access, correct and delete your data and object to its processing by writing to the "
            "organisers. Your data is kept until the end of the edition and its follow-up, then deleted "
            "or anonymised; it is never sold."
        ),
        error_messages={"required": _("We cannot register you without your consent to process your data.")},
    )

    field_order = ["ticket_type", "voucher"]

    def __init__(self, *args, ticket_types, edition, offer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.offer = offer
        self.fields["ticket_type"].queryset = ticket_types
        self.fields["voucher"].widget.attrs.update({"autocapitalize": "characters", "dir": "ltr"})
        self.transfer_offered = bool(edition.bank_transfer_details)
        if not self.transfer_offered:
            del self.fields["payment_method"]
        if offer is not None:
            self.fields["ticket_type"].initial = offer.ticket_type_id

    def clean_voucher(self):
        code = self.cleaned_data["voucher"].strip().upper()
        if not code:
            return None
        voucher = Voucher.objects.filter(edition=self.edition, code__iexact=code).first()
        if voucher is None:
            raise forms.ValidationError(_("This voucher code does not exist. Check its spelling."))
        return voucher

    def clean(self):
        data = super().clean()
        ticket_type, voucher = data.get("ticket_type"), data.get("voucher")
        if self.offer is not None and ticket_type and ticket_type.pk != self.offer.ticket_type_id:
            self.add_error("ticket_type", _("Your offer is for another ticket."))
        if ticket_type and voucher is None and ticket_type.voucher_only and "voucher" not in self.errors:
            self.add_error("voucher", _("This ticket needs a voucher."))
        return data

    @property
    def bank_transfer(self) -> bool:
        return self.cleaned_data.get("payment_method") == PaymentMethod.TRANSFER
