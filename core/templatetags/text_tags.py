from django import template

from core.text import printable as printable_text

register = template.Library()


@register.filter
def printable(value) -> str:
    """What a PDF's fonts can print of a name or title typed by somebody (no emoji, no controls)."""
    return printable_text(str(value or ""))
