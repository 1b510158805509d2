"""What the events domain does on the minute sweep (`manage.py run_periodic`)."""

from django.dispatch import receiver

from core.signals import periodic
from events.registration.services import holds_expire, offers_expire, refunds_retry


@receiver(periodic, dispatch_uid="events.periodic")
def sweep(sender, **kwargs) -> str:
    """Holds past their time release their seats, offers nobody took pass on, refunds owed are retried."""
    holds = holds_expire()
    offers = offers_expire()
    refunds = refunds_retry()
    return f"{holds} hold(s) expired, {offers} offer(s) expired, {refunds} refund(s) retried."
