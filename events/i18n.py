"""Text that visitors read in French, Arabic or English.

Domain objects (editions, sessions, organisations) keep one column per
language, ``title_fr``, ``title_ar``, ``title_en``: they stay queryable and
sortable, and the organiser edits the three side by side. French is the
reference language and the fallback when a translation is missing.
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

FALLBACK_LANGUAGE = "fr"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    return (get_language() or FALLBACK_LANGUAGE).split("-")[0]


class TranslatedField:
    """Read ``obj.<name>`` as the active language's column, falling back to French."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = getattr(instance, f"{self.name}_{current_language()}", "")
        return value or getattr(instance, f"{self.name}_{FALLBACK_LANGUAGE}")


def translated_panels(name: str, heading, *, widget=forms.TextInput) -> MultiFieldPanel:
    """The three language columns of one field, side by side in the admin.

    The Arabic input is right-to-left so that the organiser types naturally.
    """
    panels = []
    for code in language_codes():
        attrs = {"dir": "rtl", "lang": code} if code in settings.LANGUAGES_BIDI else {"lang": code}
        panels.append(FieldPanel(f"{name}_{code}", widget=widget(attrs=attrs)))
    return MultiFieldPanel(panels, heading=heading)
