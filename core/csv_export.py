"""Exports of what visitors typed, safe to open in a spreadsheet."""

import datetime

from django.utils import timezone, translation
from wagtail.admin.views.generic import IndexView

# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A text cell a spreadsheet would run as a formula, written as text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCSVMixin:
    """Exports of records visitors typed, for organisers.

    CSV cells that a spreadsheet would run as formulas are written as text: the
    XLSX export is safe already (Wagtail stores cells as strings), but a CSV
    opened in a spreadsheet would evaluate a name such as ``=HYPERLINK(…)``, so
    such values get a leading apostrophe. Datetimes are written on the
    organiser's clock, and rows streamed after the view has returned keep the
    organiser's language and time zone.
    """

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
            "xlsx": lambda value: timezone.make_naive(value),
        },
    }

    def stream_csv(self, queryset):
        language, tz = translation.get_language(), timezone.get_current_timezone()
        rows = super().stream_csv(queryset)

        def in_context():
            with translation.override(language), timezone.override(tz):
                yield from rows

        return in_context()

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return csv_safe(value) if export_format == self.FORMAT_CSV else value
