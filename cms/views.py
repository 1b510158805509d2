from allauth.account.utils import get_next_redirect_url
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.mfa import mfa_enrolment_finish, mfa_enrolment_pending, mfa_enrolment_start
from events.attendance.certificates import certificates_for


@never_cache
@require_GET
def healthz(request):
    """Load balancers ask this whether the app server can do its work."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "detail": error.__class__.__name__},
            status=503,
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def account_profile(request):
    return render(request, "account/profile.html", {"certificates": certificates_for(request.user)})


def login_elsewhere(request, *, default_next: str = ""):
    """Wagtail's own login forms, replaced by allauth's: its rate limits and second factor apply.

    Whatever was posted is ignored; ``next`` is kept.
    """
    next_url = get_next_redirect_url(request) or default_next
    if not next_url:
        return redirect("account_login")
    return redirect_to_login(next_url, login_url=reverse("account_login"))


def admin_login(request):
    return login_elsewhere(request, default_next=reverse("wagtailadmin_home"))


@never_cache
@login_required
@require_GET
def mfa_enrolment(request):
    """First login of an account that must have a second factor (cms.mfa): why, and how."""
    next_url = get_next_redirect_url(request) or ""
    if not mfa_enrolment_pending(request.user):
        return redirect(mfa_enrolment_finish(request, fallback=next_url))
    mfa_enrolment_start(request, next_url=next_url)
    return render(request, "mfa/enrolment.html")
