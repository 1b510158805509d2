"""The jury's work: who sees what, when scores lock, results frozen, the chair's decisions, the audit chain."""

import datetime

import pytest
from django.utils import timezone, translation

from judging import services
from judging.audit import audit_verify
from judging.models import Assignment, AuditEntry, Conflict, Juror, ResultSnapshot, Review, Round
from judging.results import decision_confirm, results_compute, winners_publish
from startups.models import StartupMember, Submission, SubmissionStatus
from tests.judging.factories import challenge_with_jury, round_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def jury(edition):
    challenge, entries, jurors = challenge_with_jury(edition, entries=6, jurors=4)
    round_ = round_create(challenge, min_reviews=2)
    return challenge, entries, jurors, round_


def generate(round_):
    """Assign, and have every juror confirm having no conflict (the step before seeing an entry)."""
    plan = services.assignments_generate(round_, actor=None)
    Assignment.objects.filter(round=round_).update(checked_at=timezone.now())
    return plan


def scores_for(round_, *values):
    return {criterion.pk: (value, "") for criterion, value in zip(round_.criteria.all(), values, strict=True)}


def test_assignments_cover_every_entry_and_skip_conflicts(jury):
    _challenge, entries, jurors, round_ = jury
    services.conflict_declare(
        juror=jurors[1], submission=entries[0], user=jurors[1].user, reason="Ancien associé"
    )
    plan = services.assignments_generate(round_, actor=None)
    assert plan.uncovered == {}
    assert not Assignment.objects.filter(juror=jurors[1], submission=entries[0]).exists()
    for entry in entries:
        assert Assignment.objects.filter(round=round_, submission=entry).count() == 2
    loads = [Assignment.objects.filter(juror=juror).count() for juror in jurors]
    assert max(loads) - min(loads) <= 1


def test_conflicts_are_flagged_for_a_shared_domain_or_organisation(jury):
    challenge, entries, jurors, _round = jury
    member = StartupMember.objects.filter(startup=entries[2].startup).get()
    member.user.email = "founder@jury3.example.net"  # the domain of juror 3
    member.user.save()
    jurors[0].organisation = "Conseil — Startup 004 SARL"
    jurors[0].save()
    assert services.conflicts_detect(challenge) == 2
    assert set(Conflict.objects.values_list("juror_id", "submission_id", "source")) == {
        (jurors[3].pk, entries[2].pk, "automatic"),
        (jurors[0].pk, entries[4].pk, "automatic"),
    }
    assert services.conflicts_detect(challenge) == 0  # once


def test_a_juror_sees_only_assigned_entries_without_conflicts(jury):
    _challenge, _entries, jurors, round_ = jury
    services.assignments_generate(round_, actor=None)
    juror = jurors[0]
    unchecked = Assignment.objects.filter(juror=juror).first()
    with pytest.raises(services.JudgingError, match="conflict of interest with this entry"):
        services.review_save(assignment=unchecked, user=juror.user, scores=scores_for(round_, 5, 5))
    services.no_conflict_confirm(assignment=unchecked, user=juror.user)
    services.review_save(assignment=unchecked, user=juror.user, scores=scores_for(round_, 5, 5))
    mine = list(services.visible_assignments(juror))
    assert mine and all(a.juror_id == juror.pk for a in mine)
    other = Assignment.objects.exclude(juror=juror).first()
    with pytest.raises(services.JudgingError, match="not assigned to you"):
        services.review_save(assignment=other, user=juror.user, scores=scores_for(round_, 5, 5))


def test_recusing_removes_the_entry_and_gives_it_to_another_juror(jury):
    _challenge, _entries, jurors, round_ = jury
    generate(round_)
    assignment = Assignment.objects.filter(juror=jurors[0]).first()
    entry = assignment.submission
    services.conflict_declare(
        juror=jurors[0], submission=entry, user=jurors[0].user, reason="Je les conseille"
    )
    assert Conflict.objects.get(juror=jurors[0], submission=entry).source == "recused"
    assert entry.pk not in [a.submission_id for a in services.visible_assignments(jurors[0])]
    assert Assignment.objects.filter(round=round_, submission=entry).count() == 2
    with pytest.raises(services.JudgingError, match="not assigned to you"):
        services.review_save(assignment=assignment, user=jurors[0].user, scores={})


def test_submitting_needs_every_criterion_and_is_final(jury):
    _challenge, _entries, jurors, round_ = jury
    generate(round_)
    assignment = Assignment.objects.filter(juror=jurors[0]).first()
    first, _second = round_.criteria.all()
    services.review_save(assignment=assignment, user=jurors[0].user, scores={first.pk: ("7", "Solide")})
    with pytest.raises(services.JudgingError, match="Score every criterion"):
        services.review_save(
            assignment=assignment, user=jurors[0].user, scores={first.pk: ("7", "")}, submit=True
        )
    with pytest.raises(services.JudgingError, match="from 0 to 10"):
        services.review_save(assignment=assignment, user=jurors[0].user, scores=scores_for(round_, 11, 5))
    review = services.review_save(
        assignment=assignment,
        user=jurors[0].user,
        scores=scores_for(round_, 7, 6),
        comment="Bien",
        submit=True,
    )
    assert review.status == "submitted"
    with pytest.raises(services.JudgingError, match="can no longer change"):
        services.review_save(assignment=assignment, user=jurors[0].user, scores=scores_for(round_, 9, 9))


def test_scores_cannot_change_once_the_round_closes(jury):
    _challenge, _entries, jurors, round_ = jury
    generate(round_)
    assignment = Assignment.objects.filter(juror=jurors[0]).select_related("round").first()
    Round.objects.filter(pk=round_.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    assert not assignment.round.is_locked()  # the copy the request holds is stale
    with pytest.raises(services.JudgingError, match="closed"):
        services.review_save(assignment=assignment, user=jurors[0].user, scores=scores_for(round_, 5, 5))
    Round.objects.filter(pk=round_.pk).update(closes_at=timezone.now() + datetime.timedelta(days=1))
    services.round_close(round_=round_, actor=None)
    with pytest.raises(services.JudgingError, match="closed"):
        services.review_save(assignment=assignment, user=jurors[0].user, scores=scores_for(round_, 5, 5))
    assert not Review.objects.filter(scores__isnull=False).exists()


def test_others_scores_show_only_after_submitting_and_if_the_round_allows(jury):
    _challenge, entries, _jurors, round_ = jury
    generate(round_)
    entry = entries[0]
    first, second = Assignment.objects.filter(round=round_, submission=entry)[:2]
    services.review_save(
        assignment=first, user=first.juror.user, scores=scores_for(round_, 8, 8), submit=True
    )
    assert list(services.others_reviews(second)) == []
    services.review_save(
        assignment=second, user=second.juror.user, scores=scores_for(round_, 4, 4), submit=True
    )
    assert [r.assignment_id for r in services.others_reviews(second)] == [first.pk]
    Round.objects.filter(pk=round_.pk).update(reveal_scores=False)
    second.round.refresh_from_db()
    assert list(services.others_reviews(second)) == []


def score_everything(round_, plan_values):
    """Submit every assigned review with the score given for its entry (both criteria)."""
    for assignment in Assignment.objects.filter(round=round_).select_related("juror", "submission"):
        value = plan_values(assignment)
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores_for(round_, value, value),
            submit=True,
        )


def every_juror_reviews_everything(round_):
    """With every juror on every entry, normalisation shifts all jurors alike: the raw order stands."""
    Round.objects.filter(pk=round_.pk).update(
        min_reviews=Juror.objects.filter(challenge=round_.challenge).count()
    )
    round_.refresh_from_db()
    generate(round_)


def test_results_are_frozen_in_a_snapshot_that_later_changes_cannot_alter(jury):
    _challenge, entries, _jurors, round_ = jury
    every_juror_reviews_everything(round_)
    ranks = {entry.pk: index for index, entry in enumerate(entries)}
    score_everything(round_, lambda a: 9 - ranks[a.submission_id])
    services.round_close(round_=round_, actor=None)
    snapshot = results_compute(round_=round_, actor=None)
    assert snapshot.method == "normalised mean" and snapshot.is_intact()
    assert [row["entry"] for row in snapshot.results["ranking"]] == [entry.pk for entry in entries]
    assert len(snapshot.inputs["reviews"]) == 6 * 4

    ResultSnapshot.objects.filter(pk=snapshot.pk).update(
        results={"ranking": []}
    )  # behind the application's back
    snapshot.refresh_from_db()
    assert not snapshot.is_intact()
    with pytest.raises(Exception, match="never changed"):
        snapshot.save()


def test_the_chair_confirms_and_departures_need_a_reason(
    jury, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    challenge, entries, jurors, round_ = jury
    every_juror_reviews_everything(round_)
    ranks = {entry.pk: index for index, entry in enumerate(entries)}
    score_everything(round_, lambda a: 9 - ranks[a.submission_id])
    services.round_close(round_=round_, actor=None)
    snapshot = results_compute(round_=round_, actor=None)
    chosen = [entries[0].pk, entries[1].pk, entries[3].pk]  # entries[3] instead of entries[2]
    with pytest.raises(services.JudgingError, match="Only the jury chair"):
        decision_confirm(snapshot=snapshot, kind="finalists", entries=chosen, reason="", actor=jurors[1].user)
    with pytest.raises(services.JudgingError, match="write the reason"):
        decision_confirm(snapshot=snapshot, kind="finalists", entries=chosen, reason="", actor=jurors[0].user)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_confirm(
            snapshot=snapshot,
            kind="finalists",
            entries=chosen,
            reason="Pilote déjà financé",
            actor=jurors[0].user,
        )
    assert decision.departures == [{"chosen": entries[3].pk, "computed_rank": 4}]
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert [statuses[pk] for pk in chosen] == ["finalist"] * 3
    assert statuses[entries[2].pk] == "not_selected"
    assert mailoutbox  # the startups are told
    last = AuditEntry.objects.filter(challenge=challenge).last()
    assert last.action == "decision_confirmed" and last.data["reason"] == "Pilote déjà financé"


def test_winners_are_confirmed_from_the_final_and_published(jury, site_tree):
    challenge, entries, jurors, _round = jury
    for entry in entries[:4]:
        Submission.objects.filter(pk=entry.pk).update(
            status=SubmissionStatus.FINALIST, finalist_at=timezone.now()
        )
    final = round_create(challenge, kind="final", source="finalists")
    generate(final)
    assert Assignment.objects.filter(round=final).count() == 4 * 4  # every juror, every finalist
    ranks = {entry.pk: index for index, entry in enumerate(entries)}
    score_everything(final, lambda a: 9 - ranks[a.submission_id])
    services.round_close(round_=final, actor=None)
    snapshot = results_compute(round_=final, actor=None)
    assert snapshot.method == "Schulze"
    podium = [entries[0].pk, entries[1].pk, entries[2].pk]
    decision = decision_confirm(
        snapshot=snapshot, kind="winners", entries=podium, reason="", actor=jurors[0].user
    )
    assert decision.departures == []
    assert list(
        Submission.objects.filter(pk__in=podium).order_by("prize_rank").values_list("pk", "status")
    ) == [(pk, "winner") for pk in podium]
    winners_publish(decision=decision, actor=jurors[0].user)
    challenge.refresh_from_db()
    assert challenge.winners_published


def test_the_audit_log_is_a_chain_that_shows_tampering(jury):
    challenge, _entries, _jurors, round_ = jury
    generate(round_)
    services.round_close(round_=round_, actor=None)
    assert AuditEntry.objects.filter(challenge=challenge).count() >= 2
    assert audit_verify(challenge) is None
    entry = AuditEntry.objects.filter(challenge=challenge).first()
    AuditEntry.objects.filter(pk=entry.pk).update(data={"round": 999})
    assert audit_verify(challenge) == entry


def test_a_startup_never_sees_scores(jury):
    from django.test import Client

    challenge, entries, _jurors, round_ = jury
    generate(round_)
    assignment = Assignment.objects.filter(submission=entries[0]).first()
    services.review_save(
        assignment=assignment,
        user=assignment.juror.user,
        scores=scores_for(round_, 7.25, 3.5),
        comment="Commentaire du jury XYZ",
        submit=True,
    )
    client = Client()
    client.force_login(entries[0].startup.members.get().user)
    for url in ("/fr/startup/", f"/fr/startup/entry/{challenge.pk}/"):
        html = client.get(url).content.decode()
        assert "7,25" not in html and "7.25" not in html and "Commentaire du jury XYZ" not in html
