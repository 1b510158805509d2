"""A person signs up, verifies the address from the e-mail, logs out and comes
back with a code sent by e-mail, in a real browser against a live server."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e]

PASSWORD = "Casa-Smart-2026!"


def last_mail_matching(mailoutbox, pattern: str) -> str:
    for message in reversed(mailoutbox):
        found = re.search(pattern, message.body, re.M)
        if found:
            return found.group(1)
    raise AssertionError(f"no e-mail matches {pattern!r}: {[m.subject for m in mailoutbox]}")


def test_sign_up_verify_log_out_and_log_in_by_code(page, live_server, live_site, mailoutbox):
    page.goto(f"{live_server.url}/fr/")
    page.get_by_role("link", name="S’inscrire").first.click()
    expect(page).to_have_url(f"{live_server.url}/fr/accounts/signup/")

    page.locator("input[name=email]").fill("leila@example.org")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/accounts/confirm-email/")

    confirmation = last_mail_matching(mailoutbox, r"(https?://\S+/confirm-email/\S+)")
    page.goto(confirmation)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/accounts/profile/")
    expect(page.locator("h1")).to_have_text("Mon compte")
    expect(page.locator("main")).to_contain_text("leila@example.org")

    page.get_by_role("link", name="Se déconnecter").click()
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(
        page.get_by_role("navigation", name="Compte").get_by_role("link", name="Se connecter")
    ).to_be_visible()

    page.goto(f"{live_server.url}/fr/accounts/login/")
    page.locator('a[href="/fr/accounts/login/code/"]').click()
    page.locator("input[name=email]").fill("leila@example.org")
    page.locator("form.form button[type=submit]").click()
    code = last_mail_matching(mailoutbox, r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$")
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name="Confirmer").click()

    expect(page).to_have_url(f"{live_server.url}/fr/accounts/profile/")
    expect(page.locator("main")).to_contain_text("leila@example.org")
