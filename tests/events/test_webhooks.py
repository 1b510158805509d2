"""/stripe/webhook/: events signed with Stripe's scheme (t=…,v1=HMAC-SHA256),
verified by the real library, each handled once."""

import hashlib
import hmac
import json
import time
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.models import Payment, RegistrationStatus, StripeEvent
from events.registration import services as ops
from tests.factories import attendee, ticket_type_create, user_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SECRET = "whsec_test_secret"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.STRIPE_WEBHOOK_SECRET = SECRET


def signed(event: dict, *, secret: str = SECRET) -> tuple[bytes, str]:
    payload = json.dumps(event).encode()
    timestamp = int(time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return payload, f"t={timestamp},v1={digest}"


def post(client, event, **kwargs):
    payload, signature = signed(event, **kwargs)
    return client.post(
        "/stripe/webhook/", payload, content_type="application/json", headers={"stripe-signature": signature}
    )


def intent_event(event_id, kind, intent_id="pi_test_1", amount=150000):
    return {
        "id": event_id,
        "object": "event",
        "type": kind,
        "api_version": "2020-08-27",
        "data": {
            "object": {
                "id": intent_id,
                "object": "payment_intent",
                "amount": amount,
                "amount_received": amount,
            }
        },
    }


def refund_event(event_id, intent_id="pi_test_1", amount_refunded=150000):
    return {
        "id": event_id,
        "object": "event",
        "type": "charge.refunded",
        "api_version": "2020-08-27",
        "data": {
            "object": {
                "id": "ch_1",
                "object": "charge",
                "payment_intent": intent_id,
                "amount_refunded": amount_refunded,
            }
        },
    }


@pytest.fixture(autouse=True)
def stripe_intents(monkeypatch):
    """What Stripe says when asked about an intent: the webhook confirms from that, not the payload."""
    intents = {"pi_test_1": SimpleNamespace(status="succeeded", amount=150000, amount_received=150000)}
    monkeypatch.setattr("events.registration.payments.intent_retrieve", lambda intent_id: intents[intent_id])
    return intents


@pytest.fixture
def held(edition):
    ticket = ticket_type_create(edition, quota=1)
    registration = ops.registration_start(user=user_create(), ticket_type=ticket, attendee=attendee())
    Payment.objects.create(registration=registration, intent_id="pi_test_1", amount=registration.price)
    return registration


def test_the_same_event_three_times_confirms_once(client, held):
    responses = [post(client, intent_event("evt_1", "payment_intent.succeeded")) for _ in range(3)]

    held.refresh_from_db()
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert held.status == RegistrationStatus.CONFIRMED
    assert held.log.filter(action="paid").count() == 1
    assert StripeEvent.objects.filter(event_id="evt_1").count() == 1


def test_a_forged_signature_is_rejected_and_changes_nothing(client, held):
    response = post(client, intent_event("evt_1", "payment_intent.succeeded"), secret="whsec_forged")

    held.refresh_from_db()
    assert response.status_code == 400
    assert held.status == RegistrationStatus.HELD
    assert not StripeEvent.objects.exists()


def test_events_out_of_order_end_in_the_right_state(client, held):
    # A failure reported after the success (an earlier attempt's event) must not undo it.
    post(client, intent_event("evt_2", "payment_intent.succeeded"))
    post(client, intent_event("evt_1", "payment_intent.payment_failed"))

    held.refresh_from_db()
    assert held.status == RegistrationStatus.CONFIRMED
    assert Payment.objects.get(intent_id="pi_test_1").status == "succeeded"


def test_a_refund_from_stripe_cancels_the_registration(client, held):
    post(client, intent_event("evt_1", "payment_intent.succeeded"))

    post(client, refund_event("evt_2"))

    held.refresh_from_db()
    assert held.status == RegistrationStatus.CANCELLED
    assert Payment.objects.get(intent_id="pi_test_1").status == "refunded"


def test_a_late_payment_without_a_seat_enqueues_its_refund(client, held, django_capture_on_commit_callbacks):
    ops.holds_expire(now=timezone.now() + timezone.timedelta(minutes=20))
    ops.registration_start(user=user_create(), ticket_type=held.ticket_type, attendee=attendee())

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, intent_event("evt_1", "payment_intent.succeeded"))

    held.refresh_from_db()
    assert response.status_code == 200
    assert held.status == RegistrationStatus.EXPIRED
    task = DBTaskResult.objects.get(task_path="events.registration.tasks.refund_owed")
    assert task.args_kwargs["args"] == ["pi_test_1"]
    assert Payment.objects.get(intent_id="pi_test_1").refund_due == 150000


def test_a_succeeded_event_the_intent_does_not_bear_out_changes_nothing(client, held, stripe_intents):
    stripe_intents["pi_test_1"].status = "requires_payment_method"  # a forged or stale message

    post(client, intent_event("evt_1", "payment_intent.succeeded"))

    held.refresh_from_db()
    assert held.status == RegistrationStatus.HELD


def test_an_older_refund_total_arriving_late_changes_nothing(client, held):
    post(client, intent_event("evt_1", "payment_intent.succeeded"))
    post(client, refund_event("evt_3", amount_refunded=50000))
    post(client, refund_event("evt_2", amount_refunded=20000))  # an older, smaller total arrives late

    payment = Payment.objects.get(intent_id="pi_test_1")
    assert payment.refunded_amount == 50000 and payment.status == "succeeded"


def test_a_refund_reported_before_the_success_ends_refunded_and_cancelled(client, held):
    post(client, refund_event("evt_2"))
    post(client, intent_event("evt_1", "payment_intent.succeeded"))

    held.refresh_from_db()
    payment = Payment.objects.get(intent_id="pi_test_1")
    assert (payment.status, payment.refunded_amount) == ("refunded", 150000)
    assert held.status == RegistrationStatus.CANCELLED


def test_a_failure_while_handling_answers_500_so_stripe_delivers_again(client, held, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("events.registration.services.payment_sync", broken)
    client.raise_request_exception = False

    response = post(client, intent_event("evt_1", "payment_intent.succeeded"))

    assert response.status_code == 500
    assert not StripeEvent.objects.filter(event_id="evt_1").exists()  # it will be handled on redelivery


def test_events_for_unknown_payments_are_acknowledged(client, db):
    response = post(client, intent_event("evt_9", "payment_intent.succeeded", intent_id="pi_elsewhere"))

    assert response.status_code == 200
