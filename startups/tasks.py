"""Background work of the startup challenge, run by `manage.py db_worker`."""

from django.tasks import task


@task()
def startup_email(kind: str, pk: int, **extra) -> None:
    """One of the challenge e-mails, in the startup's language."""
    from startups import emails

    emails.send(kind, pk, **extra)


@task()
def drafts_remind() -> int:
    """Enqueued to run when a challenge's reminder window opens: drafts get their reminder."""
    from startups import services

    return services.drafts_remind()
