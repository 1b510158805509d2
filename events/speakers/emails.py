"""The e-mails speakers receive, written in their language."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import message_build as core_message_build
from core.mail import site_url
from events.models import Edition, ProfileProposal, SessionProposal, Speaker, SpeakerInvitation

SUBJECTS = {
    "proposal": _("Your changes to “%(title)s”"),
    "invitation": _("Casablanca Smart City: you are invited as a speaker"),
    "reminder": _("Casablanca Smart City: a few things to complete as a speaker"),
    "profile": _("Your speaker profile"),
}


def message_build(*, kind: str, to: str, language: str, context: dict):
    # The speakers' templates stay beside the registration ones, in events/emails/.
    return core_message_build(
        kind=kind, to=to, language=language, context=context, subjects=SUBJECTS, folder="events/emails"
    )


def proposal_decided(pk: int) -> None:
    proposal = SessionProposal.objects.select_related("session", "author").get(pk=pk)
    language = getattr(proposal.author, "preferred_language", "") or "fr"
    with translation.override(language):
        context = {
            "proposal": proposal,
            "session": proposal.session,
            "approved": proposal.status == "approved",
            "area_url": site_url(reverse("speaker:sessions")),
            "subject": {"title": str(proposal.session.title)},
        }
    message_build(kind="proposal", to=proposal.author.email, language=language, context=context).send()


def speaker_invitation(pk: int) -> None:
    invitation = SpeakerInvitation.objects.select_related("speaker").get(pk=pk)
    language = invitation.language or "fr"
    with translation.override(language):
        sessions = [
            appearance.session
            for appearance in invitation.speaker.appearances.select_related("session").order_by(
                "session__starts_at"
            )
        ]
        context = {
            "invitation": invitation,
            "speaker": invitation.speaker,
            "sessions": sessions,
            "claim_url": site_url(reverse("speaker:invitation", args=[invitation.token])),
            "subject": {},
        }
    message_build(kind="invitation", to=invitation.email, language=language, context=context).send()


def speaker_reminder(speaker_id: int, edition_id: int) -> None:
    from events.speakers.admin_views import speakers_overview

    speaker = Speaker.objects.select_related("user").get(pk=speaker_id)
    edition = Edition.objects.get(pk=edition_id)
    row = next(row for row in speakers_overview(edition)["rows"] if row["speaker"].pk == speaker_id)
    language = getattr(speaker.user, "preferred_language", "") or "fr"
    with translation.override(language):
        context = {
            **row,
            "edition": edition,
            "area_url": site_url(reverse("speaker:sessions")),
            "subject": {},
        }
    message_build(kind="reminder", to=speaker.user.email, language=language, context=context).send()


def profile_decided(pk: int) -> None:
    proposal = ProfileProposal.objects.select_related("speaker", "author").get(pk=pk)
    language = getattr(proposal.author, "preferred_language", "") or "fr"
    with translation.override(language):
        context = {
            "proposal": proposal,
            "approved": proposal.status == "approved",
            "area_url": site_url(reverse("speaker:profile")),
            "subject": {},
        }
    message_build(kind="profile", to=proposal.author.email, language=language, context=context).send()
