"""Site-wide middleware: the anonymous page cache, the language rules and the MFA policy.

Whole-page cache for anonymous visitors.

Most visitors read without logging in; for them a page depends only on its
URL and on published content. Responses are stored under the current
content version (core.cache), which moves on whenever anything visitors
read is published or changed, so nothing stale is ever served; the timeout
only bounds how long time-dependent wording can lag.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import reverse

from cms.mfa import mfa_enrolment_pending, mfa_path_is_protected
from core.cache import content_version

TIMEOUT = 300
UNCACHED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/healthz", "/slides/")
UNCACHED_SEGMENTS = ("/accounts/", "/agenda/")
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._request_is_cacheable(request):
            return self.get_response(request)
        key = f"page:{content_version()}:{request.get_host()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._response_is_cacheable(response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _request_is_cacheable(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False
        path = request.path
        return not path.startswith(UNCACHED_PREFIXES) and not any(s in path for s in UNCACHED_SEGMENTS)

    @staticmethod
    def _response_is_cacheable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        directives = {d.strip().split("=")[0].lower() for d in response.get("Cache-Control", "").split(",")}
        return not directives & {"private", "no-cache", "no-store"}


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, minus the redirect of unprefixed 404s for URLs that have no language.

    Django answers a 404 such as /api/v1/editions/unknown/ with a redirect to
    /fr/api/v1/…, because Wagtail's catch-all under /fr/ matches any path. The
    API, the admin and the health check are not translated: their 404 stays a 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/healthz", "/stripe/", "/slides/")

    def process_response(self, request, response):
        if request.path.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class MFAEnrolmentMiddleware:
    """No admin, jury area or door for an account that must have a second factor and has none.

    The one place that enforces the policy of cms.mfa: the person is sent to
    the enrolment page, which takes them back where they were going.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MFA_REQUIRED_FOR_STAFF
            and mfa_path_is_protected(request.path)
            and mfa_enrolment_pending(request.user)
        ):
            return redirect_to_login(request.get_full_path(), login_url=reverse("mfa_enrolment"))
        return self.get_response(request)
