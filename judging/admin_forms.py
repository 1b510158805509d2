"""The round's form in the Wagtail admin: once jurors have submitted scores, what the scores mean
(the rubric, the scale, the round's kind, entries and visibility) and a passed closing stay as they are."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

FROZEN_FIELDS = ("kind", "source", "blind", "scale_min", "scale_max", "challenge")
FROZEN_CRITERION_FIELDS = ("weight", "is_primary")


class RoundAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        round_ = self.instance
        if round_.pk is None:
            return cleaned
        from judging.models import Review, Round

        stored = Round.objects.get(pk=round_.pk)
        now = timezone.now()
        moved = cleaned.get("closes_at") and cleaned["closes_at"].replace(second=0, microsecond=0) != (
            stored.closes_at.replace(second=0, microsecond=0)  # the form shows minutes
        )
        if stored.is_locked(now) and moved:
            raise ValidationError(_("This round is closed: its closing time stays as it was."))
        if not Review.objects.filter(assignment__round=round_, status="submitted").exists():
            return cleaned
        changed = [name for name in FROZEN_FIELDS if name in self.changed_data]
        criteria = self.formsets.get("criteria") if hasattr(self, "formsets") else None
        if criteria is not None and criteria.is_bound:
            criteria.is_valid()
            for form in criteria.forms:
                data = getattr(form, "cleaned_data", {}) or {}
                if not form.instance.pk and data and not data.get("DELETE"):
                    changed.append("criteria")
                elif form.instance.pk and (
                    data.get("DELETE") or set(FROZEN_CRITERION_FIELDS) & set(form.changed_data)
                ):
                    changed.append("criteria")
        if changed:
            raise ValidationError(
                _(
                    "Jurors have submitted scores in this round: its rubric (criteria, weights), scale, kind, "
                    "entries and visibility can no longer change. Names and descriptions can."
                )
            )
        return cleaned
