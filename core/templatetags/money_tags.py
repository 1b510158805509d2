"""Amounts in MAD centimes, written the way each language writes money in Morocco."""

import functools

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django import template

from core.i18n import current_language

register = template.Library()


@functools.cache
def locale_for(language: str) -> str:
    """The language as written in Morocco (fr_MA, ar_MA) where CLDR knows it, else the language."""
    try:
        Locale.parse(f"{language}_MA")
    except (UnknownLocaleError, ValueError):
        return language
    return f"{language}_MA"


@register.filter
def money(amount: int | None, currency: str = "MAD") -> str:
    if amount is None:
        return ""
    language = current_language()
    locale = locale_for(language)
    pattern = "¤¤\u00a0#,##0.00" if language == "en" else None  # "MAD 1,500.00", not "MAD1,500.00"
    return format_currency(amount / 100, currency or "MAD", format=pattern, locale=locale)
