"""The jury in the Wagtail admin: jurors, rounds and their rubrics, the judging dashboard."""

from django.db import transaction
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.views.snippets import DeleteView as SnippetDeleteView
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_helpers import permission_menu_item
from judging import admin_views
from judging.admin_forms import RoundAdminForm
from judging.audit import audit
from judging.models import Juror, Review, Round
from judging.selectors import pitching_finalists
from judging.tasks import juror_invitation_email


class KeepScoresDeleteView(SnippetDeleteView):
    """A juror or a round with submitted reviews is kept: the scores are records."""

    def form_valid(self, form):
        reviews = Review.objects.filter(status="submitted")
        reviews = (
            reviews.filter(assignment__juror=self.object)
            if isinstance(self.object, Juror)
            else reviews.filter(assignment__round=self.object)
        )
        if reviews.exists():
            messages.error(
                self.request,
                _("“%(object)s” has submitted scores: it cannot be deleted.") % {"object": self.object},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class JurorViewSet(SnippetViewSet):
    model = Juror
    delete_view_class = KeepScoresDeleteView
    icon = "user"
    menu_label = gettext_lazy("Jurors")
    list_display = ["name", "email", "organisation", "challenge", "is_chair", "accepted_at"]
    list_filter = ["challenge", "is_chair"]
    search_fields = ["name", "email", "organisation"]
    url_prefix = "jury/jurors"


class RoundViewSet(SnippetViewSet):
    model = Round
    delete_view_class = KeepScoresDeleteView
    icon = "list-ol"
    menu_label = gettext_lazy("Rounds")
    list_display = ["name_fr", "challenge", "kind", "opens_at", "closes_at", "blind", "min_reviews"]
    list_filter = ["challenge", "kind"]
    url_prefix = "jury/rounds"
    # The model's panels, with the form that keeps a scored round's rubric as it is.
    edit_handler = ObjectList(Round.panels, base_form_class=RoundAdminForm)


class DashboardViewSet(ViewSet):
    name = admin_views.DASHBOARD
    url_prefix = "jury/dashboard"
    icon = "tasks"
    menu_label = gettext_lazy("Judging dashboard")
    menu_item_class = permission_menu_item(Round, "change")

    def get_urlpatterns(self):
        return [
            path("", admin_views.RoundsView.as_view(), name="index"),
            path("round/<int:pk>/", admin_views.RoundDashboardView.as_view(), name="round"),
            path("round/<int:pk>/results.csv", admin_views.RoundCSVView.as_view(), name="csv"),
            path("round/<int:pk>/results.pdf", admin_views.RoundPDFView.as_view(), name="pdf"),
            path("challenge/<int:challenge_pk>/audit/", admin_views.AuditView.as_view(), name="audit"),
        ]


class JuryViewSetGroup(ViewSetGroup):
    items = (DashboardViewSet, JurorViewSet, RoundViewSet)
    menu_icon = "group"
    menu_label = gettext_lazy("Jury")
    menu_name = "jury"
    menu_order = 235


@hooks.register("register_admin_viewset")
def register_jury_viewsets():
    return JuryViewSetGroup()


@hooks.register("after_create_snippet")
def invite_new_juror(request, instance):
    """A juror added in the admin gets the invitation e-mail."""
    if isinstance(instance, Juror):
        with transaction.atomic():
            audit(
                instance.challenge_id,
                "juror_invited",
                actor=request.user,
                juror=instance.pk,
                email=instance.email,
            )
        transaction.on_commit(lambda: juror_invitation_email.enqueue(instance.pk))


@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def audit_jury_edits(request, instance):
    """Changes to jurors and rounds in the admin go to the jury's audit log too."""
    items = instance if isinstance(instance, list | tuple) else [instance]
    for item in items:
        if isinstance(item, Juror | Round):
            action = "deleted" if request.method == "POST" and "delete" in request.path else "edited"
            with transaction.atomic():
                audit(
                    item.challenge_id,
                    f"{type(item).__name__.lower()}_{action}",
                    actor=request.user,
                    object=item.pk,
                    label=str(item),
                )


@hooks.register("session_page_sections")
def pitching_finalists_section(*, session, request) -> str:
    """The finalists who pitch, under the final's pitch session, once the challenge publishes them."""
    finalists = pitching_finalists(session)
    if not finalists:
        return ""
    return render_to_string("judging/pitching_finalists.html", {"finalists": finalists}, request=request)
