"""The payment adapter speaks for Stripe: its own errors, never the library's, reach the
registration service, so that another card provider can take its place."""

import socket

import pytest

from events.registration import payments

pytest_plugins = ["tests.localstripe_harness"]
pytestmark = [pytest.mark.integration]


@pytest.fixture
def stripe_settings(settings, localstripe_clean):
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_API_BASE = localstripe_clean.base_url
    settings.STRIPE_WEBHOOK_SECRET = "whsec_adapter"
    return settings


def test_a_refused_request_is_the_adapters_error(stripe_settings):
    with pytest.raises(payments.PaymentProviderError) as error:
        payments.intent_retrieve("pi_that_does_not_exist")

    assert error.value.__cause__.__class__.__module__.startswith("stripe")


def test_an_unreachable_provider_is_the_adapters_error(settings):
    with socket.socket() as closed:  # a port nobody listens on once closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{port}"

    with pytest.raises(payments.PaymentProviderError):
        payments.refund_create(intent_id="pi_x", amount=100, idempotency_key="adapter-test")


def test_a_forged_webhook_is_a_signature_error(stripe_settings):
    with pytest.raises(payments.SignatureError):
        payments.webhook_event(payload=b'{"id": "evt_1"}', signature="t=1,v1=forged")


def test_a_created_intent_comes_back_from_the_provider(stripe_settings):
    intent = payments.intent_create(
        amount=150000, currency="MAD", reference="CSC-ADAPTER", email="a@example.org", idempotency_key="k1"
    )

    assert payments.intent_retrieve(intent.id).amount == 150000
