"""What keeps the jury's results honest: digests that survive a reload, late changes refused,
equal results tied whatever the float noise, decisions in the right round, blind codes."""

import pytest
from django.test import Client
from django.utils import timezone, translation

from judging import services
from judging.aggregation import Criterion, Review, screening_ranking
from judging.audit import audit_verify
from judging.models import Assignment, Juror, ResultSnapshot
from judging.results import decision_confirm, results_compute, winners_publish
from startups.models import Submission
from tests.factories import user_create
from tests.judging.factories import challenge_with_jury, entries_create, round_create
from tests.judging.test_services import scores_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def scored_round(edition, *, juror_ids=None, entries=4, jurors=3):
    challenge, made, people = challenge_with_jury(edition, entries=entries, jurors=0 if juror_ids else jurors)
    for number, pk in enumerate(juror_ids or []):  # ids with different digit counts: 9 sorts after 10 as text
        email = f"j{pk}@jury.example.net"
        people.append(
            Juror.objects.create(
                pk=pk,
                challenge=challenge,
                name=f"J{pk}",
                email=email,
                user=user_create(email=email),
                is_chair=number == 0,
            )
        )
    round_ = round_create(challenge, min_reviews=2)
    services.assignments_generate(round_, actor=None)
    Assignment.objects.update(checked_at=timezone.now())
    ranks = {entry.pk: index for index, entry in enumerate(made)}
    for assignment in Assignment.objects.select_related("juror"):
        value = 9 - ranks[assignment.submission_id]
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores_for(round_, value, value),
            submit=True,
        )
    services.round_close(round_=round_, actor=None)
    return challenge, made, people, round_


def test_a_snapshot_reloaded_from_the_database_is_still_intact(edition):
    challenge, _entries, _jurors, round_ = scored_round(edition, juror_ids=[9, 10, 11])
    snapshot = results_compute(round_=round_, actor=None)
    reloaded = ResultSnapshot.objects.get(pk=snapshot.pk)
    assert set(reloaded.results["about"]["jurors"]) == {"9", "10", "11"}
    assert reloaded.is_intact()
    assert audit_verify(challenge) is None


def test_a_juror_cannot_declare_a_conflict_after_submitting_the_review(edition):
    _challenge, _entries, _jurors, round_ = scored_round(edition)
    assignment = Assignment.objects.select_related("juror", "submission").first()
    with pytest.raises(services.JudgingError, match="already submitted a review"):
        services.conflict_declare(
            juror=assignment.juror, submission=assignment.submission, user=assignment.juror.user
        )
    snapshot = results_compute(round_=round_, actor=None)
    assert len(snapshot.inputs["reviews"]) == Assignment.objects.filter(round=round_).count()


def test_equal_results_are_tied_whatever_the_float_noise():
    # Every juror is re-centred (3 reviews each); e1 and e2 both come to exactly 6.5, which floating
    # point computes as 6.5 and 6.499999999999999. They must tie, and head-to-head (2–1) decides.
    rows = [
        ("A", "e1", 8.9), ("A", "e2", 6.9), ("A", "e3", 4.9),
        ("B", "e1", 7.1), ("B", "e2", 5.1), ("B", "e3", 8.5),
        ("C", "e1", 3.5), ("C", "e2", 7.5), ("C", "e3", 7.5),
    ]  # fmt: skip
    reviews = [Review(juror, entry, {"s": score}) for juror, entry, score in rows]
    ranked, _about = screening_ranking(reviews, [Criterion("s", 1, True)], scale=(0, 10))
    first, second = (r for r in ranked if r.entry in ("e1", "e2"))
    assert (first.entry, first.tie_break, second.entry) == ("e1", "head-to-head", "e2")


def test_decisions_match_the_rounds_kind_and_winners_hear_it_at_publication(
    edition, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    challenge, entries, jurors, round_ = scored_round(edition)
    snapshot = results_compute(round_=round_, actor=None)
    chair = jurors[0].user
    with pytest.raises(services.JudgingError, match="winners come from the final"):
        decision_confirm(
            snapshot=snapshot, kind="winners", entries=[e.pk for e in entries[:3]], reason="", actor=chair
        )
    with pytest.raises(services.JudgingError, match="Choose what you decide"):
        decision_confirm(snapshot=snapshot, kind="nonsense", entries=[entries[0].pk], reason="", actor=chair)
    decision_confirm(
        snapshot=snapshot, kind="finalists", entries=[e.pk for e in entries], reason="", actor=chair
    )

    final = round_create(challenge, kind="final", source="finalists")
    services.assignments_generate(final, actor=None)
    Assignment.objects.filter(round=final).update(checked_at=timezone.now())
    ranks = {entry.pk: index for index, entry in enumerate(entries)}
    for assignment in Assignment.objects.filter(round=final).select_related("juror"):
        value = 9 - ranks[assignment.submission_id]
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores_for(final, value, value),
            submit=True,
        )
    services.round_close(round_=final, actor=None)
    final_snapshot = results_compute(round_=final, actor=None)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decision = decision_confirm(
            snapshot=final_snapshot,
            kind="winners",
            entries=[e.pk for e in entries[:3]],
            reason="",
            actor=chair,
        )
    assert mailoutbox == []  # not before the publication
    assert Submission.objects.get(pk=entries[3].pk).status == "finalist"  # the fourth finalist stays one
    with django_capture_on_commit_callbacks(execute=True):
        winners_publish(decision=decision, actor=chair)
    assert len(mailoutbox) == 3


def test_hand_assignments_stay_within_the_rounds_entries(edition):
    challenge, _entries, jurors = challenge_with_jury(edition, entries=2, jurors=2)
    round_ = round_create(challenge)
    [draft] = entries_create(challenge, 1, status="draft")
    with pytest.raises(services.JudgingError, match="not in this round"):
        services.assignment_add(round_=round_, juror=jurors[0], submission=draft, actor=None)


def test_a_blind_round_names_entries_by_a_code_and_the_deck_by_it_too(edition, tmp_path):
    from django.core.files.base import ContentFile

    challenge, _entries, jurors = challenge_with_jury(edition, entries=2, jurors=2)
    round_ = round_create(challenge, min_reviews=1, blind=True)
    services.assignments_generate(round_, actor=None)
    assignment = Assignment.objects.filter(juror=jurors[0]).select_related("submission").first()
    entry = assignment.submission
    entry.deck.save("x.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    entry.deck_filename = "nour-grid-pitch.pdf"
    entry.save()
    client = Client()
    client.force_login(jurors[0].user)
    home = client.get("/en/jury/").content.decode()
    code = services.blind_label(round_, entry.pk)
    assert code in home and entry.reference not in home
    client.post(f"/en/jury/entry/{assignment.pk}/", {"action": "no_conflict"})
    page = client.get(f"/en/jury/entry/{assignment.pk}/").content.decode()
    assert code in page and entry.reference not in page
    deck = client.get(f"/en/jury/entry/{assignment.pk}/deck/")
    assert deck["Content-Disposition"] == f'inline; filename="deck-{code[1:]}.pdf"'
    roster = client.get(f"/en/jury/seat/{jurors[0].pk}/conflicts/").content.decode()
    assert 'name="entry"' not in roster  # keyed by startup, never by the entry's id
    assert f'name="startup" value="{entry.startup_id}"' in roster
    assert entry.startup.members.get().user.email not in roster


def test_staff_without_the_judging_permission_stay_out(edition):
    _challenge, _entries, _jurors, round_ = scored_round(edition)
    client = Client()
    client.force_login(user_create(email="staff@example.org", is_staff=True))
    for url in (
        f"/admin/jury/dashboard/round/{round_.pk}/",
        f"/admin/jury/dashboard/round/{round_.pk}/results.csv",
    ):
        assert client.get(url).status_code in (302, 403)


def test_the_rubric_of_a_scored_round_cannot_change(edition):
    from tests.startups.test_admin_and_page import challenge_form_data  # the admin's round-trip of a form

    _challenge, _entries, _jurors, round_ = scored_round(edition)
    from judging.models import Round
    from judging.wagtail_hooks import RoundViewSet

    FormClass = RoundViewSet.edit_handler.bind_to_model(Round).get_form_class()  # the admin's form
    form = FormClass(instance=round_)
    data = challenge_form_data(form)
    unchanged = FormClass(data=data, instance=round_)
    assert unchanged.is_valid(), (unchanged.errors, unchanged.non_field_errors())  # unchanged: fine
    data["criteria-0-weight"] = "5"
    bound = FormClass(data=data, instance=round_)
    assert not bound.is_valid() and "can no longer change" in str(bound.non_field_errors())


def test_a_rounds_edit_is_checked_against_the_round_as_stored(edition):
    import datetime

    from judging.services import CriterionEdit, round_edit_check

    challenge, _entries, _jurors, scored = scored_round(edition)
    fresh = round_create(challenge)
    later = fresh.closes_at + datetime.timedelta(days=1)
    # Before any score: everything may change, the closing time too.
    round_edit_check(
        round_=fresh, closes_at=later, changed=["kind", "blind"], criteria=[CriterionEdit(False)]
    )
    services.round_close(round_=fresh, actor=None)
    with pytest.raises(services.JudgingError, match="its closing time stays"):
        round_edit_check(round_=fresh, closes_at=later)
    round_edit_check(round_=fresh, closes_at=fresh.closes_at.replace(second=59))  # the same minute

    renamed = CriterionEdit(True, changed=frozenset({"name_fr", "description_fr"}))
    round_edit_check(round_=scored, changed=["name_fr", "reveal_scores"], criteria=[renamed])
    for refused in (
        {"changed": ["scale_max"]},
        {"criteria": [CriterionEdit(True, changed=frozenset({"weight"}))]},
        {"criteria": [CriterionEdit(True, delete=True)]},
        {"criteria": [CriterionEdit(False)]},
    ):
        with pytest.raises(services.JudgingError, match="can no longer change"):
            round_edit_check(round_=scored, **refused)
    round_edit_check(
        round_=scored, criteria=[CriterionEdit(False, filled=False), CriterionEdit(False, delete=True)]
    )


def test_a_round_past_its_closing_time_is_locked_and_the_lock_is_logged_by_the_sweep(edition):
    import datetime
    import io

    from django.core.management import call_command

    from judging.models import AuditEntry, Round

    challenge, _entries, _jurors = challenge_with_jury(edition, entries=2, jurors=2)
    round_ = round_create(challenge)
    Round.objects.filter(pk=round_.pk).update(closes_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("run_periodic", stdout=io.StringIO())
    round_.refresh_from_db()
    assert round_.locked_at == round_.closes_at
    assert AuditEntry.objects.filter(challenge=challenge, action="round_locked").count() == 1
    call_command("run_periodic", stdout=io.StringIO())  # once
    assert AuditEntry.objects.filter(challenge=challenge, action="round_locked").count() == 1
