"""What jurors and the chair post: the conflict declarations, the score sheet, the chair's decision.

The forms only read the request; `judging.services` and `judging.results` decide, with their
own messages (a score outside the scale, a missing criterion, a departure without a reason).
The templates write the inputs by hand, under these names."""

from django import forms


class ConflictForm(forms.Form):
    """A conflict the juror declares, from the roster (`startup`) or from an entry's page."""

    startup = forms.IntegerField(required=False)
    reason = forms.CharField(required=False, strip=False)


class ScoreSheetForm(forms.Form):
    """The juror's page of an entry: the conflict check, or the scores (`score-<criterion>`,
    `comment-<criterion>`), the overall comment and whether to save or submit."""

    action = forms.CharField(required=False, strip=False)
    reason = forms.CharField(required=False, strip=False)
    comment = forms.CharField(required=False, strip=False)

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score-{criterion.pk}"] = forms.CharField(required=False)
            self.fields[f"comment-{criterion.pk}"] = forms.CharField(required=False, strip=False)

    @property
    def submit(self) -> bool:
        return self.cleaned_data["action"] == "submit"

    def scores(self) -> dict[int, tuple[str, str]]:
        """Criterion id -> (score as typed, comment), what `services.review_save` reads."""
        return {
            criterion.pk: (
                self.cleaned_data[f"score-{criterion.pk}"],
                self.cleaned_data[f"comment-{criterion.pk}"],
            )
            for criterion in self.criteria
        }


class DecisionForm(forms.Form):
    """The chair's decisions page: the order of tied entries (`tie-<entry>`), or a decision
    (`kind`, the places `place-<entry>`, `reason`). An entry without a number is not chosen."""

    action = forms.CharField(required=False, strip=False)
    kind = forms.CharField(required=False, strip=False)
    reason = forms.CharField(required=False, strip=False)

    def __init__(self, *args, entries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = list(entries)
        for entry in self.entries:
            self.fields[f"place-{entry}"] = forms.CharField(required=False)
            self.fields[f"tie-{entry}"] = forms.CharField(required=False)

    def numbered(self, prefix: str) -> list[int]:
        """The entries the chair numbered (`<prefix>-<entry>` fields), in that order."""
        places = []
        for entry in self.entries:
            value = self.cleaned_data[f"{prefix}-{entry}"]
            if value.isdigit():
                places.append((int(value), entry))
        return [entry for _place, entry in sorted(places)]
