"""The programme's filter form."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models.editions import AttendanceFormat, Edition
from events.models.programme import SessionKind, SessionLanguage, Track
from events.programme.selectors import ProgrammeFilters


class ProgrammeFilterForm(forms.Form):
    """The programme's filters: a GET form that works without JavaScript."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    day = forms.DateField(label=_("Day"), required=False, widget=forms.Select)
    track = forms.ChoiceField(label=_("Track"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["day"].widget.choices = every + [
            (day.isoformat(), date_format(day, "l j F")) for day in edition.days
        ]
        self.fields["track"].choices = every + [
            (track.slug, track.name) for track in Track.objects.filter(edition=edition)
        ]
        self.fields["kind"].choices = every + list(SessionKind.choices)
        self.fields["format"].choices = every + list(AttendanceFormat.choices)
        self.fields["language"].choices = every + list(SessionLanguage.choices)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Title, speaker…")})

    def filters(self) -> ProgrammeFilters:
        if not self.is_bound or not self.is_valid():
            return ProgrammeFilters()
        data = self.cleaned_data
        return ProgrammeFilters(
            day=data["day"],
            track=data["track"],
            kind=data["kind"],
            format=data["format"],
            language=data["language"],
            q=data["q"].strip(),
        )
