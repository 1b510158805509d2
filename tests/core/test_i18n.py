"""One registry of languages: everything that lists them or asks their direction reads the settings."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from core import i18n
from core.templatetags.money_tags import money

ROOT = Path(__file__).resolve().parents[2]
APPS = ["cms", "core", "events", "startups", "judging"]

pytestmark = pytest.mark.unit


def test_the_registry_follows_the_settings(settings):
    settings.LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English"), ("fa", "فارسی")]
    settings.LANGUAGES_BIDI = ["ar", "fa"]

    assert i18n.language_codes() == ["fr", "ar", "en", "fa"]
    assert i18n.language_choices()[-1] == ("fa", "فارسی")
    assert i18n.translated_columns("title") == ["title_fr", "title_ar", "title_en", "title_fa"]
    assert i18n.is_rtl("fa") and i18n.is_rtl("ar") and not i18n.is_rtl("en")
    assert i18n.translated_widgets("bio")["bio_fa"].attrs == {"lang": "fa", "dir": "rtl"}


def test_the_direction_of_the_active_language():
    with translation.override("ar"):
        assert i18n.is_rtl()
    with translation.override("fr"):
        assert not i18n.is_rtl()


def test_money_is_written_as_in_morocco_and_falls_back_for_other_languages():
    with translation.override("fr"):
        assert money(150000) == "1\u202f500,00\u00a0MAD"
    with translation.override("en"):
        assert money(150000) == "MAD\u00a01,500.00"
    with translation.override("de"):  # no de_MA in CLDR: plain German
        assert money(150000) == "1.500,00\u00a0MAD"


# Language lists and right-to-left tests written by hand in application code.
HARD_CODED = re.compile(
    r"""\(\s*["']fr["'],\s*["']ar["'],\s*["']en["']\s*\)|\[\s*["']fr["'],\s*["']ar["'],\s*["']en["']\s*\]|==\s*["']ar["']"""
)


def test_no_application_module_lists_the_languages_itself():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and "settings" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if HARD_CODED.search(line)
    ]

    assert offenders == []
