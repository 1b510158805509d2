"""The door: staff check people in from a phone, by scanning a badge or by searching."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from events.attendance import checkin
from events.attendance.badges import badges_pdf
from events.attendance.certificates import available, certificate_pdf
from events.attendance.door_dashboard import door_figures
from events.models import CheckIn, CheckInMethod, Edition, Registration, RegistrationStatus


def _edition() -> Edition:
    edition = Edition.objects.current()
    if edition is None:
        raise Http404
    return edition


def _render(request, edition, *, result=None, query=""):
    return render(
        request,
        "events/door.html",
        {
            "edition": edition,
            "result": result,
            "query": query,
            "matches": checkin.door_search(edition, query) if query else [],
            "checked_in": CheckIn.objects.filter(edition=edition).count(),
            "expected": Registration.objects.filter(
                edition=edition, status=RegistrationStatus.CONFIRMED, ticket_type__mode="in_person"
            ).count(),
        },
    )


@never_cache
@login_required
@permission_required("events.add_checkin", raise_exception=True)
@require_http_methods(["GET", "POST"])
def door(request):
    """GET: search. POST: a scanned code (camera or a USB scanner typing into the field)."""
    edition = _edition()
    if request.method == "POST":
        result = checkin.checkin_scan(
            payload=request.POST.get("code", ""),
            edition=edition,
            actor=request.user,
            method=CheckInMethod.SCAN,
        )
        return _render(request, edition, result=result)
    return _render(request, edition, query=request.GET.get("q", ""))


@never_cache
@login_required
@permission_required("events.add_checkin", raise_exception=True)
@require_POST
def door_checkin(request, pk: int):
    edition = _edition()
    registration = get_object_or_404(Registration, pk=pk, edition=edition)
    result = checkin.checkin_registration(
        registration=registration, edition=edition, actor=request.user, method=CheckInMethod.SEARCH
    )
    return _render(request, edition, result=result)


@login_required
def my_badge(request):
    """The attendee's own badge (in person, confirmed)."""
    registration = (
        Registration.objects.filter(
            user=request.user,
            edition=_edition(),
            status=RegistrationStatus.CONFIRMED,
            ticket_type__mode="in_person",
        )
        .select_related("ticket_type", "edition")
        .first()
    )
    if registration is None:
        return redirect("registration:mine")
    response = HttpResponse(badges_pdf([registration]), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badge-{registration.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_certificate(request, edition_slug: str):
    """A certificate of attendance, in the page's language, once that edition is over."""
    registration = (
        Registration.objects.filter(
            user=request.user, edition__slug=edition_slug, status=RegistrationStatus.CONFIRMED
        )
        .select_related("ticket_type", "edition")
        .first()
    )
    if registration is None or not available(registration):
        messages.info(
            request, _("Certificates of attendance are available after the congress, to those who attended.")
        )
        return redirect("registration:mine")
    response = HttpResponse(
        certificate_pdf(registration, language=get_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{registration.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@permission_required("events.add_checkin", raise_exception=True)
def door_dashboard(request):
    edition = _edition()
    chart = door_figures(edition)
    return render(
        request,
        "events/door_dashboard.html",
        {
            "edition": edition,
            "chart": chart,
            "checked_in": sum(serie.checked_in for serie in chart.series),
            "expected": sum(serie.expected for serie in chart.series),
        },
    )
