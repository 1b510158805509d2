import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# The variables README.md documents for production.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-like-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "casablancasmartcity.ma",
    "DATABASE_URL": "postgres://app@127.0.0.1:5432/casablanca",
    "EMAIL_HOST": "smtp.example.org",
    "SITE_URL": "https://casablancasmartcity.ma",
    "STRIPE_SECRET_KEY": "sk_live_example",
    "STRIPE_PUBLISHABLE_KEY": "pk_live_example",
    "STRIPE_WEBHOOK_SECRET": "whsec_example_signing_secret",
}


def manage(*args, env):
    # The browser tests' async escape hatch must never reach a deployment.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.integration
def test_production_settings_pass_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.integration
@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "STRIPE_SECRET_KEY",
        "STRIPE_PUBLISHABLE_KEY",
        "STRIPE_WEBHOOK_SECRET",
        "EMAIL_HOST",
    ],
)
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {**PRODUCTION_ENV, missing: ""}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.integration
def test_production_refuses_to_send_mail_to_the_console():
    env = {**PRODUCTION_ENV, "EMAIL_HOST": "  "}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert (
        "django.core.exceptions.ImproperlyConfigured: EMAIL_HOST must name the SMTP server" in result.stderr
    )


def setting_in(module: str, name: str, env: dict) -> str:
    result = manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        env={**env, "DJANGO_SETTINGS_MODULE": module},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.integration
def test_mfa_is_required_of_staff_in_production_and_optional_elsewhere():
    unset = {"MFA_REQUIRED_FOR_STAFF": ""}

    assert (
        setting_in("cms.settings.production", "MFA_REQUIRED_FOR_STAFF", {**PRODUCTION_ENV, **unset}) == "True"
    )
    mistyped = {**PRODUCTION_ENV, "MFA_REQUIRED_FOR_STAFF": "fasle"}
    assert setting_in("cms.settings.production", "MFA_REQUIRED_FOR_STAFF", mistyped) == "True"
    assert setting_in("cms.settings.dev", "MFA_REQUIRED_FOR_STAFF", unset) == "False"
    assert (
        setting_in("cms.settings.test", "MFA_REQUIRED_FOR_STAFF", {"MFA_REQUIRED_FOR_STAFF": "true"})
        == "False"
    )
    # Each environment can still turn it on or off.
    assert (
        setting_in("cms.settings.dev", "MFA_REQUIRED_FOR_STAFF", {"MFA_REQUIRED_FOR_STAFF": "true"}) == "True"
    )
    off = {**PRODUCTION_ENV, "MFA_REQUIRED_FOR_STAFF": "false"}
    assert setting_in("cms.settings.production", "MFA_REQUIRED_FOR_STAFF", off) == "False"
