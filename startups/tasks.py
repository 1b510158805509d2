"""Background work of the startup challenge, run by `manage.py db_worker`."""

from django.tasks import task

from startups import emails, services


@task()
def startup_email(kind: str, pk: int, **extra) -> None:
    """One of the challenge e-mails, in the startup's language."""
    emails.send(kind, pk, **extra)


@task()
def drafts_remind() -> int:
    """Enqueued to run when a challenge's reminder window opens: drafts get their reminder."""
    return services.drafts_remind()
