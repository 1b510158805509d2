"""Video links: one of the hosts juries can open without an account, normalised to https."""

import re
from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext as _

from core.errors import UserError

_ID = r"[A-Za-z0-9_-]+"
# host -> list of path patterns; a match is a link to one video, not a channel or a search.
PATTERNS = {
    "youtube.com": [r"^/watch$", rf"^/shorts/{_ID}/?$", rf"^/embed/{_ID}/?$", rf"^/live/{_ID}/?$"],
    "youtu.be": [rf"^/{_ID}/?$"],
    "vimeo.com": [r"^/\d+(/[0-9a-f]+)?/?$"],
    "player.vimeo.com": [r"^/video/\d+/?$"],
    "dailymotion.com": [rf"^/video/{_ID}/?$"],
    "dai.ly": [rf"^/{_ID}/?$"],
    "loom.com": [rf"^/share/{_ID}/?$"],
    "drive.google.com": [rf"^/file/d/{_ID}(/view|/preview)?/?$"],
}
HOSTS_SHOWN = "YouTube, Vimeo, Dailymotion, Loom, Google Drive"


class VideoError(UserError):
    pass


def video_url_check(value: str) -> str:
    """The link as stored, or a VideoError saying which links are accepted."""
    value = (value or "").strip()
    if not value:
        return ""
    refusal = VideoError(
        _("Give the link to one video on %(hosts)s, starting with https://.") % {"hosts": HOSTS_SHOWN}
    )
    if len(value) > 300 or any(char.isspace() for char in value):
        raise refusal
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:  # e.g. a port out of range
        raise refusal from error
    if parts.scheme not in ("https", "http") or parts.username or parts.password or port is not None:
        raise refusal
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    patterns = PATTERNS.get(host)
    if not patterns or not any(re.match(pattern, parts.path) for pattern in patterns):
        raise refusal
    if host == "youtube.com" and parts.path == "/watch":
        ids = parse_qs(parts.query).get("v", [])
        if len(ids) != 1 or not re.fullmatch(_ID, ids[0]):
            raise refusal
    return parts._replace(scheme="https", fragment="").geturl()
