"""The jury of a challenge: jurors, rounds with their rubric, conflicts, assignments,
reviews, result snapshots, the chair's decisions and the audit log.

Everything that changes these rows goes through `judging.services` (the jury's
work) or `judging.results` (snapshots and decisions), which write an entry in
`judging.audit`'s log for each change; the entries form a hash chain, so an
edit made behind the application's back shows.
"""

import datetime
import hashlib
import hmac
import json
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from core.i18n import TranslatedField, language_choices, translated_panels
from startups.models import SubmissionStatus


class Juror(models.Model):
    """A person on a challenge's jury; one of them chairs it."""

    challenge = models.ForeignKey(
        "startups.Challenge", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="jurors"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jury_seats",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Used to flag conflicts of interest.")
    )
    is_chair = models.BooleanField(_("chairs the jury"), default=False)
    language = models.CharField(_("language"), max_length=8, choices=language_choices(), default="fr")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("joined at"), null=True, blank=True)

    panels = [
        FieldPanel("challenge"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("is_chair"), FieldPanel("language")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "email"], name="one_seat_per_juror_and_challenge"),
            models.UniqueConstraint(
                fields=["challenge"], condition=Q(is_chair=True), name="one_chair_per_challenge"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.challenge})"

    def clean(self):
        if (
            self.is_chair
            and self.challenge_id
            and Juror.objects.filter(challenge_id=self.challenge_id, is_chair=True)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"is_chair": _("This jury already has a chair.")})


class RoundKind(models.TextChoices):
    SCREENING = "screening", _("Screening (jurors see different entries; scores are normalised)")
    FINAL = "final", _("Final (every juror scores every finalist; Schulze ranking)")


class EntrySource(models.TextChoices):
    ELIGIBLE = "eligible", _("Entries screened eligible")
    SHORTLISTED = "shortlisted", _("Shortlisted entries")
    FINALISTS = "finalists", _("Finalists")


SOURCE_STATUSES = {
    EntrySource.ELIGIBLE: [SubmissionStatus.ELIGIBLE],
    EntrySource.SHORTLISTED: [SubmissionStatus.SHORTLISTED],
    EntrySource.FINALISTS: [SubmissionStatus.FINALIST],
}


class Round(ClusterableModel):
    """A judging stage with its rubric, its visibility rules and its lock."""

    challenge = models.ForeignKey(
        "startups.Challenge", verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="rounds"
    )
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=RoundKind.choices, default=RoundKind.SCREENING)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=1)
    source = models.CharField(
        _("entries in this round"), max_length=16, choices=EntrySource.choices, default=EntrySource.ELIGIBLE
    )
    blind = models.BooleanField(
        _("blind"), default=False, help_text=_("Jurors do not see the startup's name, team or links.")
    )
    min_reviews = models.PositiveSmallIntegerField(
        _("reviews per entry"), default=3, validators=[MinValueValidator(1)]
    )
    reveal_scores = models.BooleanField(
        _("show other jurors' scores"),
        default=True,
        help_text=_("A juror sees the others' scores of an entry once they have submitted their own."),
    )
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=0)
    scale_max = models.PositiveSmallIntegerField(_("highest score"), default=10)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), help_text=_("At this moment every score is locked."))
    locked_at = models.DateTimeField(_("locked at"), null=True, blank=True, editable=False)
    pitch_session = models.ForeignKey(
        "events.Session",
        verbose_name=_("pitch session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pitch_rounds",
        help_text=_(
            "For a final: the programme session where the finalists pitch; it lists them once published."
        ),
    )

    name = TranslatedField()

    panels = [
        FieldPanel("challenge"),
        translated_panels("name", _("Name")),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order"), FieldPanel("source")]),
        FieldRowPanel([FieldPanel("blind"), FieldPanel("reveal_scores"), FieldPanel("min_reviews")]),
        FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")], heading=_("Scale")),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("When")),
        FieldPanel("pitch_session"),
        InlinePanel("criteria", heading=_("Rubric"), label=_("Criterion"), min_num=1),
    ]

    class Meta:
        ordering = ["challenge", "sort_order", "pk"]
        verbose_name = _("judging round")
        verbose_name_plural = _("judging rounds")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="round_closes_after_opening"
            ),
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="round_scale_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.challenge}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A round closes after it opens.")})
        if self.scale_min is not None and self.scale_max is not None and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("The highest score must be above the lowest.")})

    def is_locked(self, now=None) -> bool:
        return self.locked_at is not None or (now or timezone.now()) >= self.closes_at

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now and not self.is_locked(now)

    @property
    def scale(self) -> tuple[int, int]:
        return (self.scale_min, self.scale_max)


class Criterion(Orderable):
    """A rubric line: its weight and what a low and a high score mean."""

    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    low_fr = models.CharField(_("a low score means (French)"), max_length=200, blank=True)
    low_ar = models.CharField(_("a low score means (Arabic)"), max_length=200, blank=True)
    low_en = models.CharField(_("a low score means (English)"), max_length=200, blank=True)
    high_fr = models.CharField(_("a high score means (French)"), max_length=200, blank=True)
    high_ar = models.CharField(_("a high score means (Arabic)"), max_length=200, blank=True)
    high_en = models.CharField(_("a high score means (English)"), max_length=200, blank=True)
    weight = models.DecimalField(
        _("weight"), max_digits=5, decimal_places=2, default=1, validators=[MinValueValidator(0.01)]
    )
    is_primary = models.BooleanField(
        _("primary criterion"), default=False, help_text=_("Breaks ties after head-to-head.")
    )

    name = TranslatedField()
    description = TranslatedField()
    low = TranslatedField()
    high = TranslatedField()

    panels = [
        translated_panels("name", _("Name")),
        translated_panels("description", _("Description")),
        translated_panels("low", _("A low score means")),
        translated_panels("high", _("A high score means")),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("is_primary")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return str(self.name)


class ConflictSource(models.TextChoices):
    DECLARED = "declared", _("Declared by the juror")
    AUTOMATIC = "automatic", _("Same e-mail domain or organisation")
    RECUSED = "recused", _("The juror recused from an assigned entry")


class Conflict(models.Model):
    """A juror never sees nor scores an entry they have a conflict with."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts")
    submission = models.ForeignKey(
        "startups.Submission", on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("entry")
    )
    source = models.CharField(_("source"), max_length=16, choices=ConflictSource.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["juror", "submission"], name="one_conflict_per_pair")]

    def __str__(self):
        return f"{self.juror.name} × {self.submission.reference}"


class Assignment(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assignments")
    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="assignments")
    submission = models.ForeignKey(
        "startups.Submission", on_delete=models.CASCADE, related_name="assignments", verbose_name=_("entry")
    )
    by_hand = models.BooleanField(_("assigned by hand"), default=False)
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    checked_at = models.DateTimeField(
        _("no conflict confirmed at"),
        null=True,
        blank=True,
        help_text=_("The juror confirms having no conflict of interest before seeing the entry."),
    )

    class Meta:
        ordering = ["round", "juror", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["round", "juror", "submission"], name="one_assignment_per_pair")
        ]

    def __str__(self):
        return f"{self.juror.name} → {self.submission.reference}"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Review(models.Model):
    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="review")
    status = models.CharField(
        _("status"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    comment = models.TextField(_("overall comment"), blank=True, max_length=4000)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"{self.assignment} ({self.get_status_display()})"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


def canonical(data) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def as_stored(data):
    """The value as the database gives it back (JSON: string keys, lists), so digests survive a reload."""
    return json.loads(canonical(data))


def keyed_digest(payload: str) -> str:
    """HMAC-SHA256 under a key derived from the site's secret: only the application can forge one."""
    key = hashlib.sha256(("judging-digest:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


class ResultSnapshot(models.Model):
    """A computed result, frozen: its inputs, method and version, and a digest of all three."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="snapshots")
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    method = models.CharField(_("method"), max_length=40)
    version = models.CharField(_("version"), max_length=20)
    inputs = models.JSONField(_("inputs"))
    results = models.JSONField(_("results"))
    digest = models.CharField(_("digest"), max_length=64, editable=False)

    class Meta:
        ordering = ["-computed_at", "-pk"]
        verbose_name = _("result snapshot")
        verbose_name_plural = _("result snapshots")

    def __str__(self):
        return f"{self.round} · {self.computed_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("A result snapshot is never changed; compute a new one.")
        self.inputs = as_stored(self.inputs)
        self.results = as_stored(self.results)
        self.digest = self.compute_digest()
        super().save(*args, **kwargs)

    def compute_digest(self) -> str:
        payload = canonical(
            {
                "method": self.method,
                "version": self.version,
                "computed_at": self.computed_at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
                "inputs": self.inputs,
                "results": self.results,
            }
        )
        return keyed_digest(payload)

    def is_intact(self) -> bool:
        return self.digest == self.compute_digest()


class DecisionKind(models.TextChoices):
    SHORTLIST = "shortlist", _("Shortlist")
    FINALISTS = "finalists", _("Finalists")
    WINNERS = "winners", _("Winners")


class Decision(models.Model):
    """The chair confirms a selection from a snapshot; any departure from its order is explained."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="decisions")
    snapshot = models.ForeignKey(ResultSnapshot, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("decision"), max_length=16, choices=DecisionKind.choices)
    entries = models.JSONField(_("entries, in order"))
    departures = models.JSONField(_("departures from the computed order"), default=list)
    reason = models.TextField(_("reason for departing from the computed order"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("jury decision")
        verbose_name_plural = _("jury decisions")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.round}"


class AuditEntry(models.Model):
    """One change in the jury's work. Each entry's digest covers the previous one, so a row
    edited or deleted behind the application's back breaks the chain."""

    challenge = models.ForeignKey("startups.Challenge", on_delete=models.CASCADE, related_name="audit")
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_email = models.CharField(_("by"), max_length=254, blank=True)  # kept if the account goes
    action = models.CharField(_("action"), max_length=40)
    data = models.JSONField(_("details"), default=dict)
    previous = models.CharField(max_length=64, blank=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def compute_digest(self) -> str:
        payload = canonical(
            {
                "previous": self.previous,
                "at": self.at.astimezone(datetime.UTC).isoformat(timespec="microseconds"),
                "actor": self.actor_email,
                "action": self.action,
                "data": self.data,
            }
        )
        return keyed_digest(payload)
