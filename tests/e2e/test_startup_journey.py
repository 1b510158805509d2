"""A new startup signs up, creates its profile, saves a draft, uploads its deck, submits
and sees its status, in French and in Arabic; the challenge pages have no axe violations."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from events.models import Edition
from startups.models import Submission, SubmissionStatus
from tests.e2e.conftest import axe_violations
from tests.e2e.test_account_journey import last_mail_matching
from tests.factories import challenge_pages_create
from tests.startups.factories import challenge_create, pdf_bytes, startup_create

pytestmark = [pytest.mark.e2e]

PASSWORD = "Casa-Smart-2026!"
STATUS = {"fr": "Soumise", "ar": "مُقدَّمة", "en": "Submitted"}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_new_startup_submits_its_entry(
    page, live_server, live_site, mailoutbox, immediate_tasks, tmp_path, language
):
    challenge = challenge_create(Edition.objects.get(is_current=True))
    deck = tmp_path / "pitch-darb.pdf"
    deck.write_bytes(pdf_bytes(6))
    email = f"karim-{language}@darb.example.org"

    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.goto(last_mail_matching(mailoutbox, r"(https?://\S+/confirm-email/\S+)"))
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/profile/$"))

    page.goto(f"{live_server.url}/{language}/startup/")
    page.locator(f"a[href='/{language}/startup/profile/']").first.click()
    page.locator("input[name=name]").fill("Darb Mobility")
    page.locator("input[name=founded_year]").fill("2023")
    page.locator("select[name=stage]").select_option("prototype")
    page.locator("select[name=sector]").select_option("mobility")
    page.locator("input[name=city]").fill("Casablanca")
    page.locator("textarea[name=description]").fill("Un billet unique pour le tramway, le busway et les bus.")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert axe_violations(page) == []

    page.locator(f"a[href='/{language}/startup/entry/{challenge.pk}/']").click()
    page.locator("select[name=theme]").select_option(label={"fr": "Mobilité", "ar": "التنقل"}[language])
    page.locator("input[name=title]").fill("Un trajet, un billet")
    page.locator("textarea[name=problem]").fill("Les correspondances sont longues et chères.")
    page.locator("button[value=save]").click()
    expect(page.locator(".messages")).to_be_visible()
    entry = Submission.objects.get(startup__name="Darb Mobility", challenge=challenge)
    assert entry.status == SubmissionStatus.DRAFT and entry.title == "Un trajet, un billet"
    assert axe_violations(page) == []

    for name, text in {
        "solution": "Un calcul d’itinéraire et un paiement unique.",
        "target_users": "Les usagers et l’autorité des transports.",
        "impact": "Vingt minutes gagnées par trajet.",
        "traction": "Un pilote de trois mois.",
        "business_model": "Commission par billet.",
        "team": "Trois ingénieurs en transport.",
    }.items():
        page.locator(f"textarea[name={name}]").fill(text)
    page.locator("input[name=deck_upload]").set_input_files(str(deck))
    page.locator("input[name=accept_rules]").check()
    page.locator("button[value=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/{language}/startup/")
    expect(page.locator(".entry-status")).to_contain_text(STATUS[language])
    entry.refresh_from_db()
    assert (entry.status, entry.deck_pages, entry.deck_filename) == (
        SubmissionStatus.SUBMITTED,
        6,
        "pitch-darb.pdf",
    )
    assert any(email in message.to for message in mailoutbox if "Un trajet, un billet" in message.subject)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_challenge_pages_have_no_axe_violations(page, live_server, live_site, language):
    challenge = challenge_create(Edition.objects.get(is_current=True))
    pages = challenge_pages_create(live_site)
    startup = startup_create(name="Nour Grid")
    client = Client()
    client.force_login(startup.members.get().user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    page.goto(f"{live_server.url}{pages[language].url}")
    assert axe_violations(page) == []
    for path in (
        "/startup/",
        "/startup/profile/",
        f"/startup/entry/{challenge.pk}/",
        f"/startup/entry/{challenge.pk}/withdraw/",
    ):
        page.goto(f"{live_server.url}/{language}{path}")
        assert axe_violations(page) == [], path
