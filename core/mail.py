"""E-mails in the recipient's language: a plain-text body and its HTML twin in one layout."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from core.i18n import is_rtl


def site_url(path: str) -> str:
    """An absolute address on this site, for links in e-mails and files."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def message_build(
    *, kind: str, to: str | list[str], language: str, context: dict, subjects: dict, folder: str
) -> EmailMultiAlternatives:
    """A plain-text e-mail from `<folder>/<kind>.txt` with its HTML twin, in `language`.

    ``subjects[kind]`` is the subject, formatted with ``context["subject"]``.
    """
    with translation.override(language):
        context = {**context, "language": language, "rtl": is_rtl(language)}
        # One line, whatever a visitor typed in a title or a name.
        subject = " ".join(str(subjects[kind] % context["subject"]).split())
        text = render_to_string(f"{folder}/{kind}.txt", context).strip() + "\n"
        # urlize(autoescape=True) escapes the plain text before adding links and
        # paragraphs, so the result is safe to insert as HTML.
        html = render_to_string(
            "core/emails/layout.html",
            {
                **context,
                "subject": subject,
                "body": mark_safe(linebreaks(urlize(str(text), autoescape=True))),
            },
        )
    message = EmailMultiAlternatives(subject, text, to=[to] if isinstance(to, str) else to)
    message.attach_alternative(html, "text/html")
    return message
