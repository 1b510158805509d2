"""The round's form in the Wagtail admin (given to the round's view set in `judging.wagtail_hooks`).

It reads what the organiser changed and asks `judging.services.round_edit_check`, which owns the
rules: once jurors have submitted scores, what the scores mean stays; a passed closing stays."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from judging import services


class RoundAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        try:
            services.round_edit_check(
                round_=self.instance,
                closes_at=cleaned.get("closes_at"),
                changed=self.changed_data,
                criteria=self._criterion_edits(),  # read only if scores exist
            )
        except services.JudgingError as refusal:
            raise ValidationError(str(refusal)) from refusal
        return cleaned

    def _criterion_edits(self):
        criteria = self.formsets.get("criteria") if hasattr(self, "formsets") else None
        if criteria is None or not criteria.is_bound:
            return
        criteria.is_valid()  # the formsets are otherwise cleaned after this form
        for form in criteria.forms:
            data = getattr(form, "cleaned_data", {}) or {}
            yield services.CriterionEdit(
                existing=bool(form.instance.pk),
                filled=bool(data),
                delete=bool(data.get("DELETE")),
                changed=frozenset(form.changed_data),
            )
