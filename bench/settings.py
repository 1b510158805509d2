"""Production-like settings for the benchmarks: DEBUG off, collected static files
served by WhiteNoise, persistent connections, plus one trivial view to compare
every page against."""

import os

from cms.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
