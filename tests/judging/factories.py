"""A challenge with eligible entries, a jury and rounds, for the judging tests."""

import datetime

from django.utils import timezone

from judging.models import Criterion, Juror, Round
from startups.models import SubmissionStatus
from tests.factories import user_create
from tests.startups.factories import challenge_create, startup_create


def entries_create(challenge, count: int, *, status=SubmissionStatus.ELIGIBLE) -> list:
    from startups.models import Submission

    made = []
    for number in range(count):
        startup = startup_create(name=f"Startup {number:03d}")
        made.append(
            Submission.objects.create(
                challenge=challenge,
                startup=startup,
                status=status,
                title=f"Projet {number:03d}",
                theme=challenge.themes.first(),
                submitted_at=timezone.now(),
            )
        )
    return made


def jury_create(challenge, count: int, *, chair: int = 0) -> list[Juror]:
    jurors = []
    for number in range(count):
        email = f"juror{number}@jury{number}.example.net"
        jurors.append(
            Juror.objects.create(
                challenge=challenge,
                name=f"Juror {number}",
                email=email,
                user=user_create(email=email),
                is_chair=number == chair,
                accepted_at=timezone.now(),
            )
        )
    return jurors


def round_create(
    challenge, *, kind="screening", source="eligible", criteria=((2, True), (1, False)), **fields
) -> Round:
    now = timezone.now()
    round_ = Round.objects.create(
        challenge=challenge,
        name_fr=fields.pop("name_fr", "Présélection" if kind == "screening" else "Finale"),
        name_en=fields.pop("name_en", "Screening" if kind == "screening" else "Final"),
        kind=kind,
        source=source,
        opens_at=fields.pop("opens_at", now - datetime.timedelta(days=1)),
        closes_at=fields.pop("closes_at", now + datetime.timedelta(days=7)),
        **fields,
    )
    for order, (weight, primary) in enumerate(criteria):
        Criterion.objects.create(
            round=round_,
            sort_order=order,
            name_fr=f"Critère {order + 1}",
            name_en=f"Criterion {order + 1}",
            low_fr="Faible",
            high_fr="Excellent",
            weight=weight,
            is_primary=primary,
        )
    return round_


def challenge_with_jury(edition, *, entries=6, jurors=4):
    challenge = challenge_create(
        edition, closes_in=-datetime.timedelta(days=1), opens_in=-datetime.timedelta(days=30)
    )
    return challenge, entries_create(challenge, entries), jury_create(challenge, jurors)
