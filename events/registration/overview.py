"""The organisers' overview of an edition's seats and queues, with registrations over time."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.charts import Scale, nice_axis, polyline
from events.models import (
    Edition,
    OfferStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionKind,
    TicketType,
    WaitingListEntry,
    WorkshopBookingStatus,
)
from events.registration.admin_views import REGISTRATIONS, WAITING_LISTS

# Overview -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketRow:
    ticket_type: TicketType
    quota: int | None
    confirmed: int
    held: int
    awaiting: int
    offers: int
    waiting: int

    @property
    def free(self) -> int | None:
        if self.quota is None:
            return None
        return max(0, self.quota - self.confirmed - self.held - self.awaiting - self.offers)


@dataclass(frozen=True)
class WorkshopRow:
    session: Session
    capacity: int
    booked: int
    offers: int
    waiting: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked - self.offers)


@dataclass(frozen=True)
class ChartDay:
    day: datetime.date
    created: int
    confirmed: int
    created_total: int
    confirmed_total: int


@dataclass(frozen=True)
class Chart:
    """A line chart of cumulative registrations, laid out for an inline SVG (coordinates as strings)."""

    days: list[ChartDay]
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    created_points: str
    confirmed_points: str
    markers: list[tuple[str, str, str]]  # x, y of created, y of confirmed
    y_ticks: list[tuple[str, int]]
    x_ticks: list[tuple[str, str]]
    description: str


@dataclass(frozen=True)
class Overview:
    edition: Edition
    tickets: list[TicketRow]
    workshops: list[WorkshopRow]
    chart: Chart | None

    def _sum(self, rows, name):
        return sum(getattr(row, name) or 0 for row in rows)

    @property
    def ticket_totals(self) -> dict:
        names = ["quota", "confirmed", "held", "awaiting", "offers", "waiting", "free"]
        return {name: self._sum(self.tickets, name) for name in names}

    @property
    def workshop_totals(self) -> dict:
        names = ["capacity", "booked", "offers", "waiting", "free"]
        return {name: self._sum(self.workshops, name) for name in names}

    @property
    def has_unlimited_tickets(self) -> bool:
        return any(row.quota is None for row in self.tickets)


def registrations_overview(edition: Edition, *, now: datetime.datetime | None = None) -> Overview:
    """Seats per ticket type and workshop, and registrations over time: five queries, whatever the numbers.

    Seats in use are counted as `events.registration.services.seats_in_use` counts them:
    confirmed, awaiting transfer, held and not expired, or kept for an open offer.
    """
    now = now or timezone.now()
    ticket_types = (
        TicketType.objects.filter(edition=edition)
        .annotate(
            n_confirmed=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)),
            n_held=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.HELD, registrations__hold_expires_at__gt=now
                ),
            ),
            n_awaiting=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.AWAITING_TRANSFER)
            ),
        )
        .order_by("sort_order", "price", "pk")
    )
    workshops = (
        Session.objects.filter(edition=edition, kind=SessionKind.WORKSHOP)
        .annotate(n_booked=Count("bookings", filter=Q(bookings__status=WorkshopBookingStatus.BOOKED)))
        .order_by("starts_at", "pk")
    )
    queues = {
        (row["ticket_type_id"], row["session_id"]): row
        for row in WaitingListEntry.objects.filter(
            Q(ticket_type__edition=edition) | Q(session__edition=edition)
        )
        .order_by()
        .values("ticket_type_id", "session_id")
        .annotate(
            waiting=Count("pk", filter=Q(status=OfferStatus.WAITING)),
            offers=Count("pk", filter=Q(status=OfferStatus.OFFERED, offer_expires_at__gt=now)),
        )
    }
    none = {"waiting": 0, "offers": 0}
    tickets = [
        TicketRow(
            ticket_type=ticket_type,
            quota=ticket_type.quota,
            confirmed=ticket_type.n_confirmed,
            held=ticket_type.n_held,
            awaiting=ticket_type.n_awaiting,
            offers=queues.get((ticket_type.pk, None), none)["offers"],
            waiting=queues.get((ticket_type.pk, None), none)["waiting"],
        )
        for ticket_type in ticket_types
    ]
    workshop_rows = [
        WorkshopRow(
            session=session,
            capacity=session.capacity or 0,
            booked=session.n_booked,
            offers=queues.get((None, session.pk), none)["offers"],
            waiting=queues.get((None, session.pk), none)["waiting"],
        )
        for session in workshops
    ]
    return Overview(
        edition=edition,
        tickets=tickets,
        workshops=workshop_rows,
        chart=_registrations_chart(edition, now=now),
    )


def _daily(queryset, field: str, tz) -> dict[datetime.date, int]:
    return dict(
        queryset.annotate(day=TruncDate(field, tzinfo=tz))
        .order_by()
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )


CHART_WIDTH, CHART_HEIGHT = 720, 280
CHART_LEFT, CHART_RIGHT, CHART_TOP, CHART_BOTTOM = 56, 700, 16, 240
CHART_MAX_MARKERS = 62


def _registrations_chart(edition: Edition, *, now: datetime.datetime) -> Chart | None:
    """Daily registrations (all of them, as started) and confirmations (still confirmed), cumulated."""
    tz = edition.tz
    created = _daily(Registration.objects.filter(edition=edition), "created_at", tz)
    confirmed = _daily(
        Registration.objects.filter(
            edition=edition, status=RegistrationStatus.CONFIRMED, confirmed_at__isnull=False
        ),
        "confirmed_at",
        tz,
    )
    if not created and not confirmed:
        return None
    first = min([*created, *confirmed])
    last = max([*created, *confirmed, min(timezone.localtime(now, tz).date(), edition.end_date)])
    days, created_total, confirmed_total = [], 0, 0
    for offset in range((last - first).days + 1):
        day = first + datetime.timedelta(days=offset)
        created_total += created.get(day, 0)
        confirmed_total += confirmed.get(day, 0)
        days.append(ChartDay(day, created.get(day, 0), confirmed.get(day, 0), created_total, confirmed_total))

    top, ticks = nice_axis(max(created_total, confirmed_total))
    x = Scale(0, len(days) - 1, CHART_LEFT, CHART_RIGHT)
    y = Scale(0, top, CHART_BOTTOM, CHART_TOP)

    def points(values) -> str:
        return polyline((x(i), y(v)) for i, v in enumerate(values))

    label_count = min(len(days), 6)
    label_indexes = sorted({round(i * (len(days) - 1) / max(label_count - 1, 1)) for i in range(label_count)})
    description = ngettext(
        "From %(first)s to %(last)s: %(created)s registration started in all, %(confirmed)s of them "
        "confirmed and still confirmed. The same figures, day by day, are in the table below the chart.",
        "From %(first)s to %(last)s: %(created)s registrations started in all, %(confirmed)s of them "
        "confirmed and still confirmed. The same figures, day by day, are in the table below the chart.",
        created_total,
    ) % {
        "first": date_format(first, "DATE_FORMAT"),
        "last": date_format(last, "DATE_FORMAT"),
        "created": created_total,
        "confirmed": confirmed_total,
    }
    return Chart(
        days=days,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        left=CHART_LEFT,
        right=CHART_RIGHT,
        top=CHART_TOP,
        bottom=CHART_BOTTOM,
        created_points=points(d.created_total for d in days),
        confirmed_points=points(d.confirmed_total for d in days),
        markers=[
            (f"{x(i):.1f}", f"{y(d.created_total):.1f}", f"{y(d.confirmed_total):.1f}")
            for i, d in enumerate(days)
        ]
        if len(days) <= CHART_MAX_MARKERS
        else [],
        y_ticks=[(f"{y(tick):.1f}", tick) for tick in ticks],
        x_ticks=[(f"{x(i):.1f}", date_format(days[i].day, "j M")) for i in label_indexes],
        description=description,
    )


class RegistrationsOverviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Seats and queues of one edition (the current one unless another is chosen)."""

    model = Registration
    permission_required = "view"
    template_name = "events/admin/registrations_overview.html"
    page_title = gettext_lazy("Registrations overview")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editions = list(Edition.objects.order_by("-number"))
        chosen = self.request.GET.get("edition", "")
        edition = next((e for e in editions if str(e.pk) == chosen), None)
        edition = edition or next((e for e in editions if e.is_current), None) or next(iter(editions), None)
        context.update(
            editions=editions,
            edition=edition,
            overview=registrations_overview(edition) if edition else None,
            registrations_url=reverse(f"{REGISTRATIONS}:index"),
            waiting_lists_url=reverse(f"{WAITING_LISTS}:index"),
        )
        return context
