"""The speaker area: my sessions, and my answer for each."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.i18n import translated_widgets
from core.storage import user_file_response
from core.text import CleanTextMixin
from events.models import (
    PROFILE_FIELDS,
    PROPOSED_FIELDS,
    Presence,
    ProfileProposal,
    ResourceVisibility,
    SessionProposal,
    SessionResource,
    SessionSpeaker,
    SpeakerRole,
)
from events.speakers import resources
from events.speakers import services as speaker_area


@login_required
def my_sessions(request):
    appearances = list(speaker_area.appearances_of(request.user))
    for appearance in appearances:
        others = [a for a in appearance.session.speakers.all() if a.pk != appearance.pk]
        appearance.co_speakers = [a.speaker for a in others if a.role == SpeakerRole.SPEAKER]
        appearance.moderators = [a.speaker for a in others if a.role != SpeakerRole.SPEAKER]
    return render(
        request,
        "events/speaker_area.html",
        {
            "appearances": appearances,
            "presences": Presence.choices,
            "is_speaker": hasattr(request.user, "speaker"),
        },
    )


@login_required
@require_POST
def answer(request, pk: int):
    appearance = get_object_or_404(SessionSpeaker, pk=pk, speaker__user=request.user)
    try:
        _appearance, registration = speaker_area.participation_answer(
            appearance=appearance,
            user=request.user,
            participation=request.POST.get("participation", ""),
            presence=request.POST.get("presence", ""),
            needs=request.POST.get("technical_needs", "")[:2000],
        )
    except speaker_area.SpeakerError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Thank you: your answer is saved."))
        if registration is not None:
            messages.success(request, _("Your free speaker registration is confirmed; your badge is ready."))
    return redirect(f"{reverse('speaker:sessions')}#appearance-{pk}")


class ProposalForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = SessionProposal
        fields = PROPOSED_FIELDS
        widgets = {
            **translated_widgets("title"),
            **translated_widgets("abstract", forms.Textarea, rows=4),
            **translated_widgets("description", forms.Textarea, rows=6),
        }


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    appearance = get_object_or_404(
        SessionSpeaker.objects.select_related("session", "session__edition", "speaker"),
        pk=pk,
        speaker__user=request.user,
    )
    session = appearance.session
    pending = speaker_area.proposal_pending(session)
    source = pending or session
    editable = speaker_area.can_edit(session)
    form = ProposalForm(
        request.POST if request.method == "POST" and editable else None,
        initial={name: getattr(source, name) for name in PROPOSED_FIELDS},
    )
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST":
        if not editable:
            messages.error(request, _("The deadline for changes has passed; write to the organisers."))
        elif form.is_valid():
            try:
                speaker_area.proposal_submit(appearance=appearance, user=request.user, data=form.cleaned_data)
            except speaker_area.SpeakerError as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(
                    request,
                    _(
                        "Your changes are sent to the organisers. The public programme shows them once approved."
                    ),
                )
                return redirect(f"{reverse('speaker:sessions')}#appearance-{pk}")
    last_decided = session.proposals.exclude(status__in=["pending", "superseded"]).first()
    return render(
        request,
        "events/speaker_edit.html",
        {
            "appearance": appearance,
            "session": session,
            "form": form,
            "editable": editable,
            "deadline": speaker_area.editable_until(session),
            "pending": pending,
            "last_decided": last_decided,
            "resource_form": ResourceForm(),
            "slides_max_mb": resources.max_bytes() // (1024 * 1024),
            "resources": session.resources.all(),
        },
    )


class ResourceForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200, required=False)
    file = forms.FileField(label=gettext_lazy("Slides (PDF, PowerPoint or OpenDocument)"), required=False)
    url = forms.URLField(label=gettext_lazy("…or a link"), required=False, assume_scheme="https")
    visibility = forms.ChoiceField(
        label=gettext_lazy("Public"), choices=ResourceVisibility.choices, initial=ResourceVisibility.AFTER
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError(_("Add either a file or a link."))
        return data


def _own_appearance(request, pk):
    return get_object_or_404(
        SessionSpeaker.objects.select_related("session", "session__edition", "speaker"),
        pk=pk,
        speaker__user=request.user,
    )


@login_required
@require_POST
def resource_add(request, pk: int):
    appearance = _own_appearance(request, pk)
    form = ResourceForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.non_field_errors() + [e for errors in form.errors.values() for e in errors]:
            messages.error(request, error)
            break
    else:
        data = form.cleaned_data
        try:
            if data["file"]:
                resources.resource_upload(
                    appearance=appearance,
                    user=request.user,
                    title=data["title"],
                    upload=data["file"],
                    visibility=data["visibility"],
                )
            else:
                resources.link_add(
                    appearance=appearance,
                    user=request.user,
                    title=data["title"],
                    url=data["url"],
                    visibility=data["visibility"],
                )
        except resources.ResourceError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Added to your session."))
    return redirect("speaker:edit", pk=pk)


@login_required
@require_POST
def resource_delete(request, pk: int, resource_pk: int):
    appearance = _own_appearance(request, pk)
    resource = get_object_or_404(
        SessionResource, pk=resource_pk, session=appearance.session, added_by=request.user
    )
    resource.file.delete(save=False)
    resource.delete()
    messages.success(request, _("Removed."))
    return redirect("speaker:edit", pk=pk)


def resource_file(request, resource_pk: int, filename: str):
    """A slides file, once public (its speakers and organisers see it before)."""
    resource = get_object_or_404(SessionResource.objects.select_related("session"), pk=resource_pk)
    if not resource.file or filename != resource.filename:
        raise Http404
    allowed = (resource.session.is_published and resource.is_public(now=timezone.now())) or (
        request.user.is_authenticated
        and (
            request.user.has_perm("events.change_session")
            or resource.session.speakers.filter(speaker__user=request.user).exists()
        )
    )
    if not allowed:
        raise Http404
    return user_file_response(
        resource.file.open("rb"),
        filename=resource.filename,
        content_type=resources.content_type(resource.filename),
    )


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """The invitation link shows what it hands over; taking the profile is a deliberate
    button press (a GET changes nothing: mail scanners and link previews open links)."""
    try:
        if request.method == "POST":
            speaker_area.invitation_accept(token=token, user=request.user)
            messages.success(request, _("Welcome! Your speaker profile and your sessions are here."))
            return redirect("speaker:sessions")
        found = speaker_area.invitation_lookup(token)
        taken = speaker_area.invitation_check(invitation=found, speaker=found.speaker, user=request.user)
    except speaker_area.InvitationUnknown as refusal:
        return render(request, "events/speaker_invitation.html", {"refusal": str(refusal)}, status=404)
    except speaker_area.SpeakerError as refusal:
        # Used, expired, another address, another profile: another account may be the answer.
        context = {"refusal": str(refusal), "switch_account": True}
        return render(request, "events/speaker_invitation.html", context, status=403)
    return render(
        request,
        "events/speaker_invitation.html",
        {
            "invitation": found,
            "speaker": found.speaker,
            "taken": taken,
            "appearances": speaker_area.invitation_appearances(found),
        },
    )


class ProfileForm(CleanTextMixin, forms.ModelForm):
    photo_upload = forms.ImageField(
        label=gettext_lazy("New photo"),
        required=False,
        help_text=gettext_lazy(
            "JPEG, PNG or WebP, at least 300 × 300 pixels; we crop it square for the site."
        ),
    )

    class Meta:
        model = ProfileProposal
        fields = PROFILE_FIELDS
        widgets = {
            # The name in Arabic script (badges print both scripts), whatever the site's languages.
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            **translated_widgets("organisation"),
            **translated_widgets("job_title"),
            **translated_widgets("bio", forms.Textarea, rows=5),
        }


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    speaker = getattr(request.user, "speaker", None)
    if speaker is None:
        return redirect("speaker:sessions")
    pending = speaker_area.profile_pending(speaker)
    source = pending or speaker
    form = ProfileForm(
        request.POST or None,
        request.FILES or None,
        initial={name: getattr(source, name) for name in PROFILE_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            speaker_area.profile_propose(
                speaker=speaker,
                user=request.user,
                data=form.cleaned_data,
                photo=form.cleaned_data["photo_upload"],
            )
        except speaker_area.SpeakerError as refusal:
            form.add_error("photo_upload", str(refusal))
        else:
            messages.success(
                request,
                _("Your changes are sent to the organisers. Your public profile shows them once approved."),
            )
            return redirect("speaker:profile")
    return render(
        request, "events/speaker_profile.html", {"speaker": speaker, "form": form, "pending": pending}
    )
