"""The jury's results: frozen snapshots of a round's ranking, the chair's decisions taken from
them, and the publication of the winners (through `startups.services.results_publish`)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from judging import aggregation
from judging.audit import audit
from judging.models import (
    Assignment,
    Decision,
    DecisionKind,
    Juror,
    ResultSnapshot,
    Review,
    ReviewStatus,
    Round,
    RoundKind,
)
from judging.services import JudgingError, round_entries
from startups.errors import ChallengeError
from startups.models import Submission, SubmissionStatus
from startups.services import results_publish, status_set


def results_inputs(round_: Round) -> dict:
    """Everything the result depends on, as plain values (what the snapshot keeps)."""
    criteria = list(round_.criteria.all())
    reviews = (
        Review.objects.filter(assignment__round=round_, status=ReviewStatus.SUBMITTED)
        .exclude(assignment__submission__status=SubmissionStatus.WITHDRAWN)
        .exclude(assignment__submission__conflicts__juror=F("assignment__juror"))
        .select_related("assignment")
        .prefetch_related("scores")
    )
    return {
        "round": round_.pk,
        "entries": sorted(
            (
                set(round_entries(round_).values_list("pk", flat=True))
                | set(Assignment.objects.filter(round=round_).values_list("submission_id", flat=True))
            )
            - set(Submission.objects.filter(status=SubmissionStatus.WITHDRAWN).values_list("pk", flat=True))
        ),
        "kind": round_.kind,
        "scale": [round_.scale_min, round_.scale_max],
        "locked": round_.is_locked(),
        "criteria": [
            {"id": c.pk, "name": c.name_fr, "weight": str(c.weight), "primary": c.is_primary}
            for c in criteria
        ],
        "reviews": [
            {
                "juror": review.assignment.juror_id,
                "entry": review.assignment.submission_id,
                "scores": {str(score.criterion_id): str(score.value) for score in review.scores.all()},
            }
            for review in reviews
        ],
    }


def compute(inputs: dict, *, chair_order=()) -> tuple[list[dict], dict]:
    """The ranking of the reviewed entries, then the round's entries nobody reviewed (never ranked)."""
    criteria = [
        aggregation.Criterion(str(c["id"]), float(c["weight"]), c["primary"]) for c in inputs["criteria"]
    ]
    reviews = [
        aggregation.Review(r["juror"], r["entry"], {key: float(value) for key, value in r["scores"].items()})
        for r in inputs["reviews"]
    ]
    if inputs["kind"] == RoundKind.FINAL:
        ranked, about = aggregation.final_ranking(reviews, criteria, chair_order=chair_order)
    else:
        ranked, about = aggregation.screening_ranking(
            reviews, criteria, scale=tuple(inputs["scale"]), chair_order=chair_order
        )
    rows = [result.as_dict() for result in ranked]
    reviewed = {row["entry"] for row in rows}
    for entry in inputs.get("entries", []):
        if entry not in reviewed:
            rows.append(
                {
                    "entry": entry,
                    "rank": None,
                    "reviews": 0,
                    "raw_mean": None,
                    "normalised_mean": None,
                    "median": None,
                    "sd": None,
                    "primary_mean": None,
                    "disagreement": False,
                    "tie_break": "",
                }
            )
    return rows, about


def results_compute(*, round_: Round, actor, chair_order=None):
    """Compute the round's ranking and freeze it, with its inputs and method, as a snapshot.

    Without `chair_order`, the order the chair last recorded for ties is kept."""
    with transaction.atomic():
        round_ = Round.objects.select_related("challenge").get(pk=round_.pk)  # as it is now (locked or not)
        if chair_order is None:
            latest = ResultSnapshot.objects.filter(round=round_).first()
            chair_order = latest.inputs.get("chair_order", []) if latest else []
        inputs = results_inputs(round_)
        inputs["chair_order"] = list(chair_order)
        try:
            results, about = compute(inputs, chair_order=chair_order)
        except aggregation.ScoringError as error:
            raise JudgingError(
                _("Some submitted reviews do not score every criterion of the rubric (was it changed?).")
            ) from error
        snapshot = ResultSnapshot(
            round=round_,
            computed_by=actor if getattr(actor, "is_authenticated", False) else None,
            method=about["method"],
            version=about["version"],
            inputs=inputs,
            results={
                "ranking": results,
                "about": {k: v for k, v in about.items() if k not in ("method", "version")},
            },
        )
        snapshot.save()
        audit(
            round_.challenge_id,
            "results_computed",
            actor=actor,
            round=round_.pk,
            snapshot=snapshot.pk,
            digest=snapshot.digest,
        )
    return snapshot


KIND_OF_DECISION = {
    DecisionKind.SHORTLIST: RoundKind.SCREENING,
    DecisionKind.FINALISTS: RoundKind.SCREENING,
    DecisionKind.WINNERS: RoundKind.FINAL,
}


def decision_confirm(*, snapshot, kind: str, entries: list[int], reason: str, actor) -> Decision:
    """The jury chair confirms a selection; departing from the computed order needs a written reason.

    Shortlist and finalists come from a screening round, the three winners from the final; a place
    is a departure when the chosen entry's computed rank is not the rank of that place."""
    round_ = snapshot.round
    chair = Juror.objects.filter(challenge_id=round_.challenge_id, is_chair=True, user=actor).first()
    if chair is None:
        raise JudgingError(_("Only the jury chair confirms the jury's decisions."))
    if kind not in KIND_OF_DECISION:
        raise JudgingError(_("Choose what you decide."))
    if KIND_OF_DECISION[kind] != round_.kind:
        raise JudgingError(
            _(
                "The winners come from the final round; the shortlist and the finalists from a screening round."
            )
        )
    if not snapshot.inputs.get("locked"):
        raise JudgingError(_("Close the round and compute its results before confirming a decision."))
    if not snapshot.is_intact():
        raise JudgingError(_("This result snapshot has been altered: compute the results again."))
    if kind == DecisionKind.WINNERS and len(entries) != 3:
        raise JudgingError(_("Choose the three winners, first prize first."))
    if not entries or len(set(entries)) != len(entries):
        raise JudgingError(_("Choose each entry once."))
    ranks = {row["entry"]: row["rank"] for row in snapshot.results["ranking"]}
    if any(entry not in ranks for entry in entries):
        raise JudgingError(_("Some chosen entries are not in this round's results."))
    ranked = [row["entry"] for row in snapshot.results["ranking"] if row["rank"] is not None]
    expected = ranked[: len(entries)]
    never = len(ranked) + 1  # entries nobody reviewed
    if kind == DecisionKind.WINNERS:
        departures = [
            {
                "place": place + 1,
                "computed": expected[place] if place < len(expected) else None,
                "chosen": entry,
            }
            for place, entry in enumerate(entries)
            if place >= len(expected) or (ranks[entry] or never) != ranks[expected[place]]
        ]
    else:
        cut = ranks[expected[-1]] if expected else 0
        departures = [
            {"chosen": entry, "computed_rank": ranks[entry]}
            for entry in entries
            if (ranks[entry] or never) > cut
        ]
    reason = (reason or "").strip()
    if departures and not reason:
        raise JudgingError(_("Your choice departs from the computed order: write the reason."))
    status = {
        DecisionKind.SHORTLIST: SubmissionStatus.SHORTLISTED,
        DecisionKind.FINALISTS: SubmissionStatus.FINALIST,
        DecisionKind.WINNERS: SubmissionStatus.WINNER,
    }[kind]
    try:
        with transaction.atomic():
            Round.objects.select_for_update().get(pk=round_.pk)  # one decision at a time
            decision = Decision.objects.create(
                round=round_,
                snapshot=snapshot,
                kind=kind,
                entries=entries,
                departures=departures,
                reason=reason,
                confirmed_by=actor,
            )
            chosen = set(entries)
            for place, entry in enumerate(entries):
                status_set(
                    submission=Submission.objects.get(pk=entry),
                    actor=actor,
                    status=status,
                    prize_rank=place + 1 if kind == DecisionKind.WINNERS else None,
                    notify=kind != DecisionKind.WINNERS,  # winners are told when they are published
                )
            if kind != DecisionKind.WINNERS:  # finalists who do not win stay finalists
                for submission in Submission.objects.filter(pk__in=list(ranks)).exclude(pk__in=chosen):
                    if submission.status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.SHORTLISTED):
                        status_set(submission=submission, actor=actor, status=SubmissionStatus.NOT_SELECTED)
            audit(
                round_.challenge_id,
                "decision_confirmed",
                actor=actor,
                round=round_.pk,
                kind=kind,
                snapshot=snapshot.pk,
                entries=entries,
                departures=departures,
                reason=reason,
            )
    except ChallengeError as refusal:
        raise JudgingError(str(refusal)) from refusal
    return decision


def winners_publish(*, decision: Decision, actor) -> Decision:
    """The chair makes the winners public: `startups` publishes them and tells them; the jury
    records when and by whom."""
    if decision.kind != DecisionKind.WINNERS:
        raise JudgingError(_("Only the winners are published this way."))
    with transaction.atomic():
        challenge = results_publish(challenge=decision.round.challenge, winners=True, actor=actor)
        decision.published_at = timezone.now()
        decision.save(update_fields=["published_at"])
        audit(challenge.pk, "winners_published", actor=actor, decision=decision.pk, entries=decision.entries)
    return decision
