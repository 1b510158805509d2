"""The organisers' side of the challenge entries, in the Wagtail admin.

Entries are records: the list filters and exports them, each entry's page
shows the answers, the deck, the notes and the log, and the screening form
posts to `startups.services`, the only module that changes an entry's status.
The view sets are registered in `startups.wagtail_hooks`.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView, PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.csv_export import SafeCSVMixin
from startups import services
from startups.decks import deck_response
from startups.errors import ChallengeError
from startups.models import (
    ENTRY_TEXT_FIELDS,
    ORGANISER_TRANSITIONS,
    Challenge,
    ChallengeTheme,
    Submission,
    SubmissionStatus,
)

ENTRIES = "challenge_entries"
REMINDERS = "challenge_reminders"

LOG_ACTIONS = {
    "draft_saved": gettext_lazy("Draft saved"),
    "submitted": gettext_lazy("Submitted"),
    "updated": gettext_lazy("Changed after submission"),
    "withdrawn": gettext_lazy("Withdrawn"),
    "reopened": gettext_lazy("Reopened as a draft"),
    "status": gettext_lazy("Status set"),
    "reminded": gettext_lazy("Deadline reminder sent"),
    "published": gettext_lazy("Published on the challenge page"),
    "demo": gettext_lazy("Demo data"),
}


def _local(value: datetime.datetime | None) -> str:
    if value is None:
        return ""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


class SubmissionFilterSet(WagtailFilterSet):
    challenge = django_filters.ModelChoiceFilter(
        queryset=Challenge.objects.select_related("edition"), label=gettext_lazy("Challenge")
    )
    status = django_filters.MultipleChoiceFilter(
        choices=SubmissionStatus.choices, label=gettext_lazy("Status"), widget=forms.CheckboxSelectMultiple
    )
    theme = django_filters.ModelChoiceFilter(
        queryset=ChallengeTheme.objects.select_related("challenge"), label=gettext_lazy("Theme")
    )
    has_deck = django_filters.BooleanFilter(
        field_name="deck", lookup_expr="gt", label=gettext_lazy("Has a pitch deck"), method="filter_has_deck"
    )

    class Meta:
        model = Submission
        fields = ["challenge", "status", "theme"]

    def filter_has_deck(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(deck="") if value else queryset.filter(deck="")


EXPORT_FIELDS = [
    "reference",
    "challenge",
    "startup",
    "status",
    "status_reason",
    "theme",
    *ENTRY_TEXT_FIELDS,
    "video_url",
    "deck_filename",
    "deck_pages",
    "team_emails",
    "city",
    "country",
    "stage",
    "founded_year",
    "submitted_at",
    "updated_at",
]
EXPORT_HEADINGS = {
    "reference": gettext_lazy("Reference"),
    "team_emails": gettext_lazy("Team e-mails"),
    "city": gettext_lazy("City"),
    "country": gettext_lazy("Country"),
    "stage": gettext_lazy("Stage"),
    "founded_year": gettext_lazy("Year founded"),
}
_EXPORT_VALUES = {
    "reference": lambda s: s.reference,
    "challenge": lambda s: str(s.challenge),
    "startup": lambda s: s.startup.name,
    "status": lambda s: s.get_status_display(),
    "theme": lambda s: str(s.theme.name) if s.theme else "",
    "team_emails": lambda s: " ".join(m.user.email for m in s.startup.members.all()),
    "city": lambda s: s.startup.city,
    "country": lambda s: s.startup.country,
    "stage": lambda s: s.startup.get_stage_display(),
    "founded_year": lambda s: s.startup.founded_year,
    "submitted_at": lambda s: s.submitted_at,
    "updated_at": lambda s: s.updated_at,
}


class SubmissionIndexView(SafeCSVMixin, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("startup", "theme", "challenge", "challenge__edition")
            .prefetch_related("startup__members__user")
        )

    def search_queryset(self, queryset):
        # Searching on team e-mails joins the members: one row per entry all the same.
        return super().search_queryset(queryset).distinct()

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.ordering in ("submitted_at", "-submitted_at"):
            # Drafts (never submitted) last, on PostgreSQL as on SQLite.
            field = F("submitted_at")
            first = (
                field.asc(nulls_last=True) if self.ordering == "submitted_at" else field.desc(nulls_last=True)
            )
            queryset = queryset.order_by(first, "-pk")
        return queryset

    def to_row_dict(self, item):
        return {
            field: _EXPORT_VALUES[field](item) if field in _EXPORT_VALUES else getattr(item, field)
            for field in self.list_export
        }


class DecideForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    prize_rank = forms.TypedChoiceField(
        label=gettext_lazy("Prize (for a winner)"),
        choices=[
            ("", "—"),
            (1, gettext_lazy("First prize")),
            (2, gettext_lazy("Second prize")),
            (3, gettext_lazy("Third prize")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )
    reason = forms.CharField(
        label=gettext_lazy("Message to the startup"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required when the entry is not eligible: the startup reads it in its e-mail."
        ),
    )

    def __init__(self, *args, submission: Submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, SubmissionStatus(status).label)
            for status, sources in ORGANISER_TRANSITIONS.items()
            if submission.status in sources or (status == submission.status == SubmissionStatus.WINNER)
        ]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("New note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class SubmissionInspectView(InspectView):
    """The entry as the jury will read it, its deck, the screening form, notes and log."""

    template_name = "startups/admin/submission_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Submission.objects.select_related("startup", "startup__logo", "theme", "challenge__edition"),
            pk=self.pk,
        )

    def get_page_title(self):
        return _("Challenge entry")

    def get_page_subtitle(self):
        return f"{self.object.reference} · {self.object.startup.name}"

    @cached_property
    def can_manage(self):
        return self.user_has_permission("manage")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        context.update(
            submission=submission,
            startup=submission.startup,
            team=submission.startup.members.select_related("user"),
            answers=submission.answers(hide={"video_url"}),  # the video is shown as a link above
            deck_url=reverse(f"{ENTRIES}:deck", args=[submission.pk]) if submission.deck else "",
            decide_form=DecideForm(submission=submission) if self.can_manage else None,
            decide_url=reverse(f"{ENTRIES}:decide", args=[submission.pk]),
            note_form=NoteForm() if self.can_manage else None,
            note_url=reverse(f"{ENTRIES}:note", args=[submission.pk]),
            notes=submission.notes.select_related("author"),
            log=[
                {
                    "line": line,
                    "action": LOG_ACTIONS.get(line.action, line.action),
                    "from": SubmissionStatus(line.from_status).label if line.from_status else "",
                    "to": SubmissionStatus(line.to_status).label if line.to_status else "",
                }
                for line in submission.log.select_related("actor")
            ],
            index_url=reverse(f"{ENTRIES}:index"),
        )
        return context


class _EntryPostView(PermissionCheckedMixin, View):
    model = Submission
    permission_required = "manage"

    def inspect(self, submission):
        return redirect(reverse(f"{ENTRIES}:inspect", args=[submission.pk]))


class SubmissionDecideView(_EntryPostView):
    def post(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        form = DecideForm(request.POST, submission=submission)
        if not form.is_valid():
            messages.error(request, _("Choose a status this entry can take."))
            return self.inspect(submission)
        try:
            services.status_set(
                submission=submission,
                actor=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                prize_rank=form.cleaned_data["prize_rank"],
            )
        except ChallengeError as refusal:
            messages.error(request, str(refusal))
        else:
            submission.refresh_from_db()
            messages.success(
                request,
                _("Entry %(reference)s is now “%(status)s”; the startup is told by e-mail.")
                % {"reference": submission.reference, "status": submission.get_status_display()},
            )
        return self.inspect(submission)


class SubmissionNoteView(_EntryPostView):
    def post(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        form = NoteForm(request.POST)
        if form.is_valid():
            services.note_add(submission=submission, actor=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("Note added."))
        else:
            messages.error(request, _("The note is empty."))
        return self.inspect(submission)


@method_decorator(xframe_options_sameorigin, name="dispatch")  # the entry's page shows it inline
class SubmissionDeckView(PermissionCheckedMixin, View):
    model = Submission
    permission_required = "view"

    def get(self, request, pk):
        submission = get_object_or_404(Submission, pk=pk)
        if not submission.deck:
            raise Http404
        return deck_response(submission=submission)


class RemindersView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per open challenge, the drafts not submitted yet, and a button to remind them now."""

    model = Submission
    permission_required = "manage"
    template_name = "startups/admin/reminders.html"
    page_title = gettext_lazy("Draft reminders")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        context["challenges"] = (
            Challenge.objects.filter(submission_deadline__gt=now)
            .select_related("edition")
            .annotate(
                drafts=Count("submissions", filter=Q(submissions__status=SubmissionStatus.DRAFT)),
                reminded=Count(
                    "submissions",
                    filter=Q(
                        submissions__status=SubmissionStatus.DRAFT, submissions__reminded_at__isnull=False
                    ),
                ),
            )
        )
        return context

    def post(self, request):
        challenge = get_object_or_404(Challenge, pk=request.POST.get("challenge"))
        sent = services.drafts_remind(challenge=challenge, force=True)
        messages.success(
            request,
            _("%(count)s reminder(s) sent for %(challenge)s.") % {"count": sent, "challenge": challenge},
        )
        return redirect(reverse(f"{REMINDERS}:index"))


class PublicationForm(forms.Form):
    publish = forms.ChoiceField(
        choices=[("finalists", gettext_lazy("Finalists")), ("winners", gettext_lazy("Winners"))]
    )


class PublicationView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """The organisers publish a challenge's finalists, or its winners, on its page (for good);
    the jury's chair publishes the winners from the jury's decisions page as well."""

    model = Challenge
    permission_required = "change"
    template_name = "startups/admin/publication.html"
    page_title = gettext_lazy("Publish the results")
    header_icon = "upload"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.challenge = get_object_or_404(Challenge.objects.select_related("edition"), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.challenge)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = Submission.objects.filter(challenge=self.challenge).exclude(
            status=SubmissionStatus.WITHDRAWN
        )
        context.update(
            challenge=self.challenge,
            finalists=entries.filter(finalist_at__isnull=False)
            .select_related("startup")
            .order_by("startup__name"),
            winners=entries.filter(status=SubmissionStatus.WINNER, prize_rank__isnull=False)
            .select_related("startup")
            .order_by("prize_rank"),
            edit_url=reverse(Challenge.snippet_viewset.get_url_name("edit"), args=[self.challenge.pk]),
        )
        return context

    def post(self, request, pk):
        form = PublicationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose what to publish."))
            return redirect(request.path)
        publish = form.cleaned_data["publish"]
        services.results_publish(
            challenge=self.challenge,
            finalists=publish == "finalists",
            winners=publish == "winners",
            actor=request.user,
        )
        messages.success(
            request,
            _("The finalists are on the challenge page.")
            if publish == "finalists"
            else _("The winners are on the challenge page; they are told by e-mail."),
        )
        return redirect(request.path)
