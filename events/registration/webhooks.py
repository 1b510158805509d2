"""Stripe's webhook: a trigger, verified, handled once per event id."""

import logging

from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from events.models import Payment, StripeEvent
from events.registration import payments
from events.registration import services as registration

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
        # Confirm from the intent as Stripe has it, not from the payload: money
        # decisions never rest on a message alone.
        registration.payment_sync(intent_id=intent_id)
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
    except payments.SignatureError:
        return HttpResponseBadRequest("invalid signature")
    event = event.to_dict() if hasattr(event, "to_dict") else event
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event["id"], type=event["type"])
        except IntegrityError:
            # Delivered before: handled then (or being handled now); nothing to do.
            return HttpResponse("duplicate")
        # Any failure here rolls the event back and answers 500: Stripe delivers it again.
        _handle(event)
    return HttpResponse("ok")
