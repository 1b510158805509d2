"""The Stripe adapter: the only module that talks to Stripe.

The real `stripe` library is used everywhere; STRIPE_API_BASE points it at
Stripe, or at localstripe in tests and demos. Stripe's exceptions stop here:
callers see `PaymentProviderError` (the provider refused or could not be
reached) or `SignatureError` (a webhook we cannot trust), so another card
provider can take this module's place without touching the registration
service.
"""

import functools

import stripe
from django.conf import settings


class PaymentProviderError(Exception):
    """The payment provider refused a request or could not be reached."""

    def __init__(self, message: str, *, user_message: str | None = None):
        super().__init__(message)
        self.user_message = user_message


class SignatureError(Exception):
    """A webhook whose payload or signature does not verify."""


def _translated(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except stripe.StripeError as error:
            raise PaymentProviderError(str(error), user_message=error.user_message) from error

    return wrapper


def _client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
    )


@_translated
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


@_translated
def intent_retrieve(intent_id: str):
    return _client().v1.payment_intents.retrieve(intent_id)


@_translated
def refund_create(*, intent_id: str, amount: int, idempotency_key: str):
    return _client().v1.refunds.create(
        params={"payment_intent": intent_id, "amount": amount}, options={"idempotency_key": idempotency_key}
    )


def webhook_event(*, payload: bytes, signature: str):
    """The verified event; raises SignatureError otherwise."""
    try:
        return stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as error:
        raise SignatureError(str(error)) from error
