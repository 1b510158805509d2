"""The e-mails of a registration, written in the person's language.

Sent by the `send_email` task once the change that caused them has
committed; each sending is written to the registration's log, so organisers
see what went out and can send it again from the admin.
"""

import datetime
import uuid

import icalendar
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import message_build as core_message_build
from core.mail import site_url
from core.templatetags.money_tags import money
from events.attendance.badges import badges_pdf
from events.models import Registration, RegistrationLog, WaitingListEntry
from events.programme.exports import GUID_NAMESPACE, PRODID

SUBJECTS = {
    "confirmation": _("Your registration for %(edition)s is confirmed"),
    "receipt": _("Payment receipt %(reference)s"),
    "transfer_instructions": _("Your registration %(reference)s: paying by bank transfer"),
    "cancellation": _("Your registration %(reference)s is cancelled"),
    "refund": _("Refund for your registration %(reference)s"),
    "offer": _("A seat is free for you: %(target)s"),
}
KINDS = ["confirmation", "receipt", "transfer_instructions", "cancellation", "refund"]


def edition_ics(edition, *, language: str) -> bytes:
    """The edition as one all-day event spanning its days, for the attendee's calendar."""
    with translation.override(language):
        calendar = icalendar.Calendar.new(name=str(edition.title), prodid=PRODID)
        calendar.add_component(
            icalendar.Event.new(
                uid=uuid.uuid5(GUID_NAMESPACE, f"edition/{edition.slug}"),
                stamp=datetime.datetime.now(datetime.UTC).replace(microsecond=0),
                start=edition.start_date,
                end=edition.end_date + datetime.timedelta(days=1),
                summary=f"{edition.title} – {edition.theme}",
                location=", ".join(part for part in (str(edition.venue), str(edition.city)) if part),
                url=site_url(f"/{language}/"),
            )
        )
        return calendar.to_ical()


def message_build(*, kind: str, to: str | list[str], language: str, context: dict):
    return core_message_build(
        kind=kind, to=to, language=language, context=context, subjects=SUBJECTS, folder="events/emails"
    )


def send(kind: str, pk: int, **extra) -> None:
    if kind == "offer":
        return _send_offer(pk)
    registration = Registration.objects.select_related("edition", "ticket_type", "user").get(pk=pk)
    language = registration.language or "fr"
    with translation.override(language):
        context = {
            "registration": registration,
            "edition": registration.edition,
            "mine_url": site_url(reverse("registration:mine")),
            "receipt_url": site_url(reverse("registration:receipt", args=[registration.reference])),
            "agenda_url": site_url(reverse("events:agenda")),
            "subject": {"edition": str(registration.edition.title), "reference": registration.reference},
            "price_display": money(registration.price, registration.currency),
            **extra,
        }
        for key in ("amount", "refund"):
            if key in extra:
                context[f"{key}_display"] = money(extra[key], registration.currency)
        if kind == "receipt":
            context["payments"] = [
                (payment, money(payment.amount, payment.currency))
                for payment in registration.payments.filter(status="succeeded")
            ]
    message = message_build(kind=kind, to=registration.user.email, language=language, context=context)
    if kind == "confirmation":
        message.attach(
            f"{registration.edition.slug}.ics",
            edition_ics(registration.edition, language=language),
            "text/calendar",
        )
        if registration.ticket_type.mode == "in_person":
            message.attach(
                f"badge-{registration.reference}.pdf", badges_pdf([registration]), "application/pdf"
            )
    message.send()
    RegistrationLog.objects.create(
        registration=registration,
        action="email_sent",
        from_status=registration.status,
        to_status=registration.status,
        note=kind,
    )


def _send_offer(pk: int) -> None:
    entry = WaitingListEntry.objects.select_related("user", "ticket_type", "session", "session__edition").get(
        pk=pk
    )
    language = entry.language or "fr"
    with translation.override(language):
        target = entry.ticket_type.name if entry.ticket_type_id else entry.session.title
        context = {
            "entry": entry,
            "target": target,
            "is_workshop": bool(entry.session_id),
            "offer_url": site_url(reverse("registration:offer", args=[entry.token])),
            "subject": {"target": str(target)},
        }
    message_build(kind="offer", to=entry.user.email, language=language, context=context).send()
