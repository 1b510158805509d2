"""Background work of registrations, run by `manage.py db_worker`."""

from django.tasks import task

from events.registration import emails
from events.registration import services as registration


@task()
def refund_owed(intent_id: str) -> None:
    """Pay back what a payment is owed: a cancellation's refund, or a late payment with no seat left."""
    registration.refund_owed(intent_id=intent_id)


@task()
def send_email(kind: str, pk: int, **extra) -> None:
    """One of the registration e-mails, in the person's language."""
    emails.send(kind, pk, **extra)


@task()
def holds_release() -> int:
    """Enqueued to run when a hold is due to expire: the seat returns to sale and is offered on."""
    return registration.holds_expire()


@task()
def offers_pass_on() -> int:
    """Enqueued to run when a waiting-list offer is due to expire: the seat goes to the next person."""
    return registration.offers_expire()
