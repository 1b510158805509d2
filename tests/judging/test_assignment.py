"""Assignment: every entry covered, juror loads within one, conflicts never assigned."""

import random

import pytest

from judging.assignment import assign


def generated(entries=120, jurors=12, conflict_rate=0.08, seed=7):
    rng = random.Random(seed)
    entry_keys = [f"e{n}" for n in range(entries)]
    juror_keys = [f"j{n}" for n in range(jurors)]
    conflicts = {(j, e) for j in juror_keys for e in entry_keys if rng.random() < conflict_rate}
    return entry_keys, juror_keys, conflicts


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("per_entry", [2, 3, 5])
def test_120_entries_and_12_jurors_with_random_conflicts(seed, per_entry):
    entries, jurors, conflicts = generated(seed=seed)
    assert conflicts  # the generator really made some
    plan = assign(entries, jurors, per_entry=per_entry, conflicts=conflicts, seed=seed)
    assert plan.uncovered == {}
    for entry in entries:
        reviewers = [j for j, e in plan.pairs if e == entry]
        assert len(reviewers) == per_entry
    assert not plan.pairs & conflicts
    loads = plan.loads(jurors).values()
    assert max(loads) - min(loads) <= 1
    assert sum(loads) == 120 * per_entry


def test_heavy_conflicts_still_balance_through_a_chain_of_moves():
    entries, jurors, conflicts = generated(entries=60, jurors=6, conflict_rate=0.3, seed=11)
    plan = assign(entries, jurors, per_entry=2, conflicts=conflicts, seed=3)
    assert plan.uncovered == {}
    loads = plan.loads(jurors).values()
    assert max(loads) - min(loads) <= 1
    assert not plan.pairs & conflicts


def test_an_entry_every_juror_conflicts_with_is_reported_not_forced():
    entries, jurors = ["a", "b"], ["j1", "j2", "j3"]
    conflicts = {("j1", "a"), ("j2", "a")}
    plan = assign(entries, jurors, per_entry=2, conflicts=conflicts)
    assert plan.uncovered == {"a": 1}
    assert ("j3", "a") in plan.pairs


def test_hand_made_assignments_are_kept_and_a_recusal_is_filled_by_another_juror():
    entries, jurors, conflicts = generated(entries=30, jurors=6, conflict_rate=0.05, seed=2)
    first = assign(entries, jurors, per_entry=3, conflicts=conflicts)
    # j0 recuses from one of its entries: the conflict is recorded and the plan topped up.
    recused = next(pair for pair in sorted(first.pairs) if pair[0] == "j0")
    again = assign(
        entries, jurors, per_entry=3, conflicts=conflicts | {recused}, existing=first.pairs - {recused}
    )
    assert recused not in again.pairs
    assert first.pairs - {recused} <= again.pairs  # nothing else moved
    assert len(again.added) == 1
    [(juror, entry)] = again.added
    assert entry == recused[1] and juror != "j0"
