"""The speaker area: my sessions, and my answer for each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import speaker_area
from events.models import Presence, SessionSpeaker, SpeakerRole


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
