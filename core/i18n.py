"""The languages of the site, and text that visitors read in each of them.

`settings.LANGUAGES` and `settings.LANGUAGES_BIDI` are the only lists of
languages: everything that enumerates languages or asks which way a language
is written derives from them here, so adding a language costs its settings
line, its message catalogue and one migration per app for the new columns.

Domain objects (editions, sessions, organisations) keep one column per
language, ``title_fr``, ``title_ar``, ``title_en``: they stay queryable and
sortable, and the organiser edits them side by side. The first language of
``settings.LANGUAGES`` is the reference and the fallback when a translation
is missing.
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_choices() -> list[tuple[str, str]]:
    """(code, the language's own name) for every site language, as settings list them."""
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def fallback_language() -> str:
    return settings.LANGUAGE_CODE.split("-")[0]


def is_rtl(code: str | None = None) -> bool:
    """Whether `code` (default: the active language) is written right to left."""
    return (code or current_language()).split("-")[0] in settings.LANGUAGES_BIDI


def current_language() -> str:
    return (get_language() or fallback_language()).split("-")[0]


def language_attrs(code: str) -> dict[str, str]:
    """HTML attributes of text in `code`: its language, and its direction when right to left."""
    return {"lang": code, "dir": "rtl"} if is_rtl(code) else {"lang": code}


def translated_widgets(name: str, widget=forms.TextInput, **attrs) -> dict:
    """Form widgets for the language columns of one field, each typed in its own direction."""
    return {f"{name}_{code}": widget(attrs={**attrs, **language_attrs(code)}) for code in language_codes()}


def translated_columns(name: str) -> list[str]:
    """``name_fr``, ``name_ar``, … : the per-language columns of one field."""
    return [f"{name}_{code}" for code in language_codes()]


class TranslatedField:
    """Read ``obj.<name>`` as the active language's column, falling back to the reference language."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = getattr(instance, f"{self.name}_{current_language()}", "")
        return value or getattr(instance, f"{self.name}_{fallback_language()}")


def translated_panels(name: str, heading, *, widget=forms.TextInput) -> MultiFieldPanel:
    """The language columns of one field, side by side in the admin.

    Right-to-left inputs are marked so that the organiser types naturally.
    """
    panels = []
    for code in language_codes():
        panels.append(FieldPanel(f"{name}_{code}", widget=widget(attrs=language_attrs(code))))
    return MultiFieldPanel(panels, heading=heading)
