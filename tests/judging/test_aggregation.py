"""The published method, checked against examples computed by hand."""

import math

import pytest

from judging.aggregation import (
    Criterion,
    Review,
    ScoringError,
    break_ties,
    final_ranking,
    normalise,
    pairwise,
    review_score,
    schulze_tiers,
    screening_ranking,
)

ONE = [Criterion("score", 1, primary=True)]
SCALE = (0, 10)


def reviews(rows):
    return [Review(juror, entry, {"score": score}) for juror, entry, score in rows]


def test_a_reviews_score_is_the_weighted_mean_and_needs_every_criterion():
    criteria = [Criterion("impact", 2, primary=True), Criterion("team", 1)]
    assert review_score({"impact": 4, "team": 1}, criteria) == 3.0  # (2×4 + 1×1) / 3
    with pytest.raises(ScoringError, match="team"):
        review_score({"impact": 4}, criteria)


def test_a_harsh_and_a_lenient_juror_weigh_the_same_after_normalisation():
    # Harsh H gives 1..4, lenient L gives 6..9 to the same four entries.
    rows = [("H", f"e{n}", n) for n in (1, 2, 3, 4)] + [("L", f"e{n}", n + 5) for n in (1, 2, 3, 4)]
    normalised, about = normalise(rows, scale=SCALE)
    # Round: mean 5, population SD √(60/8) = 2.738613. Each juror: SD √1.25 = 1.118034.
    assert about["round_mean"] == 5
    assert about["round_sd"] == pytest.approx(2.738613, abs=1e-6)
    assert about["jurors"]["H"] == {
        "reviews": 4,
        "mean": 2.5,
        "sd": pytest.approx(1.118034, abs=1e-6),
        "treatment": "z-score",
    }
    # e1: z = (1 − 2.5) / 1.118034 = −1.341641 → 5 − 2.738613 × 1.341641 = 1.325765, for both jurors.
    assert normalised["H", "e1"] == pytest.approx(1.325765, abs=1e-6)
    assert normalised["L", "e1"] == pytest.approx(1.325765, abs=1e-6)
    # e3: z = 0.447214 → 5 + 1.224745 = 6.224745
    assert normalised["H", "e3"] == pytest.approx(6.224745, abs=1e-6)

    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE)
    assert [r.entry for r in ranked] == ["e4", "e3", "e2", "e1"]
    e1 = next(r for r in ranked if r.entry == "e1")
    assert (e1.raw_mean, e1.sd, e1.disagreement) == (
        3.5,
        0,
        False,
    )  # raw (1 + 6) / 2, jurors agree once normalised


def test_a_juror_with_fewer_than_four_reviews_is_only_re_centred():
    rows = [("A", "e1", 2), ("A", "e2", 4), ("A", "e3", 6), ("A", "e4", 8), ("F", "e1", 9), ("F", "e2", 7)]
    normalised, about = normalise(rows, scale=SCALE)
    # Round mean (2+4+6+8+9+7)/6 = 6. F: mean 8 → 9 − 8 + 6 = 7 and 7 − 8 + 6 = 5.
    assert about["jurors"]["F"]["treatment"] == "re-centred"
    assert normalised["F", "e1"] == 7
    assert normalised["F", "e2"] == 5


def test_a_juror_whose_scores_do_not_vary_is_re_centred_and_results_stay_on_the_scale():
    rows = [("C", f"e{n}", 5) for n in range(1, 6)] + [
        ("X", f"e{n}", s) for n, s in zip(range(1, 6), (0, 0, 0, 0, 10), strict=True)
    ]
    normalised, about = normalise(rows, scale=SCALE)
    assert about["jurors"]["C"]["treatment"] == "re-centred"
    # Round mean 3.5; C: 5 − 5 + 3.5.
    assert normalised["C", "e1"] == 3.5
    # X's 10: z = (10 − 2) / 4 = 2; round SD = √(((1.5²)×5 + 3.5²×4 + 6.5²)/10) = 3.201562 → 3.5 + 6.403 = 9.903
    assert normalised["X", "e5"] == pytest.approx(9.903124, abs=1e-6)
    # Y gives nine 0s and one 10 (mean 1, SD 3: z = 3); W gives twenty 10s. Round: mean 7, SD √21.
    extreme = [("Y", f"e{n}", 10 if n == 9 else 0) for n in range(10)] + [
        ("W", f"w{n}", 10) for n in range(20)
    ]
    values, about = normalise(extreme, scale=SCALE)
    assert about["round_sd"] == pytest.approx(math.sqrt(21))
    assert values["Y", "e9"] == 10  # 7 + 3√21 = 20.75, clamped to the rubric's scale
    assert values["Y", "e0"] == pytest.approx(7 - math.sqrt(21) / 3)


def test_missing_reviews_never_count_as_zero():
    rows = [("A", "e1", 8), ("B", "e1", 6), ("A", "e2", 7)]  # e2 has one review only
    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE)
    e2 = next(r for r in ranked if r.entry == "e2")
    assert (e2.reviews, e2.raw_mean) == (1, 7)
    e1 = next(r for r in ranked if r.entry == "e1")
    # Round mean 7; A (2 reviews, mean 7.5) is re-centred: 8 → 7.5; B (mean 6): 6 → 7. Median of 7.5 and 7.
    assert (e1.reviews, e1.raw_mean, e1.median) == (2, 7, 7.25)


def test_entries_where_jurors_disagree_strongly_are_flagged():
    # A and B agree on e2..e4 (5 each) but not on e1 (10 against 0).
    rows = [("A", "e1", 10), ("B", "e1", 0)] + [(juror, f"e{n}", 5) for juror in "AB" for n in (2, 3, 4)]
    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE)
    flags = {r.entry: r.disagreement for r in ranked}
    # e1 normalised: 5 ± 2.5 × √3 = 9.33 and 0.67, SD 4.33 > 2.5 (a quarter of the scale); e2: SD 1.44.
    assert flags == {"e1": True, "e2": False, "e3": False, "e4": False}
    e1 = next(r for r in ranked if r.entry == "e1")
    assert e1.sd == pytest.approx(2.5 * math.sqrt(3))


def test_schulze_resolves_a_condorcet_cycle():
    # 4 jurors A>B>C, 3 jurors B>C>A, 2 jurors C>A>B: A beats B 6–3, B beats C 7–2, C beats A 5–4.
    ballots = [{"A": 3, "B": 2, "C": 1}] * 4 + [{"B": 3, "C": 2, "A": 1}] * 3 + [{"C": 3, "A": 2, "B": 1}] * 2
    d = pairwise(ballots, ["A", "B", "C"])
    assert (d["A", "B"], d["B", "C"], d["C", "A"]) == (6, 7, 5)
    # Strongest paths: A→C through B = min(6, 7) = 6 > C→A = 5, and B→A through C = min(7, 5) = 5 < 6.
    assert schulze_tiers(d, ["A", "B", "C"]) == [["A"], ["B"], ["C"]]


def test_schulze_on_the_classic_45_voter_example():
    orders = {"ACBED": 5, "ADECB": 5, "BEDAC": 8, "CABED": 3, "CAEBD": 7, "CBADE": 2, "DCEBA": 7, "EBADC": 8}
    ballots = []
    for order, count in orders.items():
        ballots += [{candidate: 5 - index for index, candidate in enumerate(order)}] * count
    d = pairwise(ballots, list("ABCDE"))
    assert d["A", "C"] == 26 and d["C", "A"] == 19
    assert [tier for tier in schulze_tiers(d, list("ABCDE"))] == [["E"], ["A"], ["C"], ["B"], ["D"]]


def test_the_final_round_ranks_by_schulze_over_each_jurors_scores():
    criteria = [Criterion("impact", 2, primary=True), Criterion("team", 1)]

    def review(juror, entry, impact, team):
        return Review(juror, entry, {"impact": impact, "team": team})

    rows = []
    for juror in ("j1", "j2", "j3", "j4"):
        rows += [
            review(juror, "A", 9, 6),
            review(juror, "B", 7, 7),
            review(juror, "C", 5, 5),
        ]  # A 8, B 7, C 5
    for juror in ("j5", "j6", "j7"):
        rows += [review(juror, "A", 4, 4), review(juror, "B", 9, 9), review(juror, "C", 6, 6)]  # B, C, A
    for juror in ("j8", "j9"):
        rows += [review(juror, "A", 6, 6), review(juror, "B", 3, 3), review(juror, "C", 9, 9)]  # C, A, B
    ranked, about = final_ranking(rows, criteria)
    assert [(r.entry, r.rank) for r in ranked] == [("A", 1), ("B", 2), ("C", 3)]
    assert about["method"] == "Schulze" and about["pairwise"]["A>B"] == 6


def test_each_tie_break_step_in_the_published_order():
    even = {("X", "Y"): 1, ("Y", "X"): 1}
    same = {"X": 5, "Y": 5}
    assert break_ties(["X", "Y"], d={("X", "Y"): 2, ("Y", "X"): 1}, primary=same, median=same) == [
        ("X", "head-to-head"),
        ("Y", ""),
    ]
    assert break_ties(["Y", "X"], d=even, primary={"X": 6, "Y": 5}, median={"X": 1, "Y": 9}) == [
        ("X", "primary criterion"),
        ("Y", ""),
    ]
    assert break_ties(["X", "Y"], d=even, primary=same, median={"X": 4, "Y": 6}) == [
        ("Y", "median"),
        ("X", ""),
    ]
    assert break_ties(["X", "Y"], d=even, primary=same, median=same, chair_order=["Y", "X"]) == [
        ("Y", "chair"),
        ("X", ""),
    ]
    assert break_ties(["X", "Y"], d=even, primary=same, median=same) == [("X", "unresolved"), ("Y", "")]


def test_a_screening_tie_goes_to_head_to_head_then_the_chair():
    # e1 and e2 both average 6 once normalised (each juror re-centred: A, B mean 7, C mean 4, round 6):
    # A and B prefer e1, C prefers e2, so head-to-head puts e1 first.
    rows = [("A", "e1", 8), ("A", "e2", 6), ("B", "e1", 8), ("B", "e2", 6), ("C", "e1", 2), ("C", "e2", 6)]
    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE)
    assert [(r.entry, r.normalised_mean) for r in ranked] == [("e1", 6), ("e2", 6)]
    assert [(r.entry, r.rank, r.tie_break) for r in ranked] == [("e1", 1, "head-to-head"), ("e2", 2, "")]

    # A perfect tie (one juror each way, same primary score and median) waits for the chair…
    rows = [("A", "e1", 7), ("A", "e2", 5), ("B", "e1", 5), ("B", "e2", 7)]
    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE)
    assert [(r.entry, r.rank, r.tie_break) for r in ranked] == [("e1", 1, "unresolved"), ("e2", 1, "")]
    # …whose recorded order decides.
    ranked, _about = screening_ranking(reviews(rows), ONE, scale=SCALE, chair_order=["e2", "e1"])
    assert [(r.entry, r.rank, r.tie_break) for r in ranked] == [("e2", 1, "chair"), ("e1", 2, "")]
