"""The Stripe adapter: the only module that talks to Stripe.

The real `stripe` library is used everywhere; STRIPE_API_BASE points it at
Stripe, or at localstripe in tests and demos.
"""

import stripe
from django.conf import settings
from django.db import transaction

from events.models import Payment, PaymentStatus, Registration


def _client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
    )


def payment_intent_create(*, registration: Registration) -> Payment:
    """A PaymentIntent for the registration's price, created once per registration.

    Our own Payment row is the idempotency: a second call returns the same
    intent. Stripe's idempotency key guards the network retry as well.
    """
    existing = registration.payments.filter(provider="stripe", status=PaymentStatus.PENDING).first()
    if existing is not None and existing.intent_id:
        return existing
    intent = _client().v1.payment_intents.create(
        params={
            "amount": registration.price,
            "currency": registration.currency.lower(),
            "payment_method_types": ["card"],
            "metadata": {"registration": registration.reference, "edition": registration.edition.slug},
            "description": f"Casablanca Smart City – {registration.reference}",
        },
        options={"idempotency_key": f"registration-{registration.pk}-intent"},
    )
    with transaction.atomic():
        return Payment.objects.create(
            registration=registration,
            provider="stripe",
            intent_id=intent.id,
            amount=registration.price,
            currency=registration.currency,
        )


def payment_intent_read(*, intent_id: str):
    return _client().v1.payment_intents.retrieve(intent_id)


def client_secret(*, payment: Payment) -> str:
    return payment_intent_read(intent_id=payment.intent_id).client_secret


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
