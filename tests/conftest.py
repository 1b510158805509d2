import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.servers.basehttp import WSGIServer
from django.utils import translation

from tests.factories import edition_create, programme_pages_create, site_tree_create

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a rolled-back test must not leak them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to /en/… leaves English active in the thread; each test starts in French."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def edition(db):
    return edition_create(is_current=True)


@pytest.fixture
def site_tree(db, edition):
    return site_tree_create()


@pytest.fixture
def organiser_client(db):
    """A test client logged in as an organiser (a superuser, like the demo's)."""
    from django.test import Client

    from tests.factories import user_create

    client = Client()
    client.force_login(user_create(email="orga@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def programme_pages(site_tree):
    return programme_pages_create(site_tree)


# The live server's listen backlog is 10 connections; race tests open dozens at
# the same instant, which real servers (gunicorn: 2048) take in their stride.
WSGIServer.request_queue_size = 128

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


@pytest.fixture
def immediate_tasks(settings):
    """Run enqueued tasks at once (production queues them for `db_worker`)."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
