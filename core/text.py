"""Text people type, made safe to show and to print.

Names and titles appear on badges, in lists and in e-mails: a right-to-left
override (U+202E) would print ``abc‮dcba`` reversed, and other invisible
controls hide what a text really says. Forms drop them (`CleanTextMixin`);
joiners and the left-to-right / right-to-left marks that Arabic and Persian
text legitimately use are kept. Badges also drop emoji, which their fonts
cannot print.
"""

import re
import unicodedata

from django import forms

# Kept: zero-width non-joiner and joiner, left-to-right and right-to-left marks.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d", "\u200e", "\u200f"}
KEPT_CONTROL_CHARACTERS = {"\n", "\r", "\t"}


def _dropped(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cc":
        return char not in KEPT_CONTROL_CHARACTERS
    return category == "Cf" and char not in KEPT_FORMAT_CHARACTERS


def text_clean(value: str) -> str:
    """The text without bidirectional overrides, embeddings, isolates and other invisible controls."""
    return "".join(char for char in value if not _dropped(char))


class CleanTextMixin:
    """Every text field of the form is cleaned by `text_clean` before it is validated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.to_python = _cleaning(field.to_python)


def _cleaning(to_python):
    def wrapped(value):
        value = to_python(value)
        return text_clean(value) if isinstance(value, str) else value

    return wrapped


EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U00002600-\U000027bf\U0000fe0e\U0000fe0f\U000e0020-\U000e007f]+(?:\u200d[\U0001f000-\U0001faff\U00002600-\U000027bf\U0000fe0f]+)*"
)


def printable(value: str) -> str:
    """The text as a badge can print it: emoji and pictographs removed, spaces tidied."""
    return " ".join(EMOJI.sub(" ", text_clean(value or "")).split())
