"""Organisers invite speakers to claim their profiles."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from events import speaker_area
from events.admin_views import permission_menu_item
from events.models import Speaker, SpeakerInvitation

INVITATIONS = "speaker_invitations"


class InvitationForm(forms.Form):
    speaker = forms.ModelChoiceField(
        label=gettext_lazy("Speaker profile"), queryset=Speaker.objects.order_by("name")
    )
    email = forms.EmailField(label=gettext_lazy("Their e-mail address"))
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail"), choices=settings.LANGUAGES)

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
            speaker_area.invitation_send(
                speaker=form.cleaned_data["speaker"],
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
    menu_label = gettext_lazy("Invite speakers")
    menu_order = 206
    add_to_admin_menu = True
    menu_item_class = permission_menu_item(Speaker, "change")

    def get_urlpatterns(self):
        return [path("", InvitationsView.as_view(), name="index")]
