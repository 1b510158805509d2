"""What the challenge page and the startup area read."""

from django.db.models import Prefetch
from django.utils import timezone

from startups.models import Challenge, Submission, SubmissionStatus


def challenge_presentation(challenge: Challenge, *, user=None) -> dict:
    """The call's themes, prizes and phase, and once published its finalists and winners."""
    now = timezone.now()
    themes = list(challenge.themes.all())
    prizes = list(challenge.prizes.order_by("rank"))
    public = Submission.objects.filter(challenge=challenge).select_related(
        "startup", "startup__logo", "theme"
    )
    finalists = (
        list(
            # Finalists stay listed once they were finalists, winners or not.
            public.filter(finalist_at__isnull=False)
            .exclude(status=SubmissionStatus.WITHDRAWN)
            .order_by("startup__name")
        )
        if challenge.finalists_published or challenge.winners_published
        else []
    )
    winners = []
    if challenge.winners_published:
        by_rank = {prize.rank: prize for prize in prizes}
        for entry in public.filter(status=SubmissionStatus.WINNER, prize_rank__isnull=False).order_by(
            "prize_rank"
        ):
            entry.prize = by_rank.get(entry.prize_rank)
            winners.append(entry)
    return {
        "themes": themes,
        "prizes": prizes,
        "phase": challenge.phase(now),
        "finalists": finalists,
        "winners": winners,
        "edition": challenge.edition,
    }


def current_challenge() -> Challenge | None:
    return (
        Challenge.objects.filter(edition__is_current=True)
        .select_related("edition")
        .prefetch_related(Prefetch("themes"))
        .first()
    )
