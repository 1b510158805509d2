import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from events.models import Session, Track
from events.programme import selectors, services
from events.programme.exports import ics_calendar


@login_required
@require_GET
def agenda(request):
    sessions = list(selectors.agenda_sessions(request.user))
    programme = selectors.programme_page()
    selectors.attach_public_urls(sessions, programme=programme)
    days: dict = {}
    for session in sessions:
        days.setdefault(session.local_start.date(), []).append(session)
    context = {
        "days": sorted(days.items()),
        "clashes": selectors.clashing_ids(sessions),
        "session_count": len(sessions),
        "starred": {session.pk for session in sessions},
        "programme_url": programme.url if programme else "",
        "time_zone": sessions[0].edition.time_zone if sessions else settings.TIME_ZONE,
    }
    return render(request, "events/agenda.html", context)


@login_required
@require_GET
def agenda_ics(request):
    sessions = selectors.agenda_sessions(request.user)
    body = ics_calendar(
        sessions,
        name=_("My Casablanca Smart City agenda"),
        base_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        language=get_language(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="casablanca-smart-city-agenda.ics"'
    return response


@login_required
@require_POST
def agenda_toggle(request, session_id: int):
    """Add a session to the agenda, or take it out (`action=remove`)."""
    session = get_object_or_404(Session, pk=session_id, is_published=True)
    if request.POST.get("action") == "remove":
        services.agenda_remove(user=request.user, session=session)
    else:
        services.agenda_add(user=request.user, session=session)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "events:agenda"
    return redirect(target)


HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?$")


@require_GET
def track_colours(request):
    """Each track's colour as a class, so that pages need no inline style (the site's CSP allows none)."""
    rules = [
        f".track-{pk} {{ --track-color: {colour}; }}"
        for pk, colour in Track.objects.order_by("pk").values_list("pk", "color")
        if HEX_COLOUR.match(colour)  # whatever was typed in the admin, only a colour reaches the CSS
    ]
    response = HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
