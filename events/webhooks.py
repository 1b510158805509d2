"""Stripe's webhook: a trigger, verified, handled once per event id."""

import logging

import stripe
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from events import payments, registration
from events.models import Payment, StripeEvent

logger = logging.getLogger(__name__)


def _intent_id(obj) -> str | None:
    if obj.get("object") == "payment_intent":
        return obj.get("id")
    intent = obj.get("payment_intent")
    return intent.get("id") if isinstance(intent, dict) else intent


def _handle(event) -> None:
    data = event["data"]["object"]
    intent_id = _intent_id(data)
    if not intent_id or not Payment.objects.filter(intent_id=intent_id).exists():
        logger.info("Stripe event %s for an unknown payment: ignored", event["id"])
        return
    if event["type"] == "payment_intent.succeeded":
        outcome = registration.payment_succeeded(
            intent_id=intent_id, amount=data.get("amount_received") or data["amount"]
        )
        if outcome.refund_needed:
            registration.late_refund_schedule(intent_id)
    elif event["type"] == "payment_intent.payment_failed":
        registration.payment_failed(intent_id=intent_id)
    elif event["type"] == "charge.refunded":
        registration.payment_refunded(intent_id=intent_id, amount_refunded=data["amount_refunded"])


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = payments.webhook_event(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("invalid signature")
    event = event.to_dict() if hasattr(event, "to_dict") else event
    try:
        with transaction.atomic():
            StripeEvent.objects.create(event_id=event["id"], type=event["type"])
            _handle(event)
    except IntegrityError:
        # Delivered before: handled then (or being handled now); nothing to do.
        return HttpResponse("duplicate")
    return HttpResponse("ok")
