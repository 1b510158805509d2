"""Labels for the values the scoring method records in English (snapshots keep them as they are)."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

TIE_LABELS = {
    "head-to-head": _("head-to-head"),
    "primary criterion": _("the primary criterion"),
    "median": _("the median"),
    "chair": _("the chair's decision"),
    "unresolved": _("unresolved"),
}
METHOD_LABELS = {
    "normalised mean": _("normalised mean"),
    "Schulze": _("the Schulze method"),
}


@register.filter
def tie_label(value: str) -> str:
    return str(TIE_LABELS.get(value, value))


@register.filter
def method_label(value: str) -> str:
    return str(METHOD_LABELS.get(value, value))
