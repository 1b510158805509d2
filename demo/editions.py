"""Demo editions (`data/editions.json`): the 4th with its historic dates, the 7th presented as upcoming."""

import datetime

from demo.data import load
from events.models import Edition

# The current edition opens this many days after the demo is loaded, so that
# registration and the startup challenge are open when someone explores it.
UPCOMING_EDITION_OFFSET_DAYS = 75


def _dates(row: dict, *, today: datetime.date) -> dict:
    """A past edition keeps the dates in its row; the current one gets two days from today's offset."""
    if not row["is_current"]:
        return {
            "start_date": datetime.date.fromisoformat(row["start_date"]),
            "end_date": datetime.date.fromisoformat(row["end_date"]),
        }
    opening = today + datetime.timedelta(days=UPCOMING_EDITION_OFFSET_DAYS)
    return {
        "slug": str(opening.year),
        "start_date": opening,
        "end_date": opening + datetime.timedelta(days=1),
    }


def seed_editions(*, today: datetime.date) -> dict[int, Edition]:
    rows = load("editions")
    current = [row["number"] for row in rows if row["is_current"]]
    editions = {}
    # Clear the current flag first so that the single-current constraint holds
    # while rows are updated in any order.
    Edition.objects.exclude(number__in=current).filter(is_current=True).update(is_current=False)
    for row in rows:
        fields = {name: value for name, value in row.items() if name != "number"}
        fields.update(_dates(row, today=today))
        edition = Edition.objects.filter(number=row["number"]).first() or Edition(number=row["number"])
        for field, value in fields.items():
            setattr(edition, field, value)
        edition.full_clean()
        edition.save()
        editions[row["number"]] = edition
    return editions
