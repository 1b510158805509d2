"""The challenge's form in the Wagtail admin, given to the challenge's view set in
`startups.wagtail_hooks`; the rules it applies are `startups.services`'."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from startups import services
from startups.errors import ChallengeError

TIMELINE = ("opens_at", "submission_deadline", "shortlist_at", "final_pitch_at")


class ChallengeAdminForm(WagtailAdminModelForm):
    """The timeline is typed and shown in the edition's time zone, whatever the organiser's own;
    a theme that entries chose cannot be removed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        edition = self.instance.edition if self.instance.edition_id else None
        for name in TIMELINE:
            if name not in self.fields:
                continue
            value = getattr(self.instance, name)
            if edition is not None and value is not None:
                self.initial[name] = timezone.make_naive(value, edition.tz)  # shown as the edition's clock
            self.fields[name].help_text = _("In the edition's time zone (%(zone)s).") % {
                "zone": edition.time_zone if edition else _("the edition's")
            }

    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition")
        if edition is not None:
            current = timezone.get_current_timezone()
            for name in TIMELINE:
                value = cleaned.get(name)
                if value is not None:  # read as typed on the edition's clock
                    cleaned[name] = timezone.make_aware(timezone.make_naive(value, current), edition.tz)
        themes = self.formsets.get("themes") if hasattr(self, "formsets") else None
        if themes is not None and themes.is_bound:
            themes.is_valid()  # the formsets are otherwise cleaned after this form
        for form in getattr(themes, "forms", []):
            data = getattr(form, "cleaned_data", {}) or {}
            if data.get("DELETE"):
                try:
                    services.theme_removal_check(theme=form.instance)
                except ChallengeError as refusal:
                    raise ValidationError(str(refusal)) from refusal
        return cleaned
