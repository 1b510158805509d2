"""Certificates of attendance: for people let in at the door or who joined a
stream, once the edition is over, in French, Arabic or English."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.i18n import is_rtl
from core.pdf import pdf_render
from events.models import CheckIn, Registration, StreamJoin


def attended(registration: Registration) -> bool:
    return (
        CheckIn.objects.filter(registration=registration).exists()
        or StreamJoin.objects.filter(
            user_id=registration.user_id, session__edition=registration.edition_id, live=True
        ).exists()
    )


def available(registration: Registration, *, now: datetime.datetime | None = None) -> bool:
    """After the last day of the edition, for those who attended."""
    now = now or timezone.now()
    over = now >= registration.edition.starts_at + datetime.timedelta(days=len(registration.edition.days))
    return over and attended(registration)


def certificate_pdf(registration: Registration, *, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string(
            "events/badges/certificate.html",
            {
                "registration": registration,
                "edition": registration.edition,
                "language": language,
                "rtl": is_rtl(language),
                "in_person": CheckIn.objects.filter(registration=registration).exists(),
                "sessions_followed": StreamJoin.objects.filter(
                    user_id=registration.user_id, session__edition=registration.edition_id, live=True
                ).count(),
            },
        )
    return pdf_render(html)


def certificates_for(user, *, now: datetime.datetime | None = None) -> list[Registration]:
    """Every edition this person may download a certificate for, newest first."""
    registrations = Registration.objects.filter(user=user, status="confirmed").select_related("edition")
    return [r for r in registrations.order_by("-edition__start_date") if available(r, now=now)]
