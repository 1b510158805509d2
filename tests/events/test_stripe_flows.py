"""Card money end to end against localstripe with the real `stripe` library:
an organiser's refund reaches the attendee's page, and a late payment with no
seat left is refunded by the task, with the apology e-mail."""

import pytest
import stripe
from django.core import mail

from events.models import Payment, PaymentStatus, RegistrationStatus
from events.registration import services as ops
from events.registration.tasks import refund_owed
from tests.events.test_webhooks import SECRET, refund_event
from tests.events.test_webhooks import post as post_signed
from tests.factories import attendee, ticket_type_create, user_create

pytest_plugins = ["tests.localstripe_harness"]
pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def stripe_api(settings, localstripe_clean):
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_API_BASE = localstripe_clean.base_url
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    return stripe.StripeClient("sk_test_local", base_addresses={"api": localstripe_clean.base_url})


def test_an_organiser_refund_reaches_the_attendees_page(
    client,
    site_tree,
    edition,
    stripe_api,
    localstripe_clean,
    django_capture_on_commit_callbacks,
    immediate_tasks,
):
    person = user_create(email="karim@example.org")
    registration = ops.registration_start(
        user=person, ticket_type=ticket_type_create(edition, price=150000), attendee=attendee()
    )
    payment = ops.payment_start(registration=registration)
    localstripe_clean.card_pay(payment.client_secret)
    client.force_login(person)
    client.get(f"/en/register/pay/{registration.reference}/done/")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    organiser = user_create(email="organiser@example.org", is_staff=True, is_superuser=True)
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/registrations/{registration.pk}/refund/{payment.pk}/", {"amount": ""})

    refunds = stripe_api.v1.refunds.list(params={"payment_intent": payment.intent_id})
    assert [refund.amount for refund in refunds.data] == [150000]
    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, 150000)
    client.force_login(person)
    page = client.get("/en/register/me/").content.decode()
    assert "Status: Cancelled" in page
    assert "Refunded</dt><dd>MAD\xa01,500.00" in page
    assert f"Remboursement de votre inscription {registration.reference}" in [m.subject for m in mail.outbox]
    # Stripe then reports the same refund by webhook: recorded already, nothing changes.
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signed(client, refund_event("evt_admin_refund", payment.intent_id, 150000))
    assert response.status_code == 200
    assert registration.log.filter(action="refunded").count() == 1
    assert len([m for m in mail.outbox if m.subject.startswith("Remboursement")]) == 1


def test_a_late_payment_without_a_seat_is_refunded_by_the_task(
    edition, stripe_api, localstripe_clean, django_capture_on_commit_callbacks, immediate_tasks
):
    ticket = ticket_type_create(edition, price=150000, quota=1)
    late = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    payment = ops.payment_start(registration=late)
    ops.holds_expire(now=late.hold_expires_at + ops.hold_grace())
    ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee(), bank_transfer=True)
    localstripe_clean.card_pay(payment.client_secret)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = ops.payment_sync(intent_id=payment.intent_id)

    assert outcome.refund_needed
    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, 150000)
    assert stripe_api.v1.refunds.list(params={"payment_intent": payment.intent_id}).data[0].amount == 150000
    late.refresh_from_db()
    assert late.status == RegistrationStatus.EXPIRED
    # Run again (a replayed task): nothing more is refunded.
    refund_owed.call(payment.intent_id)
    assert len(stripe_api.v1.refunds.list(params={"payment_intent": payment.intent_id}).data) == 1
    assert Payment.objects.get(pk=payment.pk).refunded_amount == 150000
