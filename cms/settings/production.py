"""Production: every secret comes from the environment; HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of at least 50 characters.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names.")
# Card payments: the development placeholders would let anyone sign a webhook.
for name, placeholder in (
    ("STRIPE_SECRET_KEY", "sk_test_local"),
    ("STRIPE_PUBLISHABLE_KEY", "pk_test_local"),
    ("STRIPE_WEBHOOK_SECRET", "whsec_local"),
):
    if os.environ.get(name, "") in ("", placeholder):
        raise ImproperlyConfigured(f"{name} must be set to the Stripe account's own value.")
# Without an SMTP server base.py prints mail on the console: nobody could
# confirm an address, log in by code or reset a password.
if not os.environ.get("EMAIL_HOST", "").strip():
    raise ImproperlyConfigured(
        "EMAIL_HOST must name the SMTP server: without it e-mail would only be printed on the console."
    )
# Staff, jurors and door staff cannot reach their areas without a second factor;
# only an explicit "false" turns that off, never an empty or mistyped value.
mfa_switch = os.environ.get("MFA_REQUIRED_FOR_STAFF", "").strip().lower()
MFA_REQUIRED_FOR_STAFF = mfa_switch not in {"0", "false", "no", "off"}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# The cache holds allauth's rate-limit counters, so every gunicorn worker (and
# every app server) must share it: the database by default, Redis when
# REDIS_URL is set.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        "wagtail": {"level": "WARNING"},
    },
}
