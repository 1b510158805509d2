"""The Stripe adapter: the only module that talks to Stripe.

The real `stripe` library is used everywhere; STRIPE_API_BASE points it at
Stripe, or at localstripe in tests and demos.
"""

import stripe
from django.conf import settings


def _client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
    )


def intent_create(*, amount: int, currency: str, reference: str, email: str, idempotency_key: str):
    """A card PaymentIntent; the same key never charges twice, even when a request is retried."""
    return _client().v1.payment_intents.create(
        params={
            "amount": amount,
            "currency": currency.lower(),
            "payment_method_types": ["card"],
            # Our own receipt is mailed in the person's language: no Stripe receipt_email.
            "metadata": {"registration": reference, "email": email},
        },
        options={"idempotency_key": idempotency_key},
    )


def intent_retrieve(intent_id: str):
    return _client().v1.payment_intents.retrieve(intent_id)


def refund_create(*, intent_id: str, amount: int, idempotency_key: str):
    return _client().v1.refunds.create(
        params={"payment_intent": intent_id, "amount": amount}, options={"idempotency_key": idempotency_key}
    )


def webhook_event(*, payload: bytes, signature: str):
    """The verified event; raises ValueError or stripe.SignatureVerificationError otherwise."""
    return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
