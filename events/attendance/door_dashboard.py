"""The door dashboard: how many are in, by ticket type, over the day."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q

from core.charts import Scale
from events.models import CheckIn, Edition, RegistrationStatus, TicketType

DASHES = ["", "6 3", "2 3", "10 3 2 3", "1 2", "12 6"]  # told apart without colour


@dataclass
class Series:
    name: str
    expected: int
    checked_in: int
    points: str = ""
    dash: str = ""


@dataclass
class DoorChart:
    width: int = 640
    height: int = 260
    left: int = 44
    right: int = 624
    top: int = 16
    bottom: int = 224
    series: list[Series] = field(default_factory=list)
    slots: list[datetime.datetime] = field(default_factory=list)
    y_ticks: list[tuple[str, int]] = field(default_factory=list)
    x_ticks: list[tuple[str, str]] = field(default_factory=list)
    rows: list[tuple[datetime.datetime, list[int]]] = field(default_factory=list)
    multi_day: bool = False


def door_figures(edition: Edition) -> DoorChart:
    """Per in-person ticket type: expected and checked in; cumulative check-ins per quarter hour."""
    tickets = list(
        TicketType.objects.filter(edition=edition, mode="in_person")
        .annotate(
            expected=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            checked_in=Count("registrations__checkin"),
        )
        .order_by("sort_order", "pk")
    )
    chart = DoorChart(
        series=[
            Series(str(t.name), t.expected, t.checked_in, dash=DASHES[i % len(DASHES)])
            for i, t in enumerate(tickets)
        ]
    )
    index = {t.pk: i for i, t in enumerate(tickets)}
    moments = list(
        CheckIn.objects.filter(edition=edition)
        .order_by("at")
        .values_list("at", "registration__ticket_type_id")
    )
    if not moments:
        return chart
    tz = edition.tz
    # Quarter hours that saw check-ins only: no empty rows through the night of a two-day congress.
    per_slot: dict[datetime.datetime, list[int]] = {}
    for at, ticket_type_id in moments:
        if ticket_type_id not in index:
            continue
        local = at.astimezone(tz)
        slot = local.replace(minute=local.minute - local.minute % 15, second=0, microsecond=0)
        per_slot.setdefault(slot, [0] * len(tickets))[index[ticket_type_id]] += 1
    if not per_slot:
        return chart
    chart.slots = sorted(per_slot)
    chart.multi_day = chart.slots[0].date() != chart.slots[-1].date()
    running = [0] * len(tickets)
    for slot in chart.slots:
        running = [a + b for a, b in zip(running, per_slot[slot], strict=True)]
        chart.rows.append((slot, list(running)))
    count = len(chart.slots)
    peak = max(max(row) for _slot, row in chart.rows) or 1
    x_scale = Scale(0, max(1, count - 1), chart.left, chart.right)
    y_scale = Scale(0, peak, chart.bottom, chart.top)

    def x(i: int) -> int:
        return round(x_scale(i))

    def y(value: int) -> int:
        return round(y_scale(value))

    for position, serie in enumerate(chart.series):
        serie.points = " ".join(f"{x(i)},{y(row[position])}" for i, (_slot, row) in enumerate(chart.rows))
    step = max(1, peak // 4)
    chart.y_ticks = [(str(value), y(value)) for value in range(0, peak + 1, step)]
    every = max(1, count // 6)
    label = "%d/%m %H:%M" if chart.multi_day else "%H:%M"
    chart.x_ticks = [(chart.slots[i].strftime(label), str(x(i))) for i in range(0, count, every)]
    return chart
