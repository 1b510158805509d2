"""Background work of the jury, run by `manage.py db_worker`."""

from django.tasks import task

from judging import emails


@task()
def juror_invitation_email(juror_id: int) -> None:
    """The invitation to join a challenge's jury, in the juror's language."""
    emails.invitation(juror_id)
