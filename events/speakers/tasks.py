"""Background work of the speaker area, run by `manage.py db_worker`."""

from django.tasks import task

from events.speakers import emails


@task()
def proposal_email(proposal_id: int) -> None:
    """Tell a speaker what the organisers decided about their proposal, in their language."""
    emails.proposal_decided(proposal_id)


@task()
def invitation_email(invitation_id: int) -> None:
    """The invitation to claim a speaker profile, in the language the organiser chose."""
    emails.speaker_invitation(invitation_id)


@task()
def speaker_reminder_email(speaker_id: int, edition_id: int) -> None:
    """What a speaker still has to do for the edition, in their language."""
    emails.speaker_reminder(speaker_id, edition_id)


@task()
def profile_email(proposal_id: int) -> None:
    """Tell a speaker what the organisers decided about their profile changes."""
    emails.profile_decided(proposal_id)
