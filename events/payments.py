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


def refund_create(*, intent_id: str, amount: int | None = None):
    params = {"payment_intent": intent_id}
    if amount is not None:
        params["amount"] = amount
    return _client().v1.refunds.create(
        params=params, options={"idempotency_key": f"refund-{intent_id}-{amount}"}
    )


def webhook_event(*, payload: bytes, signature: str):
    """The verified event; raises ValueError or stripe.SignatureVerificationError otherwise."""
    return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
