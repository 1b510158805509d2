"""Background work of the events domain, run by `manage.py db_worker`."""

from django.tasks import task

from events import payments, registration


@task()
def late_payment_refund(intent_id: str) -> None:
    """A payment arrived after its hold expired and no seat was left: give the money back."""
    refund = payments.refund_create(intent_id=intent_id)
    registration.payment_refunded(intent_id=intent_id, amount_refunded=refund.amount)
