"""Background work of the events domain, run by `manage.py db_worker`."""

from django.tasks import task


@task()
def refund_owed(intent_id: str) -> None:
    """Pay back what a payment is owed: a cancellation's refund, or a late payment with no seat left."""
    from events.registration import services as registration

    registration.refund_owed(intent_id=intent_id)


@task()
def send_email(kind: str, pk: int, **extra) -> None:
    """One of the registration e-mails, in the person's language."""
    from events.registration import emails

    emails.send(kind, pk, **extra)


@task()
def holds_release() -> int:
    """Enqueued to run when a hold is due to expire: the seat returns to sale and is offered on."""
    from events.registration import services as registration

    return registration.holds_expire()


@task()
def offers_pass_on() -> int:
    """Enqueued to run when a waiting-list offer is due to expire: the seat goes to the next person."""
    from events.registration import services as registration

    return registration.offers_expire()


@task()
def badge_batch_render(batch_id: int) -> str:
    """Build a batch of badges chosen by the organisers into one PDF, saving progress as it goes."""
    from events.attendance import badge_batches

    batch = badge_batches.batch_render(batch_id)
    return batch.status if batch else ""


@task()
def proposal_email(proposal_id: int) -> None:
    """Tell a speaker what the organisers decided about their proposal, in their language."""
    from events.registration import emails

    emails.proposal_decided(proposal_id)


@task()
def invitation_email(invitation_id: int) -> None:
    """The invitation to claim a speaker profile, in the language the organiser chose."""
    from events.registration import emails

    emails.speaker_invitation(invitation_id)


@task()
def speaker_reminder_email(speaker_id: int, edition_id: int) -> None:
    """What a speaker still has to do for the edition, in their language."""
    from events.registration import emails

    emails.speaker_reminder(speaker_id, edition_id)


@task()
def profile_email(proposal_id: int) -> None:
    """Tell a speaker what the organisers decided about their profile changes."""
    from events.registration import emails

    emails.profile_decided(proposal_id)
