"""Who must have a second factor before reaching the back-office areas.

allauth asks for the second factor of whoever has one, but it cannot require
one. With ``MFA_REQUIRED_FOR_STAFF`` on, the people who can see other people's
personal data (staff and superusers in the Wagtail admin, jurors in the jury
area, door staff at the door) are sent to enrol before they reach those areas;
everyone else is left alone. The middleware (cms.middleware), the login
redirect (cms.adapters) and the enrolment page (cms.views) all ask here.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from judging.models import Juror

# The kinds allauth asks for at login (allauth.mfa.stages.AuthenticateStage).
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
DOOR_PERMISSION = "events.add_checkin"
NEXT_SESSION_KEY = "cms_mfa_enrolment_next"


def mfa_policy_applies(user) -> bool:
    """True for an account that must have a second factor, while the policy is on."""
    if not settings.MFA_REQUIRED_FOR_STAFF or not user.is_authenticated:
        return False
    return (
        user.is_staff
        or user.is_superuser
        or user.has_perm(DOOR_PERMISSION)
        or Juror.objects.filter(user=user).exists()
    )


def mfa_enrolment_pending(user) -> bool:
    # The cheap question first: most accounts under the policy have enrolled long ago.
    if not settings.MFA_REQUIRED_FOR_STAFF or not user.is_authenticated:
        return False
    return not is_mfa_enabled(user, SECOND_FACTORS) and mfa_policy_applies(user)


def mfa_protected_prefixes() -> tuple[str, ...]:
    """The start of every URL of the admin, the jury area and the door, in every language."""
    prefixes = [reverse("wagtailadmin_home")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes += [reverse("jury:home"), reverse("door:door")]
    return tuple(prefixes)


def mfa_path_is_protected(path: str) -> bool:
    # Logging out must stay possible for someone who will not enrol now.
    return path.startswith(mfa_protected_prefixes()) and path != reverse("wagtailadmin_logout")


def mfa_enrolment_start(request, *, next_url: str) -> None:
    """Remember where the person was going, to take them there once enrolled."""
    if next_url or NEXT_SESSION_KEY not in request.session:
        request.session[NEXT_SESSION_KEY] = next_url


def mfa_enrolment_in_progress(request) -> bool:
    return NEXT_SESSION_KEY in request.session


def mfa_enrolment_finish(request, *, fallback: str = "") -> str:
    """Where to go once enrolled: where the person was going, or their account page."""
    return request.session.pop(NEXT_SESSION_KEY, "") or fallback or reverse("account_profile")
