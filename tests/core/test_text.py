"""Names and titles lose invisible controls (a right-to-left override prints text reversed)."""

import pytest
from django import forms

from core.text import CleanTextMixin, printable, text_clean
from events.registration.forms import AttendeeForm

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("abc\u202edcba", "abcdcba"),  # right-to-left override
        ("\u2067Ali\u2069 \u202bBen\u202c", "Ali Ben"),  # isolates and embeddings
        ("zero\u200bwidth\ufeff", "zerowidth"),  # zero-width space, byte-order mark
        ("ligne\x00\x07", "ligne"),  # control characters
        ("سلمى\u200fبنعلي", "سلمى\u200fبنعلي"),  # a right-to-left mark belongs to Arabic text
        ("می\u200cخواهم", "می\u200cخواهم"),  # a zero-width non-joiner belongs to Persian text
        ("Première ligne\nSeconde", "Première ligne\nSeconde"),
    ],
)
def test_text_clean(typed, kept):
    assert text_clean(typed) == kept


def test_printable_drops_emoji_and_their_joiners():
    assert printable("Salma 👩🏽‍💻 Bennani ⚡️") == "Salma Bennani"
    assert printable("سلمى بنعلي") == "سلمى بنعلي"


def test_forms_clean_every_text_field_before_validating_it():
    class NameForm(CleanTextMixin, forms.Form):
        name = forms.CharField()

    form = NameForm({"name": "\u202e\u202e"})

    assert not form.is_valid() and "name" in form.errors  # nothing left: required


@pytest.mark.django_db
def test_the_registration_form_drops_a_bidi_override(edition):
    form = AttendeeForm(
        {
            "first_name": "abc\u202edcba",
            "last_name": "Alami",
            "name_ar": "\u202eسلمى",
            "country": "MA",
            "city": "Casablanca",
            "phone": "+212 6 61 23 45 67",
        },
        language="fr",
    )

    form.is_valid()

    assert form.cleaned_data["first_name"] == "abcdcba"
    assert form.cleaned_data["name_ar"] == "سلمى"
