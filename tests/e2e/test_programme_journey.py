"""A visitor filters the programme, opens a session, stars it and finds it in
their agenda, in French and in Arabic; the pages have no axe violations."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations
from tests.factories import user_create

pytestmark = [pytest.mark.e2e]

PASSWORD = "a-Strong-passw0rd"
TEXTS = {
    "fr": {
        "type": "Type",
        "workshop": "Atelier",
        "filter": "Filtrer",
        "star": "Ajouter à mon agenda",
        "title": "Atelier mobilité",
        "other": "Séance inaugurale",
        "agenda": "Mon agenda",
    },
    "ar": {
        "type": "النوع",
        "workshop": "ورشة",
        "filter": "تصفية",
        "star": "أضف إلى أجندتي",
        "title": "ورشة التنقل",
        "other": "الجلسة الافتتاحية",
        "agenda": "أجندتي",
    },
}


def log_in(page, live_server, language):
    user_create(email=f"visiteur-{language}@example.org", password=PASSWORD)
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.locator("input[name=login]").fill(f"visiteur-{language}@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.form button[type=submit]").first.click()
    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/profile/")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_filter_open_star_and_find_in_agenda(page, live_server, live_programme, language):
    text = TEXTS[language]
    log_in(page, live_server, language)
    programme = live_programme["pages"]["programme"][language]

    page.goto(live_server.url + programme.url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    page.get_by_label(text["type"]).select_option("workshop")
    page.get_by_role("button", name=text["filter"]).click()

    titles = page.locator(".session-card__title")
    expect(titles).to_have_count(1)
    expect(titles).to_have_text(text["title"])
    titles.get_by_role("link").click()

    expect(page.locator("h1")).to_have_text(text["title"])
    page.get_by_role("button", name=text["star"]).click()

    page.goto(f"{live_server.url}/{language}/agenda/")
    expect(page.locator("h1")).to_have_text(text["agenda"])
    expect(page.locator(".session-card__title")).to_have_text([text["title"]])
    expect(page.get_by_text(text["other"])).to_have_count(0)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_programme_session_and_speaker_pages_have_no_axe_violations(
    page, live_server, live_programme, language
):
    programme = live_programme["pages"]["programme"][language]
    speakers = live_programme["pages"]["speakers"][language]
    urls = [
        programme.url,
        f"{programme.url}session/{live_programme['sessions']['opening'].slug}/",
        speakers.url,
        f"{speakers.url}{live_programme['speaker'].slug}/",
        f"{programme.url}archive/",
    ]
    for url in urls:
        page.goto(live_server.url + url)
        assert axe_violations(page) == [], url
