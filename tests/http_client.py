"""A small HTTP client for tests that talk to a live server from many threads.

Each Visitor keeps its own cookies (session, CSRF) like one person's browser,
and does not follow redirects, so tests see each answer as it was sent.
"""

import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from http.cookies import SimpleCookie

from django.test import Client

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Reply:
    status: int
    location: str
    body: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    def __init__(self, base_url: str, user=None):
        self.base_url = base_url.rstrip("/")
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirect)
        if user is not None:
            client = Client()
            client.force_login(user)  # mints a real session in the shared database
            self.cookies["sessionid"] = client.cookies["sessionid"].value

    def request(self, path: str, data: dict | None = None) -> Reply:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if data is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return Reply(response.status, response.headers.get("Location", ""), response.read().decode())

    def csrf_token(self, path: str) -> str:
        reply = self.request(path)
        match = CSRF_FIELD.search(reply.body)
        assert match, f"no CSRF token on {path} ({reply.status} {reply.location})"
        return match.group(1)
