"""Demo jury for the current edition's challenge: the five demo jurors (the first chairs), a screening
round scored and closed with its finalists chosen, and a final round ready to be scored.

Jurors, the rubric and the rounds' names are in `data/jury.json`. Idempotent: once the challenge
has rounds, nothing is added again. The work goes through the judging services, so the demo's audit
log is a real one.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.data import load, translated
from events.models import Session
from judging import results, services
from judging.models import Assignment, Criterion, Juror, Round, RoundKind
from startups.models import Challenge


def _round(challenge, *, kind, source, opens_at, closes_at, blind, min_reviews, session=None) -> Round:
    data = load("jury")
    round_ = Round.objects.create(
        challenge=challenge,
        kind=kind,
        sort_order=1 if kind == RoundKind.SCREENING else 2,
        **translated("name", data["rounds"][kind]["name"]),
        source=source,
        opens_at=opens_at,
        closes_at=closes_at,
        blind=blind,
        min_reviews=min_reviews,
        pitch_session=session,
    )
    for order, criterion in enumerate(data["criteria"]):
        Criterion.objects.create(
            round=round_,
            sort_order=order,
            weight=criterion["weight"],
            is_primary=criterion["primary"],
            **translated("name", criterion["name"]),
            **translated("low", criterion["low"]),
            **translated("high", criterion["high"]),
        )
    return round_


def seed_jury(*, challenge: Challenge) -> None:
    if challenge.rounds.exists():
        return
    data = load("jury")
    User = get_user_model()
    jurors = []
    for row in data["jurors"]:
        juror, _created = Juror.objects.get_or_create(
            challenge=challenge,
            email=row["email"],
            defaults={
                "name": row["name"],
                "organisation": row["organisation"],
                "is_chair": row["chair"],
                "user": User.objects.get(email=row["email"]),
                "accepted_at": timezone.now(),
            },
        )
        jurors.append(juror)
    chair = jurors[0]
    now = timezone.now()
    screening = _round(
        challenge,
        kind=RoundKind.SCREENING,
        source="eligible",
        opens_at=now - datetime.timedelta(days=6),
        closes_at=now + datetime.timedelta(days=1),
        blind=True,
        min_reviews=3,
    )
    services.assignments_generate(screening, actor=None)
    # Seeded, so every demo has the same scores: each entry has a quality, each juror a temper.
    rng = random.Random(7)
    quality = {}
    for assignment in Assignment.objects.filter(round=screening).select_related("juror__user", "submission"):
        services.no_conflict_confirm(assignment=assignment, user=assignment.juror.user)
        base = quality.setdefault(assignment.submission_id, rng.uniform(4.5, 8.5))
        harshness = {0: 0, 1: -1.5, 2: 1, 3: 0, 4: 0.5}[jurors.index(assignment.juror)]
        scores = {
            criterion.pk: (f"{max(0, min(10, round(base + harshness + rng.uniform(-1, 1)))):.0f}", "")
            for criterion in screening.criteria.all()
        }
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores,
            comment=data["review_comment"],
            submit=True,
        )
    services.round_close(round_=screening, actor=None)
    snapshot = results.results_compute(round_=screening, actor=None)
    finalists = [row["entry"] for row in snapshot.results["ranking"][:3]]
    results.decision_confirm(
        snapshot=snapshot, kind="finalists", entries=finalists, reason="", actor=chair.user
    )

    session = Session.objects.filter(edition=challenge.edition, slug="pitchs-challenge-startups").first()
    final = _round(
        challenge,
        kind=RoundKind.FINAL,
        source="finalists",
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=challenge.final_pitch_at + datetime.timedelta(hours=3),
        blind=False,
        min_reviews=len(jurors),
        session=session,
    )
    services.assignments_generate(final, actor=None)
