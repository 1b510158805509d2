"""A startup's entry to a challenge, its statuses, its log and the organisers' notes.

An entry (a `Submission`) changes state only through `startups.services`,
which checks who acts, what the timeline allows at the moment of writing, and
logs each change; the views and the admin call it and never save an entry's
status themselves.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.storage import private_storage

from .challenges import Challenge, ChallengeTheme
from .startups import Startup


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("challenge entry", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("challenge entry", "Submitted")
    ELIGIBLE = "eligible", pgettext_lazy("challenge entry", "Eligible")
    NOT_ELIGIBLE = "not_eligible", pgettext_lazy("challenge entry", "Not eligible")
    SHORTLISTED = "shortlisted", pgettext_lazy("challenge entry", "Shortlisted")
    FINALIST = "finalist", pgettext_lazy("challenge entry", "Finalist")
    WINNER = "winner", pgettext_lazy("challenge entry", "Winner")
    NOT_SELECTED = "not_selected", pgettext_lazy("challenge entry", "Not selected")
    WITHDRAWN = "withdrawn", pgettext_lazy("challenge entry", "Withdrawn")


# The startup edits its entry in these states, before the deadline. Organisers may
# screen entries as they arrive; a screened entry that its startup changes goes
# back to "submitted", to be screened again.
EDITABLE = {
    SubmissionStatus.DRAFT,
    SubmissionStatus.SUBMITTED,
    SubmissionStatus.ELIGIBLE,
    SubmissionStatus.NOT_ELIGIBLE,
}
SCREENED = {SubmissionStatus.ELIGIBLE, SubmissionStatus.NOT_ELIGIBLE}
# Entries the jury works on: screened eligible, and what comes after.
IN_JUDGING = {
    SubmissionStatus.ELIGIBLE,
    SubmissionStatus.SHORTLISTED,
    SubmissionStatus.FINALIST,
    SubmissionStatus.WINNER,
}
# What organisers may set, from which states (a winner chosen by mistake can be taken back).
ORGANISER_TRANSITIONS = {
    SubmissionStatus.ELIGIBLE: {SubmissionStatus.SUBMITTED, SubmissionStatus.NOT_ELIGIBLE},
    SubmissionStatus.NOT_ELIGIBLE: {SubmissionStatus.SUBMITTED, SubmissionStatus.ELIGIBLE},
    SubmissionStatus.SHORTLISTED: {SubmissionStatus.ELIGIBLE, SubmissionStatus.NOT_SELECTED},
    SubmissionStatus.FINALIST: {
        SubmissionStatus.SHORTLISTED,
        SubmissionStatus.ELIGIBLE,
        SubmissionStatus.NOT_SELECTED,
        SubmissionStatus.WINNER,
    },
    SubmissionStatus.WINNER: {SubmissionStatus.FINALIST},
    SubmissionStatus.NOT_SELECTED: {
        SubmissionStatus.ELIGIBLE,
        SubmissionStatus.SHORTLISTED,
        SubmissionStatus.FINALIST,
        SubmissionStatus.WINNER,
    },
}

# The answers a submitted entry must have, in the order of the form.
ENTRY_TEXT_FIELDS = [
    "title",
    "problem",
    "solution",
    "target_users",
    "impact",
    "traction",
    "business_model",
    "team",
]


class SubmissionQuerySet(models.QuerySet):
    def in_judging(self):
        """Entries the jury scores: screened eligible and still in the running; never withdrawn ones."""
        return self.filter(status__in=IN_JUDGING)


class Submission(models.Model):
    """One startup's entry (pitch) to a challenge."""

    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="submissions"
    )
    startup = models.ForeignKey(
        Startup, verbose_name=_("startup"), on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    status_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Shown to the startup, e.g. why the entry is not eligible.")
    )
    theme = models.ForeignKey(
        ChallengeTheme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    title = models.CharField(_("project title"), max_length=150, blank=True)
    problem = models.TextField(_("the city's problem you address"), max_length=2000, blank=True)
    solution = models.TextField(_("your solution"), max_length=3000, blank=True)
    target_users = models.TextField(_("who uses it"), max_length=1500, blank=True)
    impact = models.TextField(_("expected impact for the city"), max_length=2000, blank=True)
    traction = models.TextField(
        _("traction"),
        max_length=2000,
        blank=True,
        help_text=_("Pilots, users, revenue, partners, awards so far."),
    )
    business_model = models.TextField(_("business model"), max_length=2000, blank=True)
    team = models.TextField(
        _("team"), max_length=2000, blank=True, help_text=_("Who does what, and why you.")
    )
    deck = models.FileField(_("pitch deck"), upload_to="decks/", blank=True, storage=private_storage)
    deck_filename = models.CharField(_("deck file name"), max_length=160, blank=True)
    deck_pages = models.PositiveSmallIntegerField(_("deck pages"), null=True, blank=True)
    deck_size = models.PositiveIntegerField(_("deck size (bytes)"), null=True, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    rules_accepted_at = models.DateTimeField(_("rules accepted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("draft reminder sent at"), null=True, blank=True)
    finalist_at = models.DateTimeField(
        _("finalist since"),
        null=True,
        blank=True,
        help_text=_("Set when the entry becomes a finalist; finalists stay listed whatever comes after."),
    )
    revision = models.PositiveIntegerField(
        _("revision"),
        default=0,
        help_text=_("Counts the startup's saves, so teammates never overwrite each other."),
    )
    prize_rank = models.PositiveSmallIntegerField(
        _("prize"),
        null=True,
        blank=True,
        choices=[(1, _("First prize")), (2, _("Second prize")), (3, _("Third prize"))],
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = [models.F("submitted_at").desc(nulls_last=True), "-created_at"]
        verbose_name = _("challenge entry")
        verbose_name_plural = _("challenge entries")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "startup"], name="one_entry_per_startup_and_challenge"
            ),
            models.UniqueConstraint(
                fields=["challenge", "prize_rank"],
                condition=Q(prize_rank__isnull=False),
                name="one_winner_per_prize",
            ),
        ]
        indexes = [models.Index(fields=["challenge", "status"])]

    def __str__(self):
        return f"{self.reference} · {self.startup} · {self.title or _('(untitled)')}"

    @property
    def reference(self) -> str:
        return f"P{self.pk:04d}" if self.pk else ""

    def answers(self, *, hide=()) -> list[tuple[str, str]]:
        """The entry's answers with their labels, in the form's order (leaving out `hide`)."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in [*ENTRY_TEXT_FIELDS, "video_url"]
            if name not in hide
        ]

    @property
    def is_editable_state(self) -> bool:
        return self.status in EDITABLE


class SubmissionLog(models.Model):
    """Every change of an entry: who, when, from which status to which."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="log")
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=32)
    from_status = models.CharField(_("from"), max_length=16, blank=True)
    to_status = models.CharField(_("to"), max_length=16, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("entry log line")
        verbose_name_plural = _("entry log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"


class SubmissionNote(models.Model):
    """An organiser's note on an entry; startups never see these."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("organiser note")
        verbose_name_plural = _("organiser notes")

    def __str__(self):
        return self.text[:60]
