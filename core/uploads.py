"""Checks every upload shares, whatever it is (slides, decks, photos, logos)."""

import unicodedata
from pathlib import PurePath

from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from core.errors import UserError


class UploadError(UserError):
    """An upload refused for what it is, shown to the person who sent it."""


def safe_stem(name: str, fallback: str) -> str:
    """The name without its extension, reduced to safe characters (or `fallback` if nothing is left)."""
    try:
        return get_valid_filename(PurePath(name).stem)[:100] or fallback
    except SuspiciousFileOperation:  # nothing usable in it, e.g. "€€"
        return fallback


def name_check(name: str) -> str:
    """A plain file name: no folders, no control characters, not hidden, not absurdly long."""
    if (
        not name
        or len(name) > 150
        or PurePath(name).name != name
        or "\\" in name
        or ".." in name
        or name.startswith(".")
        or any(unicodedata.category(char).startswith("C") for char in name)
        or any(char in name for char in '<>:"|?*')
    ):
        raise UploadError(
            _("This file name cannot be used. Rename the file with letters, digits, dashes or spaces only.")
        )
    return name
