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
    for path in ("/speaker/profile/", f"/speaker/sessions/{speaker.appearances.get().pk}/edit/"):
        page.goto(f"{live_server.url}/{language}{path}")
        assert axe_violations(page) == [], path


ACCEPT = {
    "fr": "Accepter : ce profil est le mien",
    "ar": "قبول: هذا الملف ملفي",
    "en": "Accept: this profile is mine",
}


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_an_invited_speaker_reads_what_they_accept_then_accepts(page, live_server, live_site, language):
    from events.models import Speaker, SpeakerInvitation

    edition = Edition.objects.get(is_current=True)
    speaker = speaker_create(name="Amadou Diop", name_ar="أمادو ديوب")
    session_create(
        edition,
        speakers=[speaker],
        title_fr="Villes africaines",
        title_ar="المدن الإفريقية",
        title_en="African cities",
    )
    invitation = SpeakerInvitation.objects.create(
        speaker=speaker,
        email=f"amadou-{language}@example.org",
        language=language,
        token=f"invitation-{language}",
    )
    user = user_create(email=f"Amadou-{language}@example.org")
    log_in_as(page.context, live_server, user)

    page.goto(f"{live_server.url}/{language}/speaker/invitation/{invitation.token}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator("main")).to_contain_text(
        {"fr": "Villes africaines", "ar": "المدن الإفريقية", "en": "African cities"}[language]
    )
    assert axe_violations(page) == []
    assert Speaker.objects.get(pk=speaker.pk).user is None  # opening the link changed nothing
    page.get_by_role("button", name=ACCEPT[language]).click()

    expect(page).to_have_url(f"{live_server.url}/{language}/speaker/")
    expect(page.locator(".messages")).to_be_visible()
    assert Speaker.objects.get(pk=speaker.pk).user == user


def log_in_as(context, live_server, user):
    context.clear_cookies()
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_speaker_edits_an_abstract_an_organiser_approves_it_and_it_goes_public(
    page, live_server, live_programme
):
    from events.models import SessionSpeaker

    speaker = live_programme["speaker"]
    speaker.user = user_create(email="amina@example.org")
    speaker.save()
    appearance = SessionSpeaker.objects.get(speaker=speaker, session=live_programme["sessions"]["opening"])
    new_abstract = "Ouverture officielle, avec la maire de Casablanca et les partenaires."

    log_in_as(page.context, live_server, speaker.user)
    page.goto(f"{live_server.url}/fr/speaker/")
    page.get_by_role("link", name="Proposer des modifications du titre et du résumé").first.click()
    page.get_by_label("résumé (français)", exact=False).fill(new_abstract)
    page.get_by_role("button", name="Envoyer aux organisateurs").click()
    expect(page.locator(".messages")).to_be_visible()

    session_url = (
        f"{live_server.url}{live_programme['pages']['programme']['fr'].url}session/{appearance.session.slug}/"
    )
    page.goto(session_url)
    expect(page.locator("main")).not_to_contain_text(new_abstract)

    log_in_as(
        page.context, live_server, user_create(email="orga@example.org", is_staff=True, is_superuser=True)
    )
    page.goto(f"{live_server.url}/admin/proposals/")
    page.locator("main table a").first.click()  # the pending proposal
    expect(page.locator("main")).to_contain_text(new_abstract)
    page.locator("input[name=decision][value=approve]").check()
    page.locator("main form button[type=submit]").click()

    page.goto(session_url)
    expect(page.locator("main")).to_contain_text(new_abstract)
