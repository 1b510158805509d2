"""The paid journey in a real browser against localstripe: register, pay with the
test card (after a declined one), get confirmed and receive the e-mail, in
French, Arabic and English; localstripe's signed webhook then arrives and changes
nothing. The registration pages have no axe violations."""

import time

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Registration, RegistrationStatus, StripeEvent
from tests.e2e.conftest import axe_violations
from tests.factories import session_create, ticket_type_create, user_create

pytest_plugins = ["tests.localstripe_harness"]
pytestmark = [pytest.mark.e2e]

PASSWORD = "a-Strong-passw0rd"
WEBHOOK_SECRET = "whsec_e2e_secret"
TEXTS = {
    "fr": {
        "ticket": "Pass sur place",
        "declined": "Le paiement n’a pas abouti",
        "confirmed": "Confirmée",
        "subject": "Votre inscription à {edition} est confirmée",
        "book": "Réserver une place",
        "booked": "Place réservée",
    },
    "en": {
        "ticket": "In-person pass",
        "declined": "The payment did not go through",
        "confirmed": "Confirmed",
        "subject": "Your registration for {edition} is confirmed",
        "book": "Book a seat",
        "booked": "Booked",
    },
    "ar": {
        "ticket": "تذكرة حضورية",
        "declined": "لم تتم عملية الدفع",
        "confirmed": "مؤكد",
        "subject": "تم تأكيد تسجيلك في {edition}",
        "book": "احجز مقعدًا",
        "booked": "محجوز",
    },
}


@pytest.fixture
def stripe_settings(settings, localstripe_clean, live_server, immediate_tasks):
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_local"
    settings.STRIPE_API_BASE = localstripe_clean.base_url
    settings.STRIPE_JS_URL = localstripe_clean.js_url
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    localstripe_clean.webhook_register(f"{live_server.url}/stripe/webhook/", WEBHOOK_SECRET)
    return localstripe_clean


def log_in(page, live_server, language):
    email = f"participante-{language}@example.org"
    user_create(email=email, password=PASSWORD)
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.form button[type=submit]").first.click()
    expect(page).to_have_url(f"{live_server.url}/{language}/accounts/profile/")
    return email


def pay_with(page, number):
    card = page.locator("#card-element")
    card.get_by_placeholder("number").fill(number)
    card.get_by_placeholder("exp_month").fill("12")
    card.get_by_placeholder("exp_year").fill("34")
    card.get_by_placeholder("cvc").fill("123")
    card.get_by_placeholder("postal_code").fill("20000")
    page.locator("#pay-button").click()


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_register_pay_by_card_and_get_confirmed(page, live_server, live_site, stripe_settings, language):
    from events.models import Edition

    texts = TEXTS[language]
    edition = Edition.objects.get(is_current=True)
    ticket = ticket_type_create(
        edition,
        name_fr="Pass sur place",
        name_ar="تذكرة حضورية",
        name_en="In-person pass",
        price=150000,
        quota=50,
    )
    session_create(
        edition,
        kind="workshop",
        capacity=20,
        title_fr="Atelier jumeau numérique",
        title_ar="ورشة التوأم الرقمي",
    )
    email = log_in(page, live_server, language)

    page.goto(f"{live_server.url}/{language}/register/")
    assert axe_violations(page) == []
    page.locator(f"#ticket-{ticket.pk}").check()
    page.locator("input[name=first_name]").fill("Salma")
    page.locator("input[name=last_name]").fill("Idrissi")
    page.locator("input[name=name_ar]").fill("سلمى الإدريسي")
    page.locator("input[name=city]").fill("Casablanca")
    page.locator("input[name=phone]").fill("+212 6 12 34 56 78")
    page.locator("input[name=consent]").check()
    page.locator(".registration-form > .form__actions button[type=submit]").click()

    registration = Registration.objects.get(user__email=email)
    expect(page).to_have_url(f"{live_server.url}/{language}/register/pay/{registration.reference}/")
    assert axe_violations(page) == []
    pay_with(page, "4000000000000341")  # declined: the page says so and the seat stays held
    expect(page.locator("#payment-message")).to_contain_text(texts["declined"])
    pay_with(page, "4242424242424242")

    expect(page).to_have_url(f"{live_server.url}/{language}/register/me/")
    expect(page.locator("#status-heading")).to_contain_text(texts["confirmed"])
    assert axe_violations(page) == []
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.language == language
    subjects = [message.subject for message in mail.outbox if message.to == [email]]
    assert texts["subject"].format(edition=getattr(edition, f"title_{language}")) in subjects

    # Workshops open once confirmed.
    page.get_by_role("button", name=texts["book"]).first.click()
    expect(page.locator(".workshop").first).to_contain_text(texts["booked"])

    # localstripe's own webhook arrives about a second later: verified, recorded, a no-op.
    deadline = time.monotonic() + 10
    while not StripeEvent.objects.filter(type="payment_intent.succeeded").exists():
        assert time.monotonic() < deadline, "localstripe's webhook did not arrive"
        time.sleep(0.2)
    assert registration.log.filter(action="paid").count() == 1
