"""Everything that changes the jury's work, each change written to the audit log.

Checks are made under row locks at the moment of writing: a review is saved
only by its juror, only while its round is open (the closing time is read
just before writing), never for an entry the juror has a conflict with, and
never after it was submitted.
"""

import datetime
import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.accounts import address_owned
from core.errors import UserError
from judging.assignment import assign
from judging.audit import audit
from judging.models import (
    SOURCE_STATUSES,
    Assignment,
    Conflict,
    ConflictSource,
    Juror,
    Review,
    ReviewStatus,
    Round,
    RoundKind,
    Score,
)
from startups.models import Challenge, StartupMember, Submission, SubmissionStatus

# Addresses anyone can have: sharing one of these domains is no conflict.
PUBLIC_DOMAINS = {
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "hotmail.fr",
    "live.com",
    "yahoo.com",
    "yahoo.fr",
    "icloud.com",
    "menara.ma",
    "proton.me",
    "protonmail.com",
    "example.org",
}


class JudgingError(UserError):
    """A refusal shown as it is."""


# Jurors ------------------------------------------------------------------------------------


def juror_of(user, challenge: Challenge) -> Juror | None:
    if not user.is_authenticated:
        return None
    return Juror.objects.filter(challenge=challenge, user=user).first()


def juror_accept(*, token: str, user) -> Juror:
    """The invited person, logged in with the invited address, takes the seat."""

    with transaction.atomic():
        juror = Juror.objects.select_for_update().filter(token=token).first()
        if juror is None:
            raise JudgingError(_("This invitation does not exist."))
        if juror.user_id == user.pk:
            return juror
        if juror.user_id is not None:
            raise JudgingError(_("This invitation has already been used."))
        if not address_owned(user, juror.email):
            raise JudgingError(
                _(
                    "This invitation was sent to another address. "
                    "Log in with the address that received it to join the jury."
                )
            )
        juror.user = user
        juror.accepted_at = timezone.now()
        juror.save(update_fields=["user", "accepted_at"])
        audit(juror.challenge_id, "juror_joined", actor=user, juror=juror.pk)
    return juror


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower().strip()


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def conflicts_detect(challenge: Challenge) -> int:
    """Flag juror × entry pairs that share an e-mail domain or an organisation name."""
    entries = list(
        Submission.objects.filter(challenge=challenge)
        .exclude(status__in=[SubmissionStatus.DRAFT, SubmissionStatus.WITHDRAWN])
        .select_related("startup")
    )
    domains: dict[int, set[str]] = {}
    for member in StartupMember.objects.filter(startup__submissions__in=entries).select_related("user"):
        domains.setdefault(member.startup_id, set()).add(_domain(member.user.email))
    for entry in entries:
        if entry.startup.website:
            host = re.sub(r"^https?://(www\.)?", "", entry.startup.website.lower()).split("/")[0]
            domains.setdefault(entry.startup_id, set()).add(host)
    existing = set(
        Conflict.objects.filter(juror__challenge=challenge).values_list("juror_id", "submission_id")
    )
    # A pair the juror has already scored (after confirming no conflict) is left to the organisers.
    existing |= set(
        Review.objects.filter(
            assignment__round__challenge=challenge, status=ReviewStatus.SUBMITTED
        ).values_list("assignment__juror_id", "assignment__submission_id")
    )
    created = 0
    for juror in Juror.objects.filter(challenge=challenge):
        juror_domain = _domain(juror.email)
        organisation = _words(juror.organisation)
        for entry in entries:
            if (juror.pk, entry.pk) in existing:
                continue
            startup_name = _words(entry.startup.name)
            same_domain = juror_domain not in PUBLIC_DOMAINS and juror_domain in domains.get(
                entry.startup_id, set()
            )
            same_organisation = bool(organisation) and (
                organisation == startup_name
                or (len(startup_name) > 3 and f" {startup_name} " in f" {organisation} ")  # whole words
            )
            if same_domain or same_organisation:
                reason = (
                    _("Same e-mail domain (%(domain)s).") % {"domain": juror_domain}
                    if same_domain
                    else _("Same organisation (%(organisation)s).") % {"organisation": juror.organisation}
                )
                with transaction.atomic():
                    made = Conflict.objects.bulk_create(
                        [
                            Conflict(
                                juror=juror, submission=entry, source=ConflictSource.AUTOMATIC, reason=reason
                            )
                        ],
                        ignore_conflicts=True,  # the same pair flagged at the same moment elsewhere
                    )
                    if made:
                        audit(challenge.pk, "conflict_flagged", juror=juror.pk, entry=entry.pk, reason=reason)
                created += 1
    return created


def conflict_declare(*, juror: Juror, submission: Submission, user, reason: str = "") -> Conflict:
    """A juror declares a conflict; an entry they were assigned goes to another juror."""
    if juror.user_id != user.pk:
        raise JudgingError(_("You are not this juror."))
    if submission.challenge_id != juror.challenge_id:
        raise JudgingError(_("This entry is not in your challenge."))
    with transaction.atomic():
        assigned = list(
            Assignment.objects.select_for_update()
            .filter(juror=juror, submission=submission)
            .select_related("round")
        )
        if Review.objects.filter(assignment__in=assigned, status=ReviewStatus.SUBMITTED).exists():
            raise JudgingError(
                _(
                    "You have already submitted a review of this entry: write to the organisers about the conflict."
                )
            )
        conflict, created = Conflict.objects.get_or_create(
            juror=juror,
            submission=submission,
            defaults={
                "source": ConflictSource.RECUSED if assigned else ConflictSource.DECLARED,
                "reason": reason.strip()[:2000],
            },
        )
        if created:
            audit(juror.challenge_id, "conflict_declared", actor=user, juror=juror.pk, entry=submission.pk)
        rounds = []
        for assignment in assigned:
            if assignment.round.is_locked():
                continue  # a closed round's scores stay as they were
            rounds.append(assignment.round)
            assignment.delete()
            audit(
                juror.challenge_id,
                "assignment_removed",
                actor=user,
                round=assignment.round_id,
                juror=juror.pk,
                entry=submission.pk,
                why="recused",
            )
        for round_ in rounds:
            _top_up(Round.objects.select_for_update().get(pk=round_.pk), actor=user)
    return conflict


# Assignments -------------------------------------------------------------------------------


def round_entries(round_: Round):
    return Submission.objects.filter(
        challenge_id=round_.challenge_id, status__in=SOURCE_STATUSES[round_.source]
    )


def _top_up(round_: Round, *, actor=None):
    entries = list(round_entries(round_).values_list("pk", flat=True))
    jurors = list(Juror.objects.filter(challenge_id=round_.challenge_id).values_list("pk", flat=True))
    if not jurors or not entries:
        return None
    conflicts = set(
        Conflict.objects.filter(juror__challenge_id=round_.challenge_id).values_list(
            "juror_id", "submission_id"
        )
    )
    existing = set(Assignment.objects.filter(round=round_).values_list("juror_id", "submission_id"))
    per_entry = len(jurors) if round_.kind == RoundKind.FINAL else min(round_.min_reviews, len(jurors))
    plan = assign(
        entries, jurors, per_entry=per_entry, conflicts=conflicts, existing=existing, seed=round_.pk
    )
    Assignment.objects.bulk_create(
        [Assignment(round=round_, juror_id=juror, submission_id=entry) for juror, entry in sorted(plan.added)]
    )
    audit(
        round_.challenge_id,
        "assignments_generated",
        actor=actor,
        round=round_.pk,
        added=sorted([list(pair) for pair in plan.added]),
        uncovered={str(entry): missing for entry, missing in plan.uncovered.items()},
    )
    return plan


def assignments_generate(round_: Round, *, actor) -> object:
    """Assign the round's entries to the jury (keeping what exists), after flagging conflicts."""
    conflicts_detect(round_.challenge)
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.is_locked():
            raise JudgingError(_("This round is closed."))
        return _top_up(round_, actor=actor)


def assignment_add(*, round_: Round, juror: Juror, submission: Submission, actor) -> Assignment:
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.is_locked():
            raise JudgingError(_("This round is closed: its assignments stay as they were."))
        if not round_entries(round_).filter(pk=submission.pk).exists():
            raise JudgingError(_("This entry is not in this round."))
        if Conflict.objects.filter(juror=juror, submission=submission).exists():
            raise JudgingError(_("This juror has a conflict of interest with this entry."))
        if juror.challenge_id != round_.challenge_id or submission.challenge_id != round_.challenge_id:
            raise JudgingError(_("This juror or entry is not in the round's challenge."))
        assignment, created = Assignment.objects.get_or_create(
            round=round_, juror=juror, submission=submission, defaults={"by_hand": True}
        )
        if created:
            audit(
                round_.challenge_id,
                "assignment_added",
                actor=actor,
                round=round_.pk,
                juror=juror.pk,
                entry=submission.pk,
            )
    return assignment


def assignment_remove(*, assignment: Assignment, actor) -> None:
    with transaction.atomic():
        assignment = Assignment.objects.select_for_update().select_related("round").get(pk=assignment.pk)
        if assignment.round.is_locked():
            raise JudgingError(_("This round is closed: its assignments stay as they were."))
        if Review.objects.filter(assignment=assignment, status=ReviewStatus.SUBMITTED).exists():
            raise JudgingError(_("This juror has submitted the review: the assignment stays."))
        audit(
            assignment.round.challenge_id,
            "assignment_removed",
            actor=actor,
            round=assignment.round_id,
            juror=assignment.juror_id,
            entry=assignment.submission_id,
            why="organiser",
        )
        assignment.delete()


def no_conflict_confirm(*, assignment: Assignment, user) -> Assignment:
    """The juror says they have no conflict with the entry; its details are then shown."""
    if assignment.juror.user_id != user.pk:
        raise JudgingError(_("This entry is not assigned to you."))
    with transaction.atomic():
        if assignment.checked_at is None:
            assignment.checked_at = timezone.now()
            assignment.save(update_fields=["checked_at"])
            audit(
                assignment.juror.challenge_id,
                "no_conflict_confirmed",
                actor=user,
                round=assignment.round_id,
                juror=assignment.juror_id,
                entry=assignment.submission_id,
            )
    return assignment


def blind_label(round_: Round, submission_id: int) -> str:
    """What a juror calls an entry in a blind round: a code that does not lead back to the entry's id."""
    key = hashlib.sha256(("blind-label:" + settings.SECRET_KEY).encode()).digest()
    code = hmac.new(key, f"{round_.pk}:{submission_id}".encode(), hashlib.sha256).hexdigest()[:6].upper()
    return f"#{code}"


def visible_assignments(juror: Juror):
    """The juror's assignments, never those of entries they have a conflict with or that left judging."""
    return (
        Assignment.objects.filter(juror=juror)
        .exclude(submission__conflicts__juror=juror)
        .exclude(submission__status=SubmissionStatus.WITHDRAWN)
        .select_related("round", "submission", "submission__theme", "submission__startup")
    )


# Reviews -----------------------------------------------------------------------------------


def _value(raw, round_: Round) -> Decimal | None:
    if raw in (None, ""):
        return None
    try:
        value = Decimal(str(raw).replace(",", "."))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation as error:
        raise JudgingError(_("Scores are numbers.")) from error
    if not round_.scale_min <= value <= round_.scale_max or value != value.quantize(Decimal("0.01")):
        raise JudgingError(
            _("Scores go from %(low)s to %(high)s.") % {"low": round_.scale_min, "high": round_.scale_max}
        )
    return value


def review_save(
    *, assignment: Assignment, user, scores: dict, comment: str = "", submit: bool = False
) -> Review:
    """Save a juror's scores (criterion id -> (value, comment)); `submit` requires every criterion."""
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("round", "juror", "submission")
            .filter(pk=assignment.pk)
            .first()
        )
        if assignment is None:  # removed meanwhile (a recusal, an organiser's change)
            raise JudgingError(_("This entry is not assigned to you."))
        # Locked like round_close locks it: a save and a closing never cross.
        round_ = Round.objects.select_for_update().get(pk=assignment.round_id)
        if assignment.juror.user_id != user.pk:
            raise JudgingError(_("This entry is not assigned to you."))
        if Conflict.objects.filter(juror=assignment.juror, submission=assignment.submission).exists():
            raise JudgingError(_("You have declared a conflict of interest with this entry."))
        if assignment.checked_at is None:
            raise JudgingError(_("Say first whether you have a conflict of interest with this entry."))
        now = timezone.now()
        if now < round_.opens_at:
            raise JudgingError(_("This round is not open yet."))
        if round_.is_locked(now):
            raise JudgingError(_("This round is closed: scores can no longer change."))
        review, _created = Review.objects.get_or_create(assignment=assignment)
        if review.status == ReviewStatus.SUBMITTED:
            raise JudgingError(_("You have submitted this review: it can no longer change."))
        criteria = list(round_.criteria.all())
        values = {}
        for criterion in criteria:
            raw, note = scores.get(criterion.pk, (None, ""))
            values[criterion.pk] = (_value(raw, round_), (note or "").strip()[:2000])
        if submit:
            missing = [str(criterion.name) for criterion in criteria if values[criterion.pk][0] is None]
            if missing:
                raise JudgingError(
                    _("Score every criterion to submit: %(missing)s.") % {"missing": ", ".join(missing)}
                )
        for criterion in criteria:
            value, note = values[criterion.pk]
            if value is None:
                Score.objects.filter(review=review, criterion=criterion).delete()
            else:
                Score.objects.update_or_create(
                    review=review, criterion=criterion, defaults={"value": value, "comment": note}
                )
        review.comment = (comment or "").strip()[:4000]
        if submit:
            review.status = ReviewStatus.SUBMITTED
            review.submitted_at = now
            audit(
                round_.challenge_id,
                "review_submitted",
                actor=user,
                round=round_.pk,
                juror=assignment.juror_id,
                entry=assignment.submission_id,
                scores={str(pk): str(value) for pk, (value, _note) in values.items()},
            )
        review.save()
    return review


def others_reviews(assignment: Assignment):
    """Other jurors' submitted reviews of the entry, once this juror has submitted theirs, if the round allows."""
    round_ = assignment.round
    mine = Review.objects.filter(assignment=assignment, status=ReviewStatus.SUBMITTED).exists()
    if not (round_.reveal_scores and mine):
        return Review.objects.none()
    return (
        Review.objects.filter(
            assignment__round=round_,
            assignment__submission=assignment.submission,
            status=ReviewStatus.SUBMITTED,
        )
        .exclude(assignment=assignment)
        .select_related("assignment__juror")
        .prefetch_related("scores__criterion")
    )


# Rounds ------------------------------------------------------------------------------------

# What the scores mean: once jurors have submitted scores, these stay as they are.
ROUND_FROZEN_FIELDS = ("kind", "source", "blind", "scale_min", "scale_max", "challenge")
CRITERION_FROZEN_FIELDS = ("weight", "is_primary")


@dataclass(frozen=True)
class CriterionEdit:
    """One rubric line of an organiser's edit of a round."""

    existing: bool  # the criterion is stored already
    filled: bool = True  # a new line with something in it
    delete: bool = False
    changed: frozenset[str] = frozenset()


def round_edit_check(
    *,
    round_: Round,
    closes_at: datetime.datetime | None = None,
    changed: Iterable[str] = (),
    criteria: Iterable[CriterionEdit] = (),
) -> None:
    """An organiser's edit of a stored round, checked against the round as stored: a closed
    round's closing time stays; once jurors have submitted scores, what the scores mean (the
    rubric, its weights, the scale, the kind, the entries, the visibility) stays. Names and
    descriptions can change. `criteria` is read only if scores exist."""
    stored = Round.objects.get(pk=round_.pk)
    moved = closes_at and closes_at.replace(second=0, microsecond=0) != (
        stored.closes_at.replace(second=0, microsecond=0)  # the form shows minutes
    )
    if stored.is_locked(timezone.now()) and moved:
        raise JudgingError(_("This round is closed: its closing time stays as it was."))
    if not Review.objects.filter(assignment__round=round_, status=ReviewStatus.SUBMITTED).exists():
        return
    rubric_changed = any(
        (edit.existing and (edit.delete or set(CRITERION_FROZEN_FIELDS) & edit.changed))
        or (not edit.existing and edit.filled and not edit.delete)
        for edit in criteria
    )
    if rubric_changed or set(ROUND_FROZEN_FIELDS) & set(changed):
        raise JudgingError(
            _(
                "Jurors have submitted scores in this round: its rubric (criteria, weights), scale, kind, "
                "entries and visibility can no longer change. Names and descriptions can."
            )
        )


def rounds_lock_due(now=None) -> int:
    """Record the lock of rounds whose closing time has passed (their scores were locked from that
    moment on anyway); run by the minute sweep, so the audit log shows every lock."""
    now = now or timezone.now()
    locked = 0
    for pk in Round.objects.filter(locked_at__isnull=True, closes_at__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            round_ = Round.objects.select_for_update().get(pk=pk)
            if round_.locked_at is None:
                round_.locked_at = round_.closes_at
                round_.save(update_fields=["locked_at"])
                audit(round_.challenge_id, "round_locked", round=round_.pk, by="closing time")
                locked += 1
    return locked


def round_close(*, round_: Round, actor) -> Round:
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.locked_at is None:
            round_.locked_at = timezone.now()
            round_.save(update_fields=["locked_at"])
            audit(round_.challenge_id, "round_locked", actor=actor, round=round_.pk)
    return round_
