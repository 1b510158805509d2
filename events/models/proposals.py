"""What speakers propose for their sessions, waiting for an organiser's review."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from events.models.programme import SessionLanguage


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Replaced by a later proposal")


# The fields of a session a speaker may propose changes to.
PROPOSED_FIELDS = [
    "title_fr",
    "title_ar",
    "title_en",
    "abstract_fr",
    "abstract_ar",
    "abstract_en",
    "description_fr",
    "description_ar",
    "description_en",
    "language",
]


class SessionProposal(models.Model):
    session = models.ForeignKey(
        "events.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    title_fr = models.CharField(_("title (French)"), max_length=255)
    title_ar = models.CharField(_("title (Arabic)"), max_length=255, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    abstract_fr = models.TextField(_("abstract (French)"), blank=True)
    abstract_ar = models.TextField(_("abstract (Arabic)"), blank=True)
    abstract_en = models.TextField(_("abstract (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=SessionLanguage.choices)
    base = models.JSONField(
        default=dict, blank=True, help_text=_("The published text the proposal started from.")
    )
    comment = models.TextField(_("organisers' comment"), blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("session proposal")
        verbose_name_plural = _("session proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(status="pending"),
                name="one_pending_proposal_per_session",
            )
        ]

    def __str__(self):
        return f"{self.session} ({self.get_status_display()})"

    def changed_fields(self) -> list[str]:
        """The fields the speaker changed (against the text they started from)."""
        return [
            name
            for name in PROPOSED_FIELDS
            if getattr(self, name) != self.base.get(name, getattr(self.session, name))
        ]

    def changes(self) -> list[tuple[str, str, str]]:
        """(field, published now, proposed) for every field the speaker changed."""
        return [(name, getattr(self.session, name), getattr(self, name)) for name in self.changed_fields()]


class SpeakerInvitation(models.Model):
    """An organiser invites a person to claim a speaker profile (and so their sessions)."""

    speaker = models.ForeignKey(
        "events.Speaker", verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=8, default="fr")
    token = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("speaker invitation")
        verbose_name_plural = _("speaker invitations")

    def __str__(self):
        return f"{self.speaker} → {self.email}"


PROFILE_FIELDS = [
    "name",
    "name_ar",
    "organisation_fr",
    "organisation_ar",
    "organisation_en",
    "job_title_fr",
    "job_title_ar",
    "job_title_en",
    "bio_fr",
    "bio_ar",
    "bio_en",
    "website",
    "linkedin",
]


class ProfileProposal(models.Model):
    """A speaker's changes to their own profile, public once an organiser approves."""

    speaker = models.ForeignKey(
        "events.Speaker",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="profile_proposals",
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    name = models.CharField(_("name (Latin script)"), max_length=150)
    name_ar = models.CharField(_("name (Arabic script)"), max_length=150, blank=True)
    organisation_fr = models.CharField(_("organisation (French)"), max_length=200, blank=True)
    organisation_ar = models.CharField(_("organisation (Arabic)"), max_length=200, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=200, blank=True)
    job_title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    job_title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    job_title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    bio_fr = models.TextField(_("biography (French)"), blank=True)
    bio_ar = models.TextField(_("biography (Arabic)"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn profile"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="speaker-photos/", blank=True, storage=private_storage)
    base = models.JSONField(
        default=dict, blank=True, help_text=_("The published profile the proposal started from.")
    )
    comment = models.TextField(_("organisers' comment"), blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("profile proposal")
        verbose_name_plural = _("profile proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["speaker"], condition=models.Q(status="pending"), name="one_pending_profile_proposal"
            )
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_status_display()})"

    def changed_fields(self) -> list[str]:
        return [
            name
            for name in PROFILE_FIELDS
            if getattr(self, name) != self.base.get(name, getattr(self.speaker, name))
        ]

    def changes(self) -> list[tuple[str, str, str]]:
        changed = [(name, getattr(self.speaker, name), getattr(self, name)) for name in self.changed_fields()]
        if self.photo:
            changed.append(("photo", "", self.photo.name))
        return changed
