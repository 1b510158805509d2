"""Background work of the jury, run by `manage.py db_worker`."""

from django.tasks import task


@task()
def juror_invitation_email(juror_id: int) -> None:
    """The invitation to join a challenge's jury, in the juror's language."""
    from judging import emails

    emails.invitation(juror_id)
