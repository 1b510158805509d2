"""The challenge's e-mails, in the startup's language, to everyone in its team."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import message_build, site_url
from startups.models import StartupInvitation, Submission

SUBJECTS = {
    "entry_received": _("Your entry “%(title)s” is received"),
    "entry_status": _("Your entry “%(title)s”: %(status)s"),
    "entry_reminder": _("Your entry to %(challenge)s is not submitted yet"),
    "team_invitation": _("Join %(startup)s on Casablanca Smart City"),
}
FOLDER = "startups/emails"


def send(kind: str, pk: int, **extra) -> None:
    if kind == "team_invitation":
        return _invitation(pk)
    submission = Submission.objects.select_related("challenge", "challenge__edition", "startup", "theme").get(
        pk=pk
    )
    startup = submission.startup
    language = startup.language or "fr"
    recipients = [member.user.email for member in startup.members.select_related("user")]
    if not recipients:
        return None
    with translation.override(language):
        answers = submission.answers(hide={"video_url"})  # the link is given on its own line
        context = {
            "submission": submission,
            "challenge": submission.challenge,
            "startup": startup,
            "answers": answers,
            "area_url": site_url(reverse("startup:home")),
            "deadline": submission.challenge.submission_deadline,
            "time_zone": submission.challenge.edition.time_zone,
            "subject": {
                "title": submission.title or str(_("(untitled)")),
                "status": submission.get_status_display(),
                "challenge": str(submission.challenge.title),
            },
            **extra,
        }
        message = message_build(
            kind=kind, to=recipients, language=language, context=context, subjects=SUBJECTS, folder=FOLDER
        )
    message.send()
    return None


def _invitation(pk: int) -> None:
    invitation = StartupInvitation.objects.select_related("startup", "invited_by").get(pk=pk)
    language = invitation.language or "fr"
    with translation.override(language):
        context = {
            "invitation": invitation,
            "startup": invitation.startup,
            "inviter": invitation.invited_by,
            "join_url": site_url(reverse("startup:invitation", args=[invitation.token])),
            "subject": {"startup": invitation.startup.name},
        }
        message = message_build(
            kind="team_invitation",
            to=invitation.email,
            language=language,
            context=context,
            subjects=SUBJECTS,
            folder=FOLDER,
        )
    message.send()
