"""Amounts in MAD centimes, written the way each language writes money in Morocco."""

from babel.numbers import format_currency
from django import template
from django.utils.translation import get_language

register = template.Library()

LOCALES = {"fr": "fr_MA", "ar": "ar_MA", "en": "en"}


@register.filter
def money(amount: int | None, currency: str = "MAD") -> str:
    if amount is None:
        return ""
    language = (get_language() or "fr").split("-")[0]
    locale = LOCALES.get(language, "fr_MA")
    pattern = "¤¤\u00a0#,##0.00" if language == "en" else None  # "MAD 1,500.00", not "MAD1,500.00"
    return format_currency(amount / 100, currency or "MAD", format=pattern, locale=locale)
