"""axe-core finds no WCAG 2.x A/AA violation on the main pages, in the three languages."""

import pytest

from tests.e2e.conftest import axe_violations

pytestmark = [pytest.mark.e2e]

PAGES = {
    "home": lambda tree, code: tree.home[code].url,
    "content page": lambda tree, code: tree.about[code].url,
    "news": lambda tree, code: tree.news_index[code].url,
    "sign-up": lambda tree, code: f"/{code}/accounts/signup/",
    "log-in": lambda tree, code: f"/{code}/accounts/login/",
    "log-in by code": lambda tree, code: f"/{code}/accounts/login/code/",
}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(page, live_server, live_site, name, language):
    page.goto(live_server.url + PAGES[name](live_site, language))

    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []


def test_no_axe_violations_on_a_small_screen_in_arabic(page, live_server, live_site):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + live_site.home["ar"].url)

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert axe_violations(page) == []
