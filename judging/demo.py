"""Demo jury for the 7th edition's challenge: the five demo jurors (juror1 chairs), a screening round
scored and closed with its finalists chosen, and a final round ready to be scored.

Idempotent: once the challenge has rounds, nothing is added again. The work goes through
`judging.services`, so the demo's audit log is a real one.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import Session
from judging import services
from judging.models import Assignment, Criterion, Juror, Round, RoundKind
from startups.models import Challenge

JURORS = [
    ("juror1@example.org", "Samira Benjelloun", "Université Hassan II de Casablanca", True),
    ("juror2@example.org", "Omar Kettani", "Technopark Casablanca", False),
    ("juror3@example.org", "Hind Alami", "Agence de Développement du Digital", False),
    ("juror4@example.org", "Mehdi Chraibi", "Fonds d’amorçage Atlas", False),
    ("juror5@example.org", "Nadia Filali", "Région Casablanca-Settat", False),
]
CRITERIA = [
    (
        ("Impact pour la ville", "الأثر على المدينة", "Impact for the city"),
        ("Aucun effet mesurable", "لا أثر قابل للقياس", "No measurable effect"),
        ("Change la vie de milliers d’habitants", "يغيّر حياة آلاف السكان", "Changes the lives of thousands"),
        3,
        True,
    ),
    (
        ("Innovation", "الابتكار", "Innovation"),
        ("Existe déjà partout", "موجود في كل مكان", "Exists everywhere already"),
        ("Nouveau au Maroc et au-delà", "جديد في المغرب وخارجه", "New in Morocco and beyond"),
        2,
        False,
    ),
    (
        ("Faisabilité", "قابلية التنفيذ", "Feasibility"),
        ("Rien n’est prêt", "لا شيء جاهز", "Nothing is ready"),
        ("Un pilote peut démarrer demain", "يمكن بدء تجربة غدًا", "A pilot can start tomorrow"),
        2,
        False,
    ),
    (
        ("Équipe", "الفريق", "Team"),
        ("Compétences manquantes", "كفاءات ناقصة", "Skills are missing"),
        ("L’équipe a tout pour réussir", "الفريق يملك كل مقومات النجاح", "The team has all it takes"),
        1,
        False,
    ),
]


def _round(challenge, *, kind, name, source, opens_at, closes_at, blind, min_reviews, session=None) -> Round:
    round_ = Round.objects.create(
        challenge=challenge,
        kind=kind,
        sort_order=1 if kind == RoundKind.SCREENING else 2,
        name_fr=name[0],
        name_ar=name[1],
        name_en=name[2],
        source=source,
        opens_at=opens_at,
        closes_at=closes_at,
        blind=blind,
        min_reviews=min_reviews,
        pitch_session=session,
    )
    for order, (names, lows, highs, weight, primary) in enumerate(CRITERIA):
        Criterion.objects.create(
            round=round_,
            sort_order=order,
            weight=weight,
            is_primary=primary,
            **{f"name_{code}": names[i] for i, code in enumerate(("fr", "ar", "en"))},
            **{f"low_{code}": lows[i] for i, code in enumerate(("fr", "ar", "en"))},
            **{f"high_{code}": highs[i] for i, code in enumerate(("fr", "ar", "en"))},
        )
    return round_


def seed_jury(*, challenge: Challenge) -> None:
    if challenge.rounds.exists():
        return
    User = get_user_model()
    jurors = []
    for email, name, organisation, chair in JURORS:
        juror, _created = Juror.objects.get_or_create(
            challenge=challenge,
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "is_chair": chair,
                "user": User.objects.get(email=email),
                "accepted_at": timezone.now(),
            },
        )
        jurors.append(juror)
    chair = jurors[0]
    now = timezone.now()
    screening = _round(
        challenge,
        kind=RoundKind.SCREENING,
        name=("Présélection", "الانتقاء الأولي", "Screening"),
        source="eligible",
        opens_at=now - datetime.timedelta(days=6),
        closes_at=now + datetime.timedelta(days=1),
        blind=True,
        min_reviews=3,
    )
    services.assignments_generate(screening, actor=None)
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
            comment="Évaluation de démonstration.",
            submit=True,
        )
    services.round_close(round_=screening, actor=None)
    snapshot = services.results_compute(round_=screening, actor=None)
    finalists = [row["entry"] for row in snapshot.results["ranking"][:3]]
    services.decision_confirm(
        snapshot=snapshot, kind="finalists", entries=finalists, reason="", actor=chair.user
    )

    session = Session.objects.filter(edition=challenge.edition, slug="pitchs-challenge-startups").first()
    final = _round(
        challenge,
        kind=RoundKind.FINAL,
        name=("Finale : pitchs en direct", "النهائي: العروض المباشرة", "Final: live pitches"),
        source="finalists",
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=challenge.final_pitch_at + datetime.timedelta(hours=3),
        blind=False,
        min_reviews=len(jurors),
        session=session,
    )
    services.assignments_generate(final, actor=None)
