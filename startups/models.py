"""The startup challenge of an edition: its call, the startups and their entries.

An entry (a `Submission`) changes state only through `startups.services`,
which checks who acts, what the timeline allows at the moment of writing, and
logs each change; the views and the admin call it and never save an entry's
status themselves.
"""

import datetime
import itertools
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.i18n import TranslatedField, translated_panels
from core.storage import private_storage
from startups.admin_forms import ChallengeAdminForm

LANGUAGE_CHOICES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]


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

    base_form_class = ChallengeAdminForm

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
            [FieldPanel("finalists_published"), FieldPanel("winners_published")], heading=_("Publication")
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
        _("language for e-mails"), max_length=8, choices=LANGUAGE_CHOICES, default="fr"
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
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="fr")
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


class ChallengePage(Page):
    """The public call: themes, eligibility, timeline and prizes; later its finalists and winners."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to present the challenge of the current edition."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("challenge")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("challenge page")

    def get_challenge(self) -> Challenge | None:
        if self.challenge_id:
            return self.challenge
        return Challenge.objects.filter(edition__is_current=True).select_related("edition").first()

    def get_context(self, request, *args, **kwargs):
        from startups import selectors

        context = super().get_context(request, *args, **kwargs)
        challenge = self.get_challenge()
        context["challenge"] = challenge
        if challenge is not None:
            context.update(selectors.challenge_presentation(challenge, user=request.user))
        return context
