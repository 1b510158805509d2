"""How the jury's scores become a ranking: the published method, as plain functions.

Nothing here touches the database: the inputs are plain values (the snapshot
stores them as they were), so every result can be recomputed and checked by
hand. The method, as published in docs/judging-method.md:

1. A review's score is the weighted mean of its criterion scores; every
   criterion is required.
2. Screening rounds (jurors see different subsets): each juror's scores are
   normalised so that harsh and lenient jurors weigh the same and stay on the
   rubric's scale: ``round mean + round SD × z``, where z is the score's
   z-score among that juror's reviews in the round (population SDs). A juror
   with fewer than ``Z_MIN_REVIEWS`` reviews, or whose scores do not vary, is
   only re-centred: ``score − juror's mean + round mean``. Results are clamped
   to the scale. An entry's result is the mean over the reviews it has (a
   missing review never counts as zero); the raw mean, normalised mean, median
   and standard deviation (of the normalised scores) are given side by side,
   and entries whose normalised scores spread by more than
   ``DISAGREEMENT_SHARE`` of the scale are flagged for discussion.
3. Final round: every juror scores every finalist; each juror's scores become
   a ranking, and the rankings are combined by the Schulze method.
4. Ties are broken in this order: head-to-head between the tied entries, then
   the weighted score on the primary criterion, then the median, then a
   decision recorded by the jury chair.
"""

import itertools
import statistics
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

METHOD_VERSION = "2026.1"
Z_MIN_REVIEWS = 4
DISAGREEMENT_SHARE = 0.25  # of the scale's range, as a standard deviation of the normalised scores

Entry = Hashable
Juror = Hashable


class ScoringError(ValueError):
    pass


@dataclass(frozen=True)
class Criterion:
    key: Hashable
    weight: float
    primary: bool = False


@dataclass(frozen=True)
class Review:
    """One juror's submitted review of one entry: a score per criterion."""

    juror: Juror
    entry: Entry
    scores: dict  # criterion key -> score


def review_score(scores: dict, criteria: Sequence[Criterion]) -> float:
    """The weighted mean of the criterion scores; every criterion must be scored."""
    missing = [criterion.key for criterion in criteria if scores.get(criterion.key) is None]
    if missing:
        raise ScoringError(f"criteria not scored: {missing}")
    total = sum(criterion.weight for criterion in criteria)
    if total <= 0:
        raise ScoringError("the weights add up to zero")
    return sum(criterion.weight * scores[criterion.key] for criterion in criteria) / total


def primary_score(scores: dict, criteria: Sequence[Criterion]) -> float:
    """The score on the primary criterion (the heaviest one if none is marked)."""
    primary = next((c for c in criteria if c.primary), None) or max(criteria, key=lambda c: c.weight)
    return scores[primary.key]


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def normalise(
    reviews: Sequence[tuple[Juror, Entry, float]], *, scale: tuple[float, float]
) -> tuple[dict[tuple[Juror, Entry], float], dict]:
    """Normalised score of each (juror, entry), and how each juror was treated."""
    if not reviews:
        return {}, {"round_mean": None, "round_sd": None, "jurors": {}}
    values = [score for _juror, _entry, score in reviews]
    round_mean = statistics.fmean(values)
    round_sd = statistics.pstdev(values)
    by_juror: dict[Juror, list[tuple[Entry, float]]] = {}
    for juror, entry, score in reviews:
        by_juror.setdefault(juror, []).append((entry, score))
    normalised = {}
    jurors = {}
    for juror, rows in by_juror.items():
        scores = [score for _entry, score in rows]
        mean = statistics.fmean(scores)
        sd = statistics.pstdev(scores)
        z_scored = len(scores) >= Z_MIN_REVIEWS and sd > 0
        jurors[juror] = {
            "reviews": len(scores),
            "mean": mean,
            "sd": sd,
            "treatment": "z-score" if z_scored else "re-centred",
        }
        for entry, score in rows:
            value = round_mean + round_sd * (score - mean) / sd if z_scored else score - mean + round_mean
            normalised[(juror, entry)] = _clamp(value, *scale)
    return normalised, {"round_mean": round_mean, "round_sd": round_sd, "jurors": jurors}


@dataclass
class EntryResult:
    entry: Entry
    reviews: int
    raw_mean: float
    normalised_mean: float
    median: float
    sd: float
    primary_mean: float
    disagreement: bool
    rank: int = 0
    tie_break: str = ""  # how this entry was separated from the next one, if it was tied
    scores: dict = field(default_factory=dict)  # juror -> (raw, normalised)

    def as_dict(self) -> dict:
        return {
            "entry": self.entry,
            "rank": self.rank,
            "reviews": self.reviews,
            "raw_mean": self.raw_mean,
            "normalised_mean": self.normalised_mean,
            "median": self.median,
            "sd": self.sd,
            "primary_mean": self.primary_mean,
            "disagreement": self.disagreement,
            "tie_break": self.tie_break,
        }


def pairwise(preferences: Iterable[dict[Entry, float]], entries: Sequence[Entry]) -> dict[tuple, int]:
    """d[a, b]: how many jurors score a strictly above b (among jurors who scored both)."""
    d = {(a, b): 0 for a in entries for b in entries if a != b}
    for scores in preferences:
        for a, b in itertools.permutations([e for e in entries if e in scores], 2):
            if scores[a] > scores[b]:
                d[a, b] += 1
    return d


def schulze_strengths(d: dict[tuple, int], entries: Sequence[Entry]) -> dict[tuple, int]:
    """p[a, b]: the strength of the strongest path from a to b (widest path; a link's strength is its winning votes, d[a, b] when d[a, b] > d[b, a], else 0)."""
    p = {(a, b): (d[a, b] if d[a, b] > d[b, a] else 0) for a in entries for b in entries if a != b}
    for k in entries:
        for a in entries:
            if a == k:
                continue
            for b in entries:
                if b in (a, k):
                    continue
                p[a, b] = max(p[a, b], min(p[a, k], p[k, b]))
    return p


def schulze_tiers(d: dict[tuple, int], entries: Sequence[Entry]) -> list[list[Entry]]:
    """Entries in Schulze order; entries that neither beats are in the same tier."""
    p = schulze_strengths(d, entries)
    remaining = list(entries)
    tiers = []
    while remaining:
        top = [a for a in remaining if not any(p[b, a] > p[a, b] for b in remaining if b != a)]
        tiers.append(top)
        remaining = [e for e in remaining if e not in top]
    return tiers


TIE_STEPS = ("head-to-head", "primary criterion", "median", "chair")
PRECISION = 9  # decimals: equal results must not be told apart by floating-point noise


def _key(value: float) -> float:
    return round(value, PRECISION)


def break_ties(
    tier: list[Entry],
    *,
    d: dict[tuple, int],
    primary: dict[Entry, float],
    median: dict[Entry, float],
    chair_order: Sequence[Entry] = (),
) -> list[tuple[Entry, str]]:
    """Order tied entries by the published steps; each entry comes with the step that placed it
    above the next one ("" for the last, "unresolved" where only the chair can decide and has not)."""
    if len(tier) == 1:
        return [(tier[0], "")]

    def head_to_head(entry):
        return sum(1 for other in tier if other != entry and d[entry, other] > d[other, entry])

    keys = {
        "head-to-head": head_to_head,
        "primary criterion": lambda entry: _key(primary[entry]),
        "median": lambda entry: _key(median[entry]),
    }
    chair_rank = {entry: index for index, entry in enumerate(chair_order)}

    def order(group: list[Entry], steps: Sequence[str]) -> list[tuple[Entry, str]]:
        if len(group) == 1:
            return [(group[0], "")]
        if not steps:
            if all(entry in chair_rank for entry in group):
                ranked = sorted(group, key=lambda entry: chair_rank[entry])
                return [(entry, "chair") for entry in ranked[:-1]] + [(ranked[-1], "")]
            return [(entry, "unresolved") for entry in group[:-1]] + [(group[-1], "")]
        step, rest = steps[0], steps[1:]
        key = keys[step]
        result = []
        buckets = itertools.groupby(sorted(group, key=key, reverse=True), key=key)
        groups = [list(bucket) for _value, bucket in buckets]
        for index, bucket in enumerate(groups):
            placed = order(bucket, rest)
            if index < len(groups) - 1:  # the last of this bucket is above the next bucket by this step
                entry, _why = placed[-1]
                placed[-1] = (entry, step)
            result.extend(placed)
        return result

    return order(list(tier), ["head-to-head", "primary criterion", "median"])


def _rank(results: dict[Entry, EntryResult], tiers: list[list[Entry]], d, chair_order) -> list[EntryResult]:
    ranked = []
    primary = {entry: result.primary_mean for entry, result in results.items()}
    median = {entry: result.median for entry, result in results.items()}
    for tier in tiers:
        ordered = break_ties(tier, d=d, primary=primary, median=median, chair_order=chair_order)
        for entry, why in ordered:
            result = results[entry]
            result.tie_break = why
            ranked.append(result)
    # Equal places only where nothing (not even the chair) separated the entries.
    place = 0
    for index, result in enumerate(ranked):
        if index == 0 or ranked[index - 1].tie_break != "unresolved":
            place = index + 1
        result.rank = place
    return ranked


def screening_ranking(
    reviews: Sequence[Review],
    criteria: Sequence[Criterion],
    *,
    scale: tuple[float, float],
    chair_order: Sequence[Entry] = (),
) -> tuple[list[EntryResult], dict]:
    """Rank the entries of a screening round by their normalised mean."""
    rows = [(review.juror, review.entry, review_score(review.scores, criteria)) for review in reviews]
    normalised, about = normalise(rows, scale=scale)
    spread_limit = DISAGREEMENT_SHARE * (scale[1] - scale[0])
    results: dict[Entry, EntryResult] = {}
    per_entry: dict[Entry, list] = {}
    for review, (_juror, entry, raw) in zip(reviews, rows, strict=True):
        per_entry.setdefault(entry, []).append((review, raw, normalised[(review.juror, entry)]))
    for entry, items in per_entry.items():
        raws = [raw for _review, raw, _n in items]
        norms = [value for _review, _raw, value in items]
        sd = statistics.pstdev(norms)
        results[entry] = EntryResult(
            entry=entry,
            reviews=len(items),
            raw_mean=statistics.fmean(raws),
            normalised_mean=statistics.fmean(norms),
            median=statistics.median(norms),
            sd=sd,
            primary_mean=statistics.fmean(primary_score(r.scores, criteria) for r, _raw, _n in items),
            disagreement=len(items) > 1 and sd > spread_limit,
            scores={review.juror: (raw, value) for review, raw, value in items},
        )
    entries = list(results)
    preferences = [
        {entry: normalised[(juror, entry)] for (juror, entry) in normalised if juror == j}
        for j in {juror for juror, _entry in normalised}
    ]
    d = pairwise(preferences, entries)
    by_mean = sorted(entries, key=lambda entry: _key(results[entry].normalised_mean), reverse=True)
    tiers = [
        list(group)
        for _mean, group in itertools.groupby(by_mean, key=lambda e: _key(results[e].normalised_mean))
    ]
    return _rank(results, tiers, d, chair_order), {
        **about,
        "method": "normalised mean",
        "version": METHOD_VERSION,
    }


def final_ranking(
    reviews: Sequence[Review],
    criteria: Sequence[Criterion],
    *,
    chair_order: Sequence[Entry] = (),
) -> tuple[list[EntryResult], dict]:
    """Rank the finalists by the Schulze method over each juror's ranking (their weighted scores)."""
    rows = [(review.juror, review.entry, review_score(review.scores, criteria)) for review in reviews]
    results: dict[Entry, EntryResult] = {}
    per_entry: dict[Entry, list] = {}
    for review, (_juror, entry, raw) in zip(reviews, rows, strict=True):
        per_entry.setdefault(entry, []).append((review, raw))
    for entry, items in per_entry.items():
        raws = [raw for _review, raw in items]
        results[entry] = EntryResult(
            entry=entry,
            reviews=len(items),
            raw_mean=statistics.fmean(raws),
            normalised_mean=statistics.fmean(raws),
            median=statistics.median(raws),
            sd=statistics.pstdev(raws),
            primary_mean=statistics.fmean(primary_score(r.scores, criteria) for r, _raw in items),
            disagreement=False,
            scores={review.juror: (raw, raw) for review, raw in items},
        )
    entries = sorted(results, key=str)
    preferences: dict[Juror, dict[Entry, float]] = {}
    for juror, entry, raw in rows:
        preferences.setdefault(juror, {})[entry] = raw
    d = pairwise(preferences.values(), entries)
    tiers = schulze_tiers(d, entries)
    ranked = _rank(results, tiers, d, chair_order)
    about = {
        "method": "Schulze",
        "version": METHOD_VERSION,
        "pairwise": {f"{a}>{b}": count for (a, b), count in d.items()},
        "strengths": {f"{a}>{b}": value for (a, b), value in schulze_strengths(d, entries).items()},
    }
    return ranked, about
