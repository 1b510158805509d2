"""Background work of the events domain, run by `manage.py db_worker`."""

from django.tasks import task


@task()
def late_payment_refund(intent_id: str) -> None:
    """A payment arrived after its hold expired and no seat was left: give the money back."""
    from events import registration
    from events.models import Payment

    payment = Payment.objects.get(intent_id=intent_id)
    if payment.refunded_amount < payment.amount:  # a replayed task refunds nothing twice
        registration.refund_issue(payment=payment)


@task()
def payment_refund(intent_id: str, amount: int) -> None:
    """The refund a cancellation is owed, under its ticket type's rule."""
    from events import registration
    from events.models import Payment

    registration.refund_issue(payment=Payment.objects.get(intent_id=intent_id), amount=amount)


@task()
def send_email(kind: str, pk: int, **extra) -> None:
    """One of the registration e-mails, in the person's language."""
    from events import emails

    emails.send(kind, pk, **extra)


@task()
def holds_release() -> int:
    """Enqueued to run when a hold is due to expire: the seat returns to sale and is offered on."""
    from events import registration

    return registration.holds_expire()


@task()
def offers_pass_on() -> int:
    """Enqueued to run when a waiting-list offer is due to expire: the seat goes to the next person."""
    from events import registration

    return registration.offers_expire()
