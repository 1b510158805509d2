"""Content-Security-Policy: the site's strict policy (settings.SECURE_CSP), the admin's, a page's additions.

The site's pages load scripts, styles, fonts and images from this origin only,
with no inline script, style or handler (there are none in the templates), so
no nonce is needed and a page served from the anonymous page cache carries the
same policy as a fresh one. Wagtail's admin needs inline scripts and styles; it
gets a policy of its own. A page that embeds a third party (the card form)
adds that party's origins to the site policy for its own response.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.csp import CSP

# The site's policy is settings.SECURE_CSP; what Wagtail's admin needs on top of it: its inline
# scripts and styles, previews framed by the admin itself, images it draws in the browser.
ADMIN_ADDITIONS = {
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}


def admin_policy() -> dict:
    return {**settings.SECURE_CSP, **ADMIN_ADDITIONS}


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def policy_with(**extra: list[str]) -> dict:
    """The site policy with more sources for some directives, e.g. ``script_src=[...]``."""
    policy = {key: list(values) for key, values in settings.SECURE_CSP.items()}
    for directive, sources in extra.items():
        key = directive.replace("_", "-")
        policy[key] = [source for source in policy[key] if source != CSP.NONE] + sources
    return policy


def card_payment_policy() -> dict:
    """The payment page: Stripe.js, its frames and its API (or the local fake in tests and demos)."""
    js, api = origin(settings.STRIPE_JS_URL), origin(settings.STRIPE_API_BASE)
    frames = [js, "https://hooks.stripe.com"] if js == "https://js.stripe.com" else [js]  # 3-D Secure
    return policy_with(script_src=[js], frame_src=frames, connect_src=[api, js])


class AdminPolicyMiddleware:
    """Gives the admin's responses the admin's policy; sits below Django's CSP middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("wagtailadmin_home")) and not hasattr(response, "_csp_config"):
            response._csp_config = admin_policy()
        return response
