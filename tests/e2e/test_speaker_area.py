"""A speaker confirms a session from their area, in French, Arabic and English;
the page has no axe violations."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from events.models import Edition, Registration
from tests.e2e.conftest import axe_violations
from tests.factories import session_create, speaker_create, ticket_type_create, user_create

pytestmark = [pytest.mark.e2e]

CONFIRM = {"fr": "Oui, je confirme", "ar": "نعم، أؤكد", "en": "Yes, I confirm"}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_speaker_confirms_a_session(page, live_server, live_site, language):
    edition = Edition.objects.get(is_current=True)
    user = user_create(email=f"speaker-{language}@example.org")
    speaker = speaker_create(name="Nadia El Fassi", user=user)
    session_create(
        edition, speakers=[speaker], title_fr="Panel données", title_ar="ندوة البيانات", title_en="Data panel"
    )
    ticket_type_create(edition, name_fr="Intervenant", role="speaker", voucher_only=True, price=0)
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    page.goto(f"{live_server.url}/{language}/speaker/")
    assert axe_violations(page) == []
    page.get_by_label(CONFIRM[language]).check()
    page.locator(".speaker-area form button[type=submit]").first.click()

    expect(page.locator(".messages")).to_be_visible()
    assert axe_violations(page) == []
    assert Registration.objects.get(user=user).ticket_type.role == "speaker"
