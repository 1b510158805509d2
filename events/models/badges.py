"""Badges and the door: roles on badges, the organisers' badge style, check-ins."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class BadgeRole(models.TextChoices):
    ATTENDEE = "attendee", _("Attendee")
    SPEAKER = "speaker", _("Speaker")
    JURY = "jury", _("Jury")
    STARTUP = "startup", _("Startup")
    PRESS = "press", _("Press")
    ORGANISER = "organiser", _("Organiser")


# The role band's label is printed in the three languages, whatever the reader's.
ROLE_LABELS = {
    BadgeRole.ATTENDEE: ("Participant", "مشارك", "Attendee"),
    BadgeRole.SPEAKER: ("Intervenant", "متدخل", "Speaker"),
    BadgeRole.JURY: ("Jury", "لجنة التحكيم", "Jury"),
    BadgeRole.STARTUP: ("Startup", "شركة ناشئة", "Startup"),
    BadgeRole.PRESS: ("Presse", "صحافة", "Press"),
    BadgeRole.ORGANISER: ("Organisation", "التنظيم", "Organiser"),
}


COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour such as #0b5c7a."))


@register_setting(icon="doc-full")
class BadgeSettings(BaseGenericSetting):
    """What organisers adjust on badges without touching code: role colours and extra CSS."""

    attendee_colour = models.CharField(
        _("attendee band"), max_length=7, validators=[COLOUR], default="#0b5c7a"
    )
    speaker_colour = models.CharField(_("speaker band"), max_length=7, validators=[COLOUR], default="#c2410c")
    jury_colour = models.CharField(_("jury band"), max_length=7, validators=[COLOUR], default="#7c3aed")
    startup_colour = models.CharField(_("startup band"), max_length=7, validators=[COLOUR], default="#15803d")
    press_colour = models.CharField(_("press band"), max_length=7, validators=[COLOUR], default="#b91c1c")
    organiser_colour = models.CharField(
        _("organiser band"), max_length=7, validators=[COLOUR], default="#1b1f24"
    )
    extra_css = models.TextField(
        _("extra CSS"),
        blank=True,
        help_text=_(
            "Added after the badge's own style sheet (templates/events/badges/badge.css): change fonts, "
            "sizes or what is shown, e.g. .badge__organisation { font-size: 14pt; }"
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel(f"{role}_colour")
                for role in ("attendee", "speaker", "jury", "startup", "press", "organiser")
            ],
            heading=_("Role band colours"),
        ),
        FieldPanel("extra_css"),
    ]

    class Meta:
        verbose_name = _("badges")

    def colour(self, role: str) -> str:
        return getattr(self, f"{role}_colour", self.attendee_colour)


class CheckInMethod(models.TextChoices):
    SCAN = "scan", _("QR code scanned")
    SEARCH = "search", _("Found by name or e-mail")
    API = "api", _("Scanning app")


class CheckIn(models.Model):
    """A registration let in at the door: once per registration."""

    registration = models.OneToOneField(
        "events.Registration",
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="checkin",
    )
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="checkins"
    )
    at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    device = models.ForeignKey(
        "events.ScannerDevice",
        verbose_name=_("scanner device"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkins",
        help_text=_("The scanning app that let the person in, when no staff member signed in did."),
    )
    method = models.CharField(_("how"), max_length=16, choices=CheckInMethod.choices)
    scan_id = models.CharField(
        max_length=64,
        blank=True,
        help_text=_("The scanning app's id for the scan, so a retried request is the same."),
    )

    class Meta:
        ordering = ["-at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        indexes = [models.Index(fields=["edition", "at"])]

    def __str__(self):
        return f"{self.registration.reference} {self.at:%H:%M}"


class StreamJoin(models.Model):
    """A registrant opened a session's live stream or replay (counted once per person)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        "events.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="stream_joins"
    )
    first_at = models.DateTimeField(_("first joined at"), auto_now_add=True)
    live = models.BooleanField(
        _("while live"),
        default=False,
        help_text=_("Joined during the session, not only its replay afterwards."),
    )

    class Meta:
        verbose_name = _("stream join")
        verbose_name_plural = _("stream joins")
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="one_stream_join_per_person")]

    def __str__(self):
        return f"{self.user} – {self.session}"
