"""The call for startups of an edition: its themes, timeline, prizes and publication of results.

The publication flags are written by `startups.services.results_publish` only.
"""

import datetime
import itertools

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from core.i18n import TranslatedField, translated_panels


class Challenge(ClusterableModel):
    """The call for startups of one edition: themes, rules, timeline and prizes."""

    edition = models.OneToOneField(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="challenge"
    )
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_fr = models.TextField(_("call (French)"), help_text=_("What the city asks of startups."))
    summary_ar = models.TextField(_("call (Arabic)"), blank=True)
    summary_en = models.TextField(_("call (English)"), blank=True)
    eligibility_fr = models.TextField(_("eligibility rules (French)"))
    eligibility_ar = models.TextField(_("eligibility rules (Arabic)"), blank=True)
    eligibility_en = models.TextField(_("eligibility rules (English)"), blank=True)
    rules_fr = models.TextField(
        _("rules (French)"),
        help_text=_("The rules each startup accepts when it submits, including how the jury decides."),
    )
    rules_ar = models.TextField(_("rules (Arabic)"), blank=True)
    rules_en = models.TextField(_("rules (English)"), blank=True)
    opens_at = models.DateTimeField(_("entries open"))
    submission_deadline = models.DateTimeField(
        _("submission deadline"),
        help_text=_("After this moment the server refuses every change to an entry."),
    )
    shortlist_at = models.DateTimeField(_("shortlist announced"))
    final_pitch_at = models.DateTimeField(_("final pitch"))
    deck_max_mb = models.PositiveSmallIntegerField(
        _("largest pitch deck (MB)"), default=15, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    deck_max_pages = models.PositiveSmallIntegerField(
        _("most pages in a pitch deck"), default=20, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("remind drafts (hours before the deadline)"),
        default=72,
        help_text=_("Startups with an unsubmitted draft get a reminder this long before the deadline."),
    )
    finalists_published = models.BooleanField(
        _("finalists published"), default=False, help_text=_("Show the finalists on the challenge page.")
    )
    winners_published = models.BooleanField(
        _("winners published"), default=False, help_text=_("Show the winners on the challenge page.")
    )

    title = TranslatedField()
    summary = TranslatedField()
    eligibility = TranslatedField()
    rules = TranslatedField()

    panels = [
        FieldPanel("edition"),
        translated_panels("title", _("Title")),
        translated_panels("summary", _("Call")),
        translated_panels("eligibility", _("Eligibility rules")),
        translated_panels("rules", _("Rules")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("submission_deadline")]),
                FieldRowPanel([FieldPanel("shortlist_at"), FieldPanel("final_pitch_at")]),
                FieldPanel("reminder_hours"),
            ],
            heading=_("Timeline (in the edition's time zone)"),
        ),
        InlinePanel("themes", heading=_("Themes"), label=_("Theme"), min_num=1),
        InlinePanel("prizes", heading=_("Prizes"), label=_("Prize"), max_num=3),
        FieldRowPanel([FieldPanel("deck_max_mb"), FieldPanel("deck_max_pages")], heading=_("Pitch deck")),
        FieldRowPanel(
            # Read only: results are published by `startups.services.results_publish`.
            [
                FieldPanel("finalists_published", read_only=True),
                FieldPanel("winners_published", read_only=True),
            ],
            heading=_("Publication"),
        ),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        constraints = [
            models.CheckConstraint(
                condition=Q(submission_deadline__gt=models.F("opens_at")),
                name="challenge_deadline_after_opening",
            ),
        ]

    def __str__(self):
        return str(self.title)

    def clean(self):
        order = [
            ("opens_at", self.opens_at),
            ("submission_deadline", self.submission_deadline),
            ("shortlist_at", self.shortlist_at),
            ("final_pitch_at", self.final_pitch_at),
        ]
        for (_earlier, before), (name, after) in itertools.pairwise(order):
            if before and after and after < before:
                raise ValidationError(
                    {name: _("The timeline goes in order: opening, deadline, shortlist, final pitch.")}
                )
        if self.submission_deadline and self.opens_at and self.submission_deadline == self.opens_at:
            raise ValidationError({"submission_deadline": _("The deadline must come after the opening.")})

    def accepts_entries(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.submission_deadline

    def phase(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        if now < self.submission_deadline:
            return "open"
        if self.winners_published:
            return "winners"
        return "closed"


class ChallengeTheme(Orderable):
    """One of the city's problems the startups answer."""

    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="themes")
    slug = models.SlugField(_("slug"), max_length=60)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    name = TranslatedField()
    description = TranslatedField()

    panels = [
        FieldPanel("slug"),
        translated_panels("name", _("Name")),
        translated_panels("description", _("Description")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "slug"], name="challenge_theme_slug_unique")
        ]

    def __str__(self):
        return str(self.name)


class ChallengePrize(Orderable):
    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="prizes")
    rank = models.PositiveSmallIntegerField(
        _("rank"), choices=[(1, _("First prize")), (2, _("Second prize")), (3, _("Third prize"))]
    )
    title_fr = models.CharField(_("title (French)"), max_length=150)
    title_ar = models.CharField(_("title (Arabic)"), max_length=150, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=150, blank=True)
    description_fr = models.TextField(_("what the winner receives (French)"), blank=True)
    description_ar = models.TextField(_("what the winner receives (Arabic)"), blank=True)
    description_en = models.TextField(_("what the winner receives (English)"), blank=True)
    amount = models.PositiveIntegerField(_("amount (MAD)"), null=True, blank=True)

    title = TranslatedField()
    description = TranslatedField()

    panels = [
        FieldRowPanel([FieldPanel("rank"), FieldPanel("amount")]),
        translated_panels("title", _("Title")),
        translated_panels("description", _("What the winner receives")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("prize")
        verbose_name_plural = _("prizes")
        constraints = [
            models.UniqueConstraint(fields=["challenge", "rank"], name="challenge_prize_rank_unique")
        ]

    def __str__(self):
        return str(self.title)
