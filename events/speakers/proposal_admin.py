"""Organisers review what speakers propose for their sessions: approve (it goes
public) or reject with a comment; the speaker is told by e-mail either way."""

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.admin_helpers import permission_menu_item
from core.storage import user_file_response
from events.models import ProfileProposal, ProposalStatus, Session, SessionProposal, Speaker
from events.speakers import services as speaker_area

PROPOSALS = "session_proposals"


class ProposalsPermissionMixin(PermissionCheckedMixin):
    model = Session
    permission_required = "change"


class ProposalsIndexView(ProposalsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/proposals/index.html"
    page_title = gettext_lazy("Speakers' proposals")
    header_icon = "edit"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposals = SessionProposal.objects.select_related("session", "author", "decided_by")
        context.update(
            profiles_pending=ProfileProposal.objects.filter(status=ProposalStatus.PENDING)
            .select_related("speaker", "author")
            .order_by("created_at"),
            pending=proposals.filter(status=ProposalStatus.PENDING).order_by("created_at"),
            decided=proposals.filter(status__in=[ProposalStatus.APPROVED, ProposalStatus.REJECTED]).order_by(
                "-decided_at"
            )[:30],
        )
        return context


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("approve", gettext_lazy("Approve: publish it")), ("reject", gettext_lazy("Reject"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment for the speaker"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed to reject; sent to the speaker with the decision."),
    )


class ProposalReviewView(ProposalsPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "events/admin/proposals/review.html"
    form_class = DecisionForm
    page_title = gettext_lazy("Review a proposal")
    header_icon = "edit"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.proposal = get_object_or_404(
            SessionProposal.objects.select_related("session", "author"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.proposal.session.title)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{PROPOSALS}:index"), "label": _("Speakers' proposals")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The labels come from the proposal under review: a session's or a profile's fields.
        label = self.proposal._meta.get_field
        context.update(
            proposal=self.proposal,
            changes=[(label(name).verbose_name, old, new) for name, old, new in self.proposal.changes()],
            decidable=self.proposal.status == ProposalStatus.PENDING,
        )
        return context

    decide = staticmethod(speaker_area.proposal_decide)

    def form_valid(self, form):
        try:
            self.decide(
                proposal=self.proposal,
                actor=self.request.user,
                approve=form.cleaned_data["decision"] == "approve",
                comment=form.cleaned_data["comment"],
            )
        except speaker_area.SpeakerError as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.request.path)
        messages.success(self.request, _("Decision saved; the speaker is told by e-mail."))
        return redirect(reverse(f"{PROPOSALS}:index"))


class ProfileReviewView(ProposalReviewView):
    model = Speaker  # profiles are the speakers' permission, sessions the sessions'
    page_title = gettext_lazy("Review a profile")
    decide = staticmethod(speaker_area.profile_decide)

    def setup(self, request, *args, **kwargs):
        super(ProposalReviewView, self).setup(request, *args, **kwargs)
        self.proposal = get_object_or_404(
            ProfileProposal.objects.select_related("speaker", "author"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return self.proposal.speaker.name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["photo_url"] = (
            reverse(f"{PROPOSALS}:profile_photo", args=[self.proposal.pk]) if self.proposal.photo else ""
        )
        return context


class ProfilePhotoView(ProposalsPermissionMixin, View):
    """The proposed photo, for the organisers only (it is not public until approved)."""

    model = Speaker

    def get(self, request, pk):
        proposal = get_object_or_404(ProfileProposal, pk=pk)
        if not proposal.photo:
            raise Http404
        return user_file_response(proposal.photo.open("rb"), filename="photo.jpg", content_type="image/jpeg")


class ProposalsViewSet(ViewSet):
    name = PROPOSALS
    url_prefix = "proposals"
    icon = "edit"
    menu_label = gettext_lazy("Speakers' proposals")
    menu_order = 205
    add_to_admin_menu = True
    menu_item_class = permission_menu_item(Session, "change")

    def get_urlpatterns(self):
        return [
            path("", ProposalsIndexView.as_view(), name="index"),
            path("<int:pk>/", ProposalReviewView.as_view(), name="review"),
            path("profiles/<int:pk>/", ProfileReviewView.as_view(), name="profile_review"),
            path("profiles/<int:pk>/photo/", ProfilePhotoView.as_view(), name="profile_photo"),
        ]
