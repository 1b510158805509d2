"""The challenge in the Wagtail admin: the call (themes, prizes, timeline), startups, entries."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_helpers import ReadOnlyModelViewSet, RecordsPermissionPolicy, permission_menu_item
from core.csv_export import SafeCSVMixin
from core.i18n import translated_columns
from startups import admin_views
from startups.admin_forms import ChallengeAdminForm
from startups.models import Challenge, Startup, Submission, SubmissionStatus


class KeepEntriesDeleteView(SnippetDeleteView):
    """A challenge or a startup with entries is not deleted: the entries are records."""

    def form_valid(self, form):
        if self.object.submissions.exists():
            messages.error(
                self.request,
                _("“%(object)s” has entries: it cannot be deleted. Withdraw or keep them instead.")
                % {"object": self.object},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class StartupIndexView(SafeCSVMixin, SnippetIndexView):
    pass


class ChallengeEditView(SnippetEditView):
    """The challenge's form, with a way to its results' publication (the flags are read only)."""

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Publish the results"),
                url=reverse(self.model.snippet_viewset.get_url_name("publish"), args=[self.object.pk]),
                icon_name="upload",
                priority=40,
            ),
        ]


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    edit_view_class = ChallengeEditView
    delete_view_class = KeepEntriesDeleteView
    icon = "trophy"
    menu_label = gettext_lazy("Challenges")
    list_display = [
        "title_fr",
        "edition",
        "opens_at",
        "submission_deadline",
        "final_pitch_at",
        "winners_published",
    ]
    list_filter = ["winners_published"]
    search_fields = [*translated_columns("title")]
    inspect_view_enabled = True
    url_prefix = "startups/challenges"
    # The model's panels, with the form that shows the timeline on the edition's clock.
    edit_handler = ObjectList(Challenge.panels, base_form_class=ChallengeAdminForm)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("publish/<int:pk>/", admin_views.PublicationView.as_view(), name="publish"),
        ]


class StartupViewSet(SnippetViewSet):
    model = Startup
    index_view_class = StartupIndexView
    delete_view_class = KeepEntriesDeleteView
    icon = "site"
    menu_label = gettext_lazy("Startups")
    list_display = ["name", "city", "country", "stage", "sector", "founded_year", "created_at"]
    list_filter = ["stage", "sector", "country"]
    list_export = ["name", "city", "country", "stage", "sector", "founded_year", "website", "description"]
    export_filename = "startups"
    search_fields = ["name", "city", "description"]
    inspect_view_enabled = True
    url_prefix = "startups/startups"


register_permission_policy(Submission, RecordsPermissionPolicy(Submission))


class SubmissionViewSet(ReadOnlyModelViewSet):
    model = Submission
    name = admin_views.ENTRIES
    url_prefix = "startups/entries"
    icon = "doc-full"
    menu_label = gettext_lazy("Entries")
    permission_codenames = ("view", "change")
    index_view_class = admin_views.SubmissionIndexView
    inspect_view_class = admin_views.SubmissionInspectView
    list_display = [
        Column("reference", label=gettext_lazy("Reference"), accessor="reference", sort_key="pk"),
        Column(
            "startup",
            label=gettext_lazy("Startup"),
            accessor=lambda s: s.startup.name,
            sort_key="startup__name",
        ),
        Column("title", label=gettext_lazy("Project"), accessor="title", sort_key="title"),
        Column("theme", label=gettext_lazy("Theme"), accessor=lambda s: s.theme.name if s.theme else "—"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda s: (
                s.status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.FINALIST, SubmissionStatus.WINNER)
            ),
            sort_key="status",
        ),
        DateColumn("submitted_at", label=gettext_lazy("Submitted"), sort_key="submitted_at"),
        DateColumn("updated_at", label=gettext_lazy("Last changed"), sort_key="updated_at"),
    ]
    filterset_class = admin_views.SubmissionFilterSet
    search_fields = ["title", "startup__name", "startup__members__user__email"]
    search_backend_name = None
    ordering = "-submitted_at"
    list_per_page = 50
    list_export = admin_views.EXPORT_FIELDS
    export_headings = admin_views.EXPORT_HEADINGS
    export_filename = "challenge-entries"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/decide/", admin_views.SubmissionDecideView.as_view(), name="decide"),
            path("<int:pk>/note/", admin_views.SubmissionNoteView.as_view(), name="note"),
            path("<int:pk>/deck/", admin_views.SubmissionDeckView.as_view(), name="deck"),
        ]


class RemindersViewSet(ViewSet):
    name = admin_views.REMINDERS
    url_prefix = "startups/reminders"
    icon = "mail"
    menu_label = gettext_lazy("Draft reminders")
    menu_item_class = permission_menu_item(Submission, "manage")

    def get_urlpatterns(self):
        return [path("", admin_views.RemindersView.as_view(), name="index")]


class ChallengeViewSetGroup(ViewSetGroup):
    items = (ChallengeViewSet, SubmissionViewSet, StartupViewSet, RemindersViewSet)
    menu_icon = "trophy"
    menu_label = gettext_lazy("Startup challenge")
    menu_name = "startup-challenge"
    menu_order = 230


@hooks.register("register_admin_viewset")
def register_challenge_viewsets():
    return ChallengeViewSetGroup()
