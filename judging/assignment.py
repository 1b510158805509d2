"""Balanced assignment of entries to jurors, around conflicts of interest.

Every entry gets `per_entry` jurors who have no conflict with it, and juror
loads differ by at most one wherever the conflicts allow it. Assignments made
before (by hand, or by an earlier run) are kept; a run only adds what is
missing, so it also serves to reassign an entry after a juror recuses.
Pure functions: the inputs are keys, the output a set of (juror, entry) pairs.
"""

import random
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class Plan:
    pairs: set[tuple[Hashable, Hashable]]
    added: set[tuple[Hashable, Hashable]] = field(default_factory=set)
    uncovered: dict[Hashable, int] = field(default_factory=dict)  # entry -> reviews it still lacks

    def loads(self, jurors: Iterable[Hashable]) -> dict[Hashable, int]:
        counts = dict.fromkeys(jurors, 0)
        for juror, _entry in self.pairs:
            counts[juror] = counts.get(juror, 0) + 1
        return counts


def assign(
    entries: Sequence[Hashable],
    jurors: Sequence[Hashable],
    *,
    per_entry: int,
    conflicts: Iterable[tuple[Hashable, Hashable]] = (),
    existing: Iterable[tuple[Hashable, Hashable]] = (),
    seed: int = 0,
) -> Plan:
    conflicts = set(conflicts)
    pairs = {pair for pair in existing if pair not in conflicts}
    kept = set(pairs)
    rng = random.Random(seed)
    load = dict.fromkeys(jurors, 0)
    for juror, _entry in pairs:
        load[juror] = load.get(juror, 0) + 1
    reviewers = {entry: {j for j, e in pairs if e == entry} for entry in entries}
    eligible = {entry: [j for j in jurors if (j, entry) not in conflicts] for entry in entries}
    tiebreak = {juror: rng.random() for juror in jurors}

    # Entries with the fewest possible jurors first, so that they are served while there is room.
    for entry in sorted(entries, key=lambda e: (len(eligible[e]), rng.random())):
        while len(reviewers[entry]) < per_entry:
            candidates = [j for j in eligible[entry] if j not in reviewers[entry]]
            if not candidates:
                break
            juror = min(candidates, key=lambda j: (load[j], tiebreak[j]))
            pairs.add((juror, entry))
            reviewers[entry].add(juror)
            load[juror] += 1

    # Repair: move an added assignment from the busiest to the least busy juror while loads differ by > 1.
    for _round in range(len(entries) * len(jurors) + 1):
        busiest = max(jurors, key=lambda j: (load[j], tiebreak[j]))
        idlest = min(jurors, key=lambda j: (load[j], tiebreak[j]))
        if load[busiest] - load[idlest] <= 1:
            break
        movable = next(
            (
                entry
                for juror, entry in sorted(pairs, key=lambda pair: str(pair))
                if juror == busiest
                and (juror, entry) not in kept
                and (idlest, entry) not in conflicts
                and idlest not in reviewers[entry]
            ),
            None,
        )
        if movable is None:
            # No direct move: go through a middle juror (busiest → middle, middle → idlest).
            moved = False
            for middle in sorted(jurors, key=lambda j: load[j]):
                if middle in (busiest, idlest):
                    continue
                first = next(
                    (
                        e
                        for j, e in sorted(pairs, key=str)
                        if j == middle
                        and (j, e) not in kept
                        and (idlest, e) not in conflicts
                        and idlest not in reviewers[e]
                    ),
                    None,
                )
                second = next(
                    (
                        e
                        for j, e in sorted(pairs, key=str)
                        if j == busiest
                        and (j, e) not in kept
                        and (middle, e) not in conflicts
                        and middle not in reviewers[e]
                        and e != first
                    ),
                    None,
                )
                if first is not None and second is not None:
                    _move(pairs, reviewers, load, middle, idlest, first)
                    _move(pairs, reviewers, load, busiest, middle, second)
                    moved = True
                    break
            if not moved:
                break
            continue
        _move(pairs, reviewers, load, busiest, idlest, movable)

    uncovered = {
        entry: per_entry - len(reviewers[entry]) for entry in entries if len(reviewers[entry]) < per_entry
    }
    return Plan(pairs=pairs, added=pairs - kept, uncovered=uncovered)


def _move(pairs, reviewers, load, source, target, entry) -> None:
    pairs.discard((source, entry))
    pairs.add((target, entry))
    reviewers[entry].discard(source)
    reviewers[entry].add(target)
    load[source] -= 1
    load[target] += 1
