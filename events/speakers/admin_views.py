"""Organisers invite speakers to claim their profiles."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from core.admin_helpers import permission_menu_item
from events.models import (
    Edition,
    Participation,
    ProposalStatus,
    Session,
    SessionProposal,
    SessionSpeaker,
    Speaker,
    SpeakerInvitation,
)
from events.speakers import services as speaker_area

INVITATIONS = "speaker_invitations"


class InvitationForm(forms.Form):
    speaker = forms.ModelChoiceField(
        label=gettext_lazy("Speaker profile"), queryset=Speaker.objects.order_by("name")
    )
    email = forms.EmailField(label=gettext_lazy("Their e-mail address"))
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail"), choices=settings.LANGUAGES)
    sessions = forms.ModelMultipleChoiceField(
        label=gettext_lazy("As speaker of these sessions"),
        queryset=Session.objects.none(),
        required=False,
        help_text=gettext_lazy("Sessions of the current edition; those already theirs stay."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        edition = Edition.objects.current()
        self.fields["sessions"].queryset = (
            Session.objects.filter(edition=edition).order_by("starts_at")
            if edition
            else Session.objects.none()
        )

    def clean_speaker(self):
        speaker = self.cleaned_data["speaker"]
        if speaker.user_id:
            raise forms.ValidationError(_("This profile is already managed by its speaker's account."))
        return speaker


class InvitationsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    model = Speaker
    permission_required = "change"
    template_name = "events/admin/speakers/invitations.html"
    form_class = InvitationForm
    page_title = gettext_lazy("Invite speakers")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_initial(self):
        return {"speaker": self.request.GET.get("speaker"), "language": "fr"}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invitations"] = SpeakerInvitation.objects.select_related("speaker", "created_by")[:50]
        return context

    def form_valid(self, form):
        with transaction.atomic():
            speaker = form.cleaned_data["speaker"]
            for session in form.cleaned_data["sessions"]:
                SessionSpeaker.objects.get_or_create(session=session, speaker=speaker)
            speaker_area.invitation_send(
                speaker=speaker,
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                actor=self.request.user,
            )
        messages.success(self.request, _("The invitation is on its way."))
        return redirect(reverse(f"{INVITATIONS}:index"))


class InvitationsViewSet(ViewSet):
    name = INVITATIONS
    url_prefix = "speaker-invitations"
    icon = "mail"
    menu_label = gettext_lazy("Speakers: invitations")
    menu_order = 206
    add_to_admin_menu = True
    menu_item_class = permission_menu_item(Speaker, "change")

    def get_urlpatterns(self):
        return [
            path("", InvitationsView.as_view(), name="index"),
            path("overview/", OverviewView.as_view(), name="overview"),
        ]


# Overview ------------------------------------------------------------------------------


def speakers_overview(edition):
    """Who has not answered, whose profile lacks a biography or a photo, what waits for review."""
    appearances = (
        SessionSpeaker.objects.filter(session__edition=edition)
        .select_related("speaker", "speaker__user", "session")
        .order_by("speaker__name", "session__starts_at")
    )
    speakers = {}
    for appearance in appearances:
        speakers.setdefault(appearance.speaker, []).append(appearance)
    rows = []
    for speaker, theirs in speakers.items():
        rows.append(
            {
                "speaker": speaker,
                "unanswered": [a.session for a in theirs if a.participation == Participation.PENDING],
                "declined": [a.session for a in theirs if a.participation == Participation.DECLINED],
                "missing_bio": not (speaker.bio_fr or speaker.bio_en or speaker.bio_ar),
                "missing_photo": not speaker.photo_id,
                "has_account": bool(speaker.user_id),
            }
        )
    return {
        "rows": rows,
        "unanswered": sum(1 for row in rows if row["unanswered"]),
        "missing_bio": sum(1 for row in rows if row["missing_bio"]),
        "missing_photo": sum(1 for row in rows if row["missing_photo"]),
        "pending_proposals": SessionProposal.objects.filter(
            session__edition=edition, status=ProposalStatus.PENDING
        ).select_related("session"),
    }


def reminders_send(edition, *, actor) -> int:
    """Remind every speaker with an account who has sessions to answer or a profile to complete."""
    from events.speakers.tasks import speaker_reminder_email

    sent = 0
    for row in speakers_overview(edition)["rows"]:
        if row["has_account"] and (row["unanswered"] or row["missing_bio"] or row["missing_photo"]):
            speaker_id = row["speaker"].pk
            transaction.on_commit(
                lambda speaker_id=speaker_id: speaker_reminder_email.enqueue(speaker_id, edition.pk)
            )
            sent += 1
    return sent


class OverviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Speaker
    permission_required = "change"
    template_name = "events/admin/speakers/overview.html"
    page_title = gettext_lazy("Speakers overview")
    header_icon = "user"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def edition(self):
        return Edition.objects.current()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = self.edition()
        context.update(edition=edition, overview=speakers_overview(edition) if edition else None)
        return context

    def post(self, request, *args, **kwargs):
        edition = self.edition()
        if edition is not None:
            with transaction.atomic():
                count = reminders_send(edition, actor=request.user)
            messages.success(request, _("%(count)s reminder(s) on their way.") % {"count": count})
        return redirect(reverse(f"{INVITATIONS}:overview"))
