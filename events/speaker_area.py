"""What speakers do themselves: answer for each of their sessions (confirm or
decline, in person or remotely, technical needs). A speaker who confirms gets a
free speaker registration, and so a badge with the speaker band, without paying."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events import registration as ops
from events.models import AttendanceMode, Participation, SessionSpeaker, TicketType


class SpeakerError(Exception):
    """A refusal shown to the speaker as it is."""


def appearances_of(user):
    return (
        SessionSpeaker.objects.filter(speaker__user=user, session__is_published=True)
        .select_related("session", "session__room", "session__edition", "speaker")
        .prefetch_related("session__speakers__speaker")
        .order_by("session__starts_at")
    )


def participation_answer(
    *, appearance: SessionSpeaker, user, participation: str, presence: str = "", needs: str = ""
):
    """Record a speaker's answer for one session; the first confirmation registers them."""
    if appearance.speaker.user_id != user.pk:
        raise SpeakerError(_("This is not one of your sessions."))
    if participation not in (Participation.CONFIRMED, Participation.DECLINED):
        raise SpeakerError(_("Say whether you take part."))
    with transaction.atomic():
        appearance = SessionSpeaker.objects.select_for_update().get(pk=appearance.pk)
        appearance.participation = participation
        appearance.presence = presence if participation == Participation.CONFIRMED else ""
        appearance.technical_needs = needs.strip()
        appearance.answered_at = timezone.now()
        appearance.save(update_fields=["participation", "presence", "technical_needs", "answered_at"])
        registration = None
        if participation == Participation.CONFIRMED:
            registration = speaker_registration_ensure(appearance, actor=user)
    return appearance, registration


def speaker_registration_ensure(appearance: SessionSpeaker, *, actor):
    """The free speaker registration of the session's edition (once)."""
    edition = appearance.session.edition
    ticket_type = (
        TicketType.objects.filter(edition=edition, role="speaker", mode=AttendanceMode.IN_PERSON, price=0)
        .order_by("sort_order", "pk")
        .first()
        or TicketType.objects.filter(edition=edition, role="speaker", mode=AttendanceMode.IN_PERSON)
        .order_by("sort_order", "pk")
        .first()
    )
    if ticket_type is None:
        return None
    speaker = appearance.speaker
    first, _space, last = speaker.name.partition(" ")
    attendee = ops.Attendee(
        first_name=first,
        last_name=last or first,
        name_ar=speaker.name_ar,
        organisation=speaker.organisation_fr,
        job_title=speaker.job_title_fr,
    )
    return ops.registration_grant(
        user=actor,
        ticket_type=ticket_type,
        attendee=attendee,
        actor=actor,
        note=f"speaker of {appearance.session.slug}",
    )
