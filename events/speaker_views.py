"""The speaker area: my sessions, and my answer for each."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from events import speaker_area
from events.models import PROPOSED_FIELDS, Presence, SessionProposal, SessionSpeaker, SpeakerRole


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


class ProposalForm(forms.ModelForm):
    class Meta:
        model = SessionProposal
        fields = PROPOSED_FIELDS
        widgets = {
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "abstract_fr": forms.Textarea(attrs={"rows": 4}),
            "abstract_ar": forms.Textarea(attrs={"rows": 4, "dir": "rtl", "lang": "ar"}),
            "abstract_en": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 6}),
            "description_ar": forms.Textarea(attrs={"rows": 6, "dir": "rtl", "lang": "ar"}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
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
        },
    )
