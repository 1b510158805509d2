"""The startups, their teams and the invitations that bring people into a team."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.i18n import language_choices


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    MVP = "mvp", _("First product in use")
    REVENUE = "revenue", _("First revenue")
    GROWTH = "growth", _("Growing")


class Sector(models.TextChoices):
    MOBILITY = "mobility", _("Mobility and transport")
    ENERGY = "energy", _("Energy")
    WATER = "water", _("Water")
    WASTE = "waste", _("Waste and circular economy")
    GOVTECH = "govtech", _("Digital public services")
    INCLUSION = "inclusion", _("Social inclusion")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    ENVIRONMENT = "environment", _("Environment and climate")
    HOUSING = "housing", _("Urban planning and housing")
    FINTECH = "fintech", _("Finance")
    OTHER = "other", _("Other")


def validate_founded_year(value: int) -> None:
    if value < 1950 or value > timezone.localdate().year:
        raise ValidationError(_("Give the year the startup was founded, e.g. 2023."))


class Startup(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    founded_year = models.PositiveSmallIntegerField(_("year founded"), validators=[validate_founded_year])
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, default="Maroc")
    description = models.TextField(
        _("short description"),
        max_length=600,
        help_text=_("What the startup does, in two or three sentences."),
    )
    language = models.CharField(
        _("language for e-mails"), max_length=8, choices=language_choices(), default="fr"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("stage"), FieldPanel("sector")]),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
        FieldPanel("description"),
        FieldPanel("language"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("startup")
        verbose_name_plural = _("startups")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.name)[:120] or "startup"
            slug, counter = base, 2
            while Startup.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, counter = f"{base}-{counter}", counter + 1
            self.slug = slug
        super().save(*args, **kwargs)


class MemberRole(models.TextChoices):
    OWNER = "owner", _("Created the profile")
    MEMBER = "member", _("Team member")


class StartupMember(models.Model):
    """A person of the startup's team: every member edits the profile and the entry.

    A person belongs to one startup at a time, so "my startup" is never ambiguous.
    """

    startup = models.ForeignKey(Startup, on_delete=models.CASCADE, related_name="members")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="startup_membership"
    )
    role = models.CharField(_("role"), max_length=8, choices=MemberRole.choices, default=MemberRole.MEMBER)
    joined_at = models.DateTimeField(_("in the team since"), auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return f"{self.user} ({self.startup})"


INVITATION_VALID = datetime.timedelta(days=14)


class StartupInvitation(models.Model):
    """A member invites a person by e-mail; the link makes them a member once they are logged in."""

    startup = models.ForeignKey(Startup, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=language_choices(), default="fr")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")

    def __str__(self):
        return f"{self.startup} → {self.email}"

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + INVITATION_VALID
