"""The site's Content-Security-Policy holds in a real browser: an injected inline script does not run,
on a fresh page as on one served from the page cache."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

INJECT = """() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.appendChild(script);
    return window.injected === true;
}"""


def test_an_injected_inline_script_is_refused_on_fresh_and_cached_pages(browser, live_server, live_site):
    page = browser.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    for attempt in ("miss", "hit"):
        response = page.goto(f"{live_server.url}/fr/")
        assert response.headers["x-page-cache"] == attempt
        assert "script-src 'self'" in response.headers["content-security-policy"], attempt
        assert response.headers["x-frame-options"] == "DENY", attempt
        assert page.evaluate(INJECT) is False, attempt
    assert sum("Content Security Policy" in text for text in refused) == 2
    page.close()
