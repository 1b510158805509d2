from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import message_build, site_url
from judging.models import Juror

SUBJECTS = {"invitation": _("You are invited to the jury of %(challenge)s")}


def invitation(juror_id: int) -> None:
    juror = Juror.objects.select_related("challenge").get(pk=juror_id)
    language = juror.language or "fr"
    with translation.override(language):
        context = {
            "juror": juror,
            "challenge": juror.challenge,
            "join_url": site_url(reverse("jury:invitation", args=[juror.token])),
            "subject": {"challenge": str(juror.challenge.title)},
        }
        message = message_build(
            kind="invitation",
            to=juror.email,
            language=language,
            context=context,
            subjects=SUBJECTS,
            folder="judging/emails",
        )
    message.send()
