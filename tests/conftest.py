import os
import shutil

import pytest
from django.core.cache import cache

from tests.factories import edition_create, programme_pages_create, site_tree_create

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a rolled-back test must not leak them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def edition(db):
    return edition_create(is_current=True)


@pytest.fixture
def site_tree(db, edition):
    return site_tree_create()


@pytest.fixture
def programme_pages(site_tree):
    return programme_pages_create(site_tree)


# Browser tests: Debian's Chromium, never a downloaded browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }
