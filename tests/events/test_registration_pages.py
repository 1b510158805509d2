"""The registration pages: form, payment page and return, my registration, cancel, workshops."""

import re
from types import SimpleNamespace

import pytest
from django.core import mail

from events.models import OfferStatus, Payment, Registration, RegistrationStatus, WorkshopBooking
from tests.factories import (
    attendee,
    registration_confirmed,
    session_create,
    ticket_type_create,
    user_create,
    voucher_create,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FORM = {
    "first_name": "Salma",
    "last_name": "Idrissi",
    "name_ar": "سلمى الإدريسي",
    "organisation": "Université Hassan II",
    "job_title": "Chercheuse",
    "country": "MA",
    "city": "Casablanca",
    "phone": "+212 6 12 34 56 78",
    "needs_wheelchair_access": "on",
    "consent": "on",
}


@pytest.fixture
def person(client, site_tree):
    user = user_create(email="salma@example.org")
    client.force_login(user)
    return user


@pytest.fixture
def fake_stripe(monkeypatch):
    """Stripe's answers for page tests; the real flow runs against localstripe in the browser tests."""
    intents = {}

    def intent_create(*, amount, currency, reference, email, idempotency_key):
        intent = SimpleNamespace(
            id=f"pi_{len(intents) + 1}",
            client_secret=f"pi_{len(intents) + 1}_secret_x",
            amount=amount,
            amount_received=0,
            status="requires_payment_method",
            key=idempotency_key,
        )
        intents[intent.id] = intent
        return intent

    monkeypatch.setattr("events.registration.payments.intent_create", intent_create)
    monkeypatch.setattr("events.registration.payments.intent_retrieve", lambda intent_id: intents[intent_id])
    return intents


def test_anonymous_visitors_are_asked_to_log_in(client, site_tree):
    response = client.get("/fr/register/")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=/fr/register/")


def test_the_form_lists_public_tickets_with_prices_and_hides_voucher_tickets(client, person, edition):
    ticket_type_create(edition, name_fr="Pass sur place", price=150000)
    ticket_type_create(edition, name_fr="Pass intervenant", voucher_only=True, price=0)

    content = client.get("/fr/register/").content.decode()

    assert "Pass sur place" in content
    assert "1\u202f500,00\xa0MAD" in content
    assert "Pass intervenant" not in content
    assert 'name="consent"' in content and "09-08" in content


def test_a_voucher_code_reveals_its_ticket(client, person, edition):
    speakers = ticket_type_create(edition, name_fr="Pass intervenant", voucher_only=True, price=0)
    voucher_create(ticket_types=[speakers], code="SPEAK26")

    assert "Pass intervenant" in client.get("/fr/register/?voucher=speak26").content.decode()


def test_field_errors_are_shown_and_nothing_is_created(client, person, edition):
    ticket = ticket_type_create(edition, price=0)

    response = client.post("/en/register/", {**FORM, "ticket_type": ticket.pk, "phone": "abc", "consent": ""})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter a phone number with its country code" in content
    assert "We cannot register you without your consent" in content
    assert 'aria-invalid="true"' in content
    assert not Registration.objects.exists()


def test_a_free_ticket_confirms_and_mails_the_confirmation_with_the_edition_calendar(
    client, person, edition, django_capture_on_commit_callbacks, immediate_tasks
):
    ticket = ticket_type_create(edition, mode="online", price=0, name_fr="Pass en ligne")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/register/", {**FORM, "ticket_type": ticket.pk})

    assert response.status_code == 302 and response["Location"] == "/fr/register/me/"
    registration = Registration.objects.get(user=person)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.name_ar, registration.country, registration.needs_wheelchair_access) == (
        "سلمى الإدريسي",
        "MA",
        True,
    )
    assert registration.language == "fr"
    [message] = mail.outbox
    assert message.to == ["salma@example.org"]
    assert registration.reference in message.body
    [(filename, calendar, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{edition.slug}.ics", "text/calendar")
    assert "DTSTART;VALUE=DATE:" + edition.start_date.strftime("%Y%m%d") in calendar
    page = client.get("/fr/register/me/").content.decode()
    assert registration.reference in page


def test_a_paid_ticket_holds_the_seat_and_the_payment_page_reuses_one_intent(
    client, person, edition, fake_stripe
):
    ticket = ticket_type_create(edition, price=150000, quota=10)

    response = client.post("/fr/register/", {**FORM, "ticket_type": ticket.pk, "payment_method": "card"})

    registration = Registration.objects.get(user=person)
    assert registration.status == RegistrationStatus.HELD
    assert response["Location"] == f"/fr/register/pay/{registration.reference}/"
    first = client.get(response["Location"]).content.decode()
    second = client.get(response["Location"]).content.decode()
    assert 'data-client-secret="pi_1_secret_x"' in first and 'data-client-secret="pi_1_secret_x"' in second
    assert len(fake_stripe) == 1
    assert fake_stripe["pi_1"].key == f"registration-{registration.reference}-150000"
    assert Payment.objects.get().intent_id == "pi_1"


def test_the_return_page_confirms_by_reading_the_intent(
    client, person, edition, fake_stripe, django_capture_on_commit_callbacks, immediate_tasks
):
    ticket = ticket_type_create(edition, price=150000)
    client.post("/fr/register/", {**FORM, "ticket_type": ticket.pk})
    registration = Registration.objects.get(user=person)
    client.get(f"/fr/register/pay/{registration.reference}/")
    fake_stripe["pi_1"].status, fake_stripe["pi_1"].amount_received = "succeeded", 150000

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(f"/fr/register/pay/{registration.reference}/done/")
        client.get(f"/fr/register/pay/{registration.reference}/done/")  # reloaded: a no-op

    registration.refresh_from_db()
    assert response["Location"] == "/fr/register/me/"
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.log.filter(action="paid").count() == 1
    assert sorted(m.subject for m in mail.outbox) == sorted(
        [
            f"Reçu de paiement {registration.reference}",
            f"Votre inscription à {edition.title_fr} est confirmée",
        ]
    )
    receipt = client.get(f"/fr/register/receipt/{registration.reference}/").content.decode()
    assert "1\u202f500,00\xa0MAD" in receipt


def test_bank_transfer_shows_the_bank_details_and_reference(client, person, edition):
    ticket = ticket_type_create(edition, price=150000)

    client.post("/en/register/", {**FORM, "ticket_type": ticket.pk, "payment_method": "transfer"})

    registration = Registration.objects.get(user=person)
    assert registration.status == RegistrationStatus.AWAITING_TRANSFER
    page = client.get("/en/register/me/").content.decode()
    assert "RIB 011 780" in page and registration.reference in page


def test_a_second_registration_redirects_to_mine(client, person, edition):
    registration_confirmed(edition, user=person)

    assert client.get("/fr/register/")["Location"] == "/fr/register/me/"


def test_sold_out_offers_the_waiting_list(client, person, edition):
    ticket = ticket_type_create(edition, price=0, quota=1, name_fr="Pass sur place")
    registration_confirmed(edition, ticket_type=ticket)

    page = client.get("/en/register/").content.decode()
    assert "Sold out" in page
    client.post(f"/en/register/waiting-list/{ticket.pk}/")

    assert "You are number 1 on the waiting list." in client.get("/en/register/").content.decode()


def test_cancelling_shows_the_refund_then_cancels(client, person, edition):
    registration = registration_confirmed(edition, user=person)

    assert "Yes, cancel my registration" in client.get("/en/register/me/cancel/").content.decode()
    client.post("/en/register/me/cancel/")

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.log.last().actor == person


def test_workshops_are_booked_and_given_back_from_my_registration(client, person, edition):
    registration_confirmed(edition, user=person)
    workshop = session_create(edition, kind="workshop", capacity=12, title_en="Open data workshop")

    page = client.get("/en/register/me/").content.decode()
    assert "Open data workshop" in page and "12 seats left" in page
    client.post(f"/en/register/workshops/{workshop.pk}/book/")
    assert WorkshopBooking.objects.get().status == "booked"
    assert "Give my seat back" in client.get("/en/register/me/").content.decode()
    client.post(f"/en/register/workshops/{workshop.pk}/cancel/")
    assert WorkshopBooking.objects.get().status == "cancelled"


def test_a_workshop_offer_link_books_the_kept_seat(client, person, edition):
    from events.registration import services as ops

    mine = registration_confirmed(edition, user=person)
    workshop = session_create(edition, kind="workshop", capacity=1)
    other = registration_confirmed(edition)
    booking = ops.workshop_book(registration=other, session=workshop, actor=None)
    entry = ops.workshop_waiting_list_join(registration=mine, session=workshop)
    ops.workshop_cancel(booking=booking, actor=None)
    entry.refresh_from_db()
    assert entry.status == OfferStatus.OFFERED

    client.post(f"/en/register/offer/{entry.token}/")

    assert WorkshopBooking.objects.get(registration=mine).status == "booked"


def test_someone_elses_registration_pages_and_links_are_not_found(client, person, edition):
    from events.registration import services as ops

    other = ops.registration_start(
        user=user_create(), ticket_type=ticket_type_create(edition, price=150000), attendee=attendee()
    )
    Payment.objects.create(registration=other, intent_id="pi_other", amount=150000)
    ops.payment_succeeded(intent_id="pi_other", amount=150000)  # paid: it has a receipt
    full = ticket_type_create(edition, price=0, quota=1)
    registration_confirmed(edition, ticket_type=full)
    entry = ops.waiting_list_join(user=user_create(), ticket_type=full)

    for url in (
        f"/fr/register/pay/{other.reference}/",
        f"/fr/register/pay/{other.reference}/done/",
        f"/fr/register/receipt/{other.reference}/",
        f"/fr/register/offer/{entry.token}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/fr/register/waiting-list/leave/{entry.token}/").status_code == 404
    entry.refresh_from_db()
    assert entry.status == "waiting"


def test_details_can_be_corrected(client, person, edition):
    registration = registration_confirmed(edition, user=person)

    client.post("/en/register/me/details/", {**FORM, "first_name": "Salma B."})

    registration.refresh_from_db()
    assert registration.first_name == "Salma B."
    assert re.search("details_changed", " ".join(registration.log.values_list("action", flat=True)))
