"""What public pages read from the jury's work."""

from startups.models import Submission, SubmissionStatus


def pitching_finalists(session) -> list:
    """The finalists of the final rounds that pitch in this session, once the challenge publishes them."""
    if session.kind != "pitch":
        return []
    return list(
        Submission.objects.filter(
            challenge__rounds__pitch_session=session,
            challenge__finalists_published=True,
            finalist_at__isnull=False,
        )
        .exclude(status=SubmissionStatus.WITHDRAWN)
        .select_related("startup", "theme", "challenge")
        .distinct()
        .order_by("startup__name")
    )
