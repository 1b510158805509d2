"""The juror's and the chair's forms read the posted names the pages write, and nothing more."""

from types import SimpleNamespace

from judging.forms import DecisionForm, ScoreSheetForm


def test_the_score_sheet_reads_each_criterion_as_typed():
    criteria = [SimpleNamespace(pk=7), SimpleNamespace(pk=9)]
    form = ScoreSheetForm(
        {
            "action": "submit",
            "score-7": " 6,5 ",
            "comment-7": " Clair ",
            "comment": " Utile. ",
            "score-8": "1",
        },
        criteria=criteria,
    )
    assert form.is_valid()
    assert form.submit
    # The score is trimmed; comments go as typed (the service trims them, and keeps them on a refusal).
    assert form.scores() == {7: ("6,5", " Clair "), 9: ("", "")}
    assert form.cleaned_data["comment"] == " Utile. "
    draft = ScoreSheetForm({"action": "save"}, criteria=criteria)
    assert draft.is_valid() and not draft.submit


def test_the_decision_form_orders_the_numbered_entries_and_ignores_the_rest():
    form = DecisionForm(
        {
            "kind": "finalists",
            "place-3": "2",
            "place-5": " 1 ",
            "place-8": "x",
            "place-9": "-1",
            "tie-3": "1",
        },
        entries=[3, 5, 8, 9],
    )
    assert form.is_valid()
    assert form.numbered("place") == [5, 3]
    assert form.numbered("tie") == [3]
    assert (form.cleaned_data["kind"], form.cleaned_data["action"], form.cleaned_data["reason"]) == (
        "finalists",
        "",
        "",
    )
