"""Live streams: only confirmed registrants of the edition reach a session's
stream (from a few minutes before it starts) or its replay (afterwards).
Stream addresses appear nowhere else: not on public pages, not in the API."""

import datetime

from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from events.models import Registration, RegistrationStatus, Session, StreamJoin


def stream_state(session: Session, *, now: datetime.datetime) -> tuple[str, datetime.datetime]:
    """("soon" | "live" | "no_stream" | "replay" | "ended", when the stream opens)."""
    opens_at = session.starts_at - datetime.timedelta(minutes=session.edition.stream_opens_minutes)
    if now < opens_at:
        return "soon", opens_at
    if now < session.ends_at:
        return ("live" if session.livestream_url else "no_stream"), opens_at
    return ("replay" if session.replay_url else "ended"), opens_at


@never_cache
@login_required
def live(request, session_id: int):
    session = get_object_or_404(
        Session.objects.select_related("edition", "room"), pk=session_id, is_published=True
    )
    registered = Registration.objects.filter(
        user=request.user, edition=session.edition, status=RegistrationStatus.CONFIRMED
    ).exists()
    state, opens_at = stream_state(session, now=timezone.now())
    stream_url = ""
    if registered and state in ("live", "replay"):
        stream_url = session.livestream_url if state == "live" else session.replay_url
        try:
            with transaction.atomic():
                StreamJoin.objects.create(user=request.user, session=session, live=state == "live")
        except IntegrityError:
            pass  # counted already
    return render(
        request,
        "events/live.html",
        {
            "session": session,
            "edition": session.edition,
            "registered": registered,
            "state": state,
            "opens_at": opens_at,
            "stream_url": stream_url,
            "seconds_to_open": max(0, int((opens_at - timezone.now()).total_seconds())),
        },
        status=200 if registered else 403,
    )
