"""An organiser without a second factor, with the policy on, goes to the admin: allauth's
login, then the enrolment page, the authenticator app set up, and on to the admin."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations
from tests.factories import user_create

pytestmark = [pytest.mark.e2e]

PASSWORD = "Casa-Smart-2026!"
TEXTS = {
    "fr": {
        "title": "Protégez votre compte par un second facteur",
        "set_up": "Configurer l’application d’authentification",
        "confirm": "Confirmer",
        "continue": "Continuer",
    },
    "ar": {
        "title": "احمِ حسابك بعامل تحقق ثانٍ",
        "set_up": "إعداد تطبيق المصادقة",
        "confirm": "تأكيد",
        "continue": "متابعة",
    },
}


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_an_organiser_sets_up_the_second_factor_before_the_admin(
    page, live_server, live_site, settings, language
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    text = TEXTS[language]
    organiser = user_create(
        email=f"orga-{language}@example.org", password=PASSWORD, is_staff=True, is_superuser=True
    )
    # The admin's URLs carry no language: the browser's decides, as for a real Arabic reader.
    page.set_extra_http_headers({"Accept-Language": language})

    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/login/?next=/admin/")
    page.locator("input[name=login]").fill(organiser.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.form button[type=submit]").first.click()

    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/2fa/required/?next=/admin/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator("h1")).to_have_text(text["title"])
    assert axe_violations(page) == []

    page.get_by_role("link", name=text["set_up"]).click()
    # allauth asks for the password again before the second factor changes.
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name=text["confirm"]).click()
    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/2fa/totp/activate/")
    assert axe_violations(page) == []
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(current_code(secret))
    page.locator("form.form button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/2fa/recovery-codes/")
    assert Authenticator.objects.filter(user=organiser, type=Authenticator.Type.TOTP).count() == 1
    assert axe_violations(page) == []
    page.get_by_role("link", name=text["continue"]).click()

    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.locator("#wagtail")).to_be_attached()
