"""Cache keys that change whenever what they describe changes.

Rather than deleting cached pages and exports one by one, each key embeds a
version number; changing the programme (or any published content) bumps the
version, so every stale entry simply stops being read and expires on its own.
"""

import time

from django.core.cache import cache

CONTENT_VERSION_KEY = "content-version"
PROGRAMME_VERSION_KEY = "programme-version:{edition_id}"
TIMEOUT = 60 * 60 * 24


def _fresh() -> int:
    # A version that no earlier (possibly evicted) counter can have reached.
    return time.time_ns() // 1000


def _version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, _fresh(), TIMEOUT)
        version = cache.get(key)
    return version


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # never read, or evicted
        cache.set(key, _fresh(), TIMEOUT)


def content_version() -> int:
    """Changes whenever anything visitors can read changes."""
    return _version(CONTENT_VERSION_KEY)


def programme_version(edition_id: int) -> int:
    return _version(PROGRAMME_VERSION_KEY.format(edition_id=edition_id))


def programme_changed(edition_id: int | None = None) -> None:
    if edition_id is not None:
        _bump(PROGRAMME_VERSION_KEY.format(edition_id=edition_id))
    _bump(CONTENT_VERSION_KEY)


def content_changed() -> None:
    _bump(CONTENT_VERSION_KEY)
