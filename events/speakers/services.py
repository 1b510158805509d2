"""What speakers do themselves: answer for each of their sessions (confirm or
decline, in person or remotely, technical needs). A speaker who confirms gets a
free speaker registration, and so a badge with the speaker band, without paying."""

import datetime
import io
import secrets

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from core.accounts import address_owned
from core.errors import UserError
from core.uploads import UploadError, picture_open
from events.models import (
    PROFILE_FIELDS,
    PROPOSED_FIELDS,
    AttendanceMode,
    Participation,
    Presence,
    ProfileProposal,
    ProposalStatus,
    Session,
    SessionProposal,
    SessionSpeaker,
    Speaker,
    SpeakerInvitation,
    TicketType,
)
from events.registration import services as ops


class SpeakerError(UserError):
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
    if (
        participation == Participation.CONFIRMED
        and appearance.session.format != "online"
        and presence not in Presence.values
    ):
        raise SpeakerError(_("Say whether you present in person or remotely."))
    if presence not in Presence.values:
        presence = ""
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
        elif not SessionSpeaker.objects.filter(
            speaker=appearance.speaker,
            session__edition=appearance.session.edition_id,
            participation=Participation.CONFIRMED,
        ).exists():
            # No session left to speak at: the free speaker registration goes.
            ops.grant_withdraw(
                user=user, edition=appearance.session.edition, actor=user, note="declined every session"
            )
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


# Session proposals -------------------------------------------------------------------


def editable_until(session) -> datetime.datetime | None:
    return session.edition.speaker_edit_deadline


def can_edit(session, *, now: datetime.datetime | None = None) -> bool:
    deadline = editable_until(session)
    return deadline is None or (now or timezone.now()) < deadline


def proposal_pending(session) -> SessionProposal | None:
    return session.proposals.filter(status=ProposalStatus.PENDING).first()


def proposal_submit(
    *, appearance: SessionSpeaker, user, data: dict, now: datetime.datetime | None = None
) -> SessionProposal:
    """Save a speaker's changes as a proposal; the public page keeps the published text."""
    if appearance.speaker.user_id != user.pk:
        raise SpeakerError(_("This is not one of your sessions."))
    session = appearance.session
    if not can_edit(session, now=now):
        raise SpeakerError(_("The deadline for changes has passed; write to the organisers."))
    with transaction.atomic():
        Session.objects.select_for_update().get(pk=session.pk)  # one proposal at a time per session
        session.proposals.filter(status=ProposalStatus.PENDING).update(status=ProposalStatus.SUPERSEDED)
        proposal = SessionProposal.objects.create(
            session=session,
            author=user,
            base={name: getattr(session, name) for name in PROPOSED_FIELDS},
            **{name: data[name] for name in PROPOSED_FIELDS},
        )
    return proposal


def _decide(proposal, *, target_model, target_id: int, actor, approve: bool, comment: str, apply_extra=None):
    """Approve (only the fields the speaker changed go public, so an organiser's later
    edit of another field stays) or reject with a comment. The caller holds the lock."""
    if proposal.status != ProposalStatus.PENDING:
        raise SpeakerError(_("This proposal has already been decided."))
    if approve:
        target = target_model.objects.select_for_update().get(pk=target_id)
        for name in proposal.changed_fields():
            setattr(target, name, getattr(proposal, name))
        if apply_extra is not None:
            apply_extra(target)
        target.save()
    elif not comment.strip():
        raise SpeakerError(_("Tell the speaker why: a comment is needed to reject."))
    proposal.status = ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED
    proposal.comment = comment.strip()
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    proposal.save()


def proposal_decide(*, proposal: SessionProposal, actor, approve: bool, comment: str = "") -> SessionProposal:
    """An organiser decides on a session proposal; the speaker is told by e-mail."""
    from events.speakers.tasks import proposal_email

    with transaction.atomic():
        proposal = SessionProposal.objects.select_for_update().get(pk=proposal.pk)
        _decide(
            proposal,
            target_model=Session,
            target_id=proposal.session_id,
            actor=actor,
            approve=approve,
            comment=comment,
        )
        transaction.on_commit(lambda: proposal_email.enqueue(proposal.pk))
    return proposal


# Invitations ---------------------------------------------------------------------------


INVITATION_VALID = datetime.timedelta(days=30)


def invitation_send(*, speaker, email: str, language: str, actor) -> SpeakerInvitation:
    """Invite a person to claim a speaker profile; the e-mail goes out once this commits."""
    from events.speakers.tasks import invitation_email

    invitation = SpeakerInvitation.objects.create(
        speaker=speaker,
        email=email.strip().lower(),
        language=language,
        token=secrets.token_urlsafe(24),
        created_by=actor,
    )
    transaction.on_commit(lambda: invitation_email.enqueue(invitation.pk))
    return invitation


class InvitationUnknown(SpeakerError):
    """No invitation has this token (a mistyped link, or one voided when the profile was taken)."""


def invitation_lookup(token: str) -> SpeakerInvitation:
    invitation = SpeakerInvitation.objects.select_related("speaker").filter(token=token).first()
    if invitation is None:
        raise InvitationUnknown(_("This invitation does not exist."))
    return invitation


def invitation_appearances(invitation: SpeakerInvitation) -> list[SessionSpeaker]:
    """The sessions the invitation hands over, as its e-mail lists them."""
    return list(
        invitation.speaker.appearances.select_related("session", "session__edition").order_by(
            "session__starts_at"
        )
    )


def invitation_check(*, invitation: SpeakerInvitation, speaker: Speaker, user) -> bool:
    """True if the profile is already `user`'s, False if they may take it now; else a refusal.

    A link is no proof of identity (it can be forwarded or leaked): the invited
    address decides, and the refusal does not name it to whoever holds the link.
    """
    if speaker.user_id == user.pk:
        return True
    if invitation.accepted_at is not None or speaker.user_id is not None:
        raise SpeakerError(_("This invitation has already been used. Ask the organisers for a new one."))
    if timezone.now() - invitation.created_at > INVITATION_VALID:
        raise SpeakerError(_("This invitation has expired. Ask the organisers for a new one."))
    if not address_owned(user, invitation.email):
        raise SpeakerError(
            _(
                "This invitation was sent to another address. "
                "Log in with the address that received it to accept it."
            )
        )
    if Speaker.objects.filter(user=user).exists():
        raise SpeakerError(_("Your account already has a speaker profile. Ask the organisers to merge them."))
    return False


def invitation_accept(*, token: str, user) -> SpeakerInvitation:
    """The invited person, logged in with the invited address, takes the profile: its
    sessions become theirs to manage."""
    with transaction.atomic():
        invitation = SpeakerInvitation.objects.select_for_update().filter(token=token).first()
        if invitation is None:
            raise InvitationUnknown(_("This invitation does not exist."))
        speaker = Speaker.objects.select_for_update().get(pk=invitation.speaker_id)
        if invitation_check(invitation=invitation, speaker=speaker, user=user):
            return invitation
        speaker.user = user
        speaker.save(update_fields=["user"])
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        # The profile is taken: the other invitations to it are void.
        SpeakerInvitation.objects.filter(speaker=speaker, accepted_at__isnull=True).delete()
    return invitation


# Profile proposals ---------------------------------------------------------------------

PHOTO_MAX_MB = 8
PHOTO_MIN_SIDE = 300
PHOTO_SIDE = 800


def photo_prepare(upload) -> ContentFile:
    """A real JPEG, PNG or WebP picture, at least 300 px, cropped square to 800 px for the site."""
    try:
        picture = picture_open(upload, max_mb=PHOTO_MAX_MB, min_side=PHOTO_MIN_SIDE)
    except UploadError as refusal:
        raise SpeakerError(str(refusal)) from refusal
    square = ImageOps.fit(picture.convert("RGB"), (PHOTO_SIDE, PHOTO_SIDE), method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    square.save(buffer, format="JPEG", quality=88)
    return ContentFile(buffer.getvalue())


def profile_pending(speaker) -> ProfileProposal | None:
    return speaker.profile_proposals.filter(status=ProposalStatus.PENDING).first()


def profile_propose(*, speaker, user, data: dict, photo=None) -> ProfileProposal:
    if speaker.user_id != user.pk:
        raise SpeakerError(_("This is not your profile."))
    picture = photo_prepare(photo) if photo else None
    with transaction.atomic():
        Speaker.objects.select_for_update().get(pk=speaker.pk)
        speaker.profile_proposals.filter(status=ProposalStatus.PENDING).update(
            status=ProposalStatus.SUPERSEDED
        )
        proposal = ProfileProposal(
            speaker=speaker,
            author=user,
            base={name: getattr(speaker, name) for name in PROFILE_FIELDS},
            **{name: data[name] for name in PROFILE_FIELDS},
        )
        if picture is not None:
            proposal.photo.save(f"{secrets.token_urlsafe(12)}.jpg", picture, save=False)
        proposal.save()
    return proposal


def profile_decide(*, proposal: ProfileProposal, actor, approve: bool, comment: str = "") -> ProfileProposal:
    """An organiser decides on a profile proposal (its photo becomes a site image); the speaker is told."""
    from wagtail.images import get_image_model

    from events.speakers.tasks import profile_email

    def photo_apply(speaker):
        if proposal.photo:
            with proposal.photo.open("rb") as source:
                data = source.read()
            image = get_image_model()(
                title=speaker.name, file=ImageFile(io.BytesIO(data), name=f"speaker-{speaker.slug}.jpg")
            )
            image.save()
            speaker.photo = image

    with transaction.atomic():
        proposal = ProfileProposal.objects.select_for_update().get(pk=proposal.pk)
        _decide(
            proposal,
            target_model=Speaker,
            target_id=proposal.speaker_id,
            actor=actor,
            approve=approve,
            comment=comment,
            apply_extra=photo_apply,
        )
        transaction.on_commit(lambda: profile_email.enqueue(proposal.pk))
    return proposal
