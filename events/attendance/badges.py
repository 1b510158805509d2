"""Badge PDFs, rendered by WeasyPrint from an HTML/CSS template.

One badge is an A6 page; a batch is A4 sheets of four A6 badges with cut
marks. The QR code is vector (segno's SVG) and holds only the signed badge
token. Organisers adjust role colours and add CSS in the admin (Settings >
Badges); the template itself is templates/events/badges/badges.html with its
style sheet badge.css beside it.
"""

import io
from collections.abc import Sequence

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.pdf import pdf_render
from events.attendance.checkin import badge_payload
from events.models import ROLE_LABELS, BadgeSettings, Registration

CSS_PATH = settings.BASE_DIR / "templates" / "events" / "badges" / "badge.css"


def qr_svg(data: str) -> str:
    buffer = io.BytesIO()
    segno.make(data, error="m").save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False, svgclass="badge__qr"
    )
    return buffer.getvalue().decode()


def badges_html(registrations: Sequence[Registration], *, sheet: bool) -> str:
    style = BadgeSettings.load()
    badges = []
    for registration in registrations:
        role = registration.ticket_type.role
        badges.append(
            {
                "registration": registration,
                "role": role,
                "role_labels": ROLE_LABELS.get(role, ROLE_LABELS["attendee"]),
                "colour": style.colour(role),
                "qr": mark_safe(qr_svg(badge_payload(registration))),  # segno's own SVG markup
            }
        )
    pages = [badges[i : i + 4] for i in range(0, len(badges), 4)] if sheet else [[badge] for badge in badges]
    return render_to_string(
        "events/badges/badges.html",
        {"pages": pages, "sheet": sheet, "css": mark_safe(CSS_PATH.read_text())},  # our own file
    )


def extra_css() -> list[str]:
    """The organisers' extra CSS, applied as a style sheet (never pasted into the HTML)."""
    return [BadgeSettings.load().extra_css]


def badges_pdf(registrations: Sequence[Registration], *, sheet: bool = False) -> bytes:
    """The badges as one PDF: one A6 page each, or A4 sheets of four with cut marks."""
    return pdf_render(badges_html(registrations, sheet=sheet), extra_css=extra_css())


def badges_mark_printed(registrations: Sequence[Registration]) -> None:
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(badge_printed_at=timezone.now())
