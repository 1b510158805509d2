from django import forms
from django.utils.translation import gettext_lazy as _

from core.i18n import language_choices
from core.text import CleanTextMixin
from startups.decks import DeckError, deck_check
from startups.models import ENTRY_TEXT_FIELDS, Startup, Submission
from startups.team import STARTUP_FIELDS
from startups.video import VideoError, video_url_check


class StartupForm(CleanTextMixin, forms.ModelForm):
    logo_upload = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at least 64 pixels, up to 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Startup
        fields = STARTUP_FIELDS
        widgets = {
            # What startups type may be French, Arabic or English, whatever the page's language.
            "name": forms.TextInput(attrs={"dir": "auto"}),
            "city": forms.TextInput(attrs={"dir": "auto"}),
            "country": forms.TextInput(attrs={"dir": "auto"}),
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": 600, "dir": "auto"}),
            "founded_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of your teammate"))
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=language_choices)


class EntryForm(CleanTextMixin, forms.ModelForm):
    """Every answer is optional here, so that drafts keep what is typed; the service
    decides what a submission needs."""

    deck_upload = forms.FileField(
        label=_("Pitch deck (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    accept_rules = forms.BooleanField(
        label=_("I have read and accept the challenge's rules."), required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Submission
        fields = ["theme", *ENTRY_TEXT_FIELDS, "video_url"]
        # What startups type may be French, Arabic or English, whatever the page's language.
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            **{
                name: forms.Textarea(attrs={"rows": 5, "dir": "auto"})
                for name in ENTRY_TEXT_FIELDS
                if name != "title"
            },
        }

    def __init__(self, *args, challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        self.fields["theme"].queryset = challenge.themes.all()
        self.fields["theme"].empty_label = _("Choose a theme")
        self.fields["video_url"].help_text = _(
            "Optional: a link to a pitch video of up to 3 minutes on YouTube, Vimeo, Dailymotion, Loom or Google Drive."
        )
        self.fields["video_url"].widget = forms.URLInput(attrs={"inputmode": "url"})
        self.fields["deck_upload"].help_text = _(
            "PDF only, up to %(size)s MB and %(pages)s pages, without a password."
        ) % {"size": challenge.deck_max_mb, "pages": challenge.deck_max_pages}
        for name in self.fields:
            self.fields[name].required = False
        self.fields["revision"].initial = self.instance.revision if self.instance.pk else None
        if self.instance.rules_accepted_at:
            self.fields["accept_rules"].initial = True
            self.fields["accept_rules"].disabled = True

    def clean_video_url(self):
        try:
            return video_url_check(self.cleaned_data.get("video_url", ""))
        except VideoError as refusal:
            raise forms.ValidationError(str(refusal)) from refusal

    def clean_deck_upload(self):
        upload = self.cleaned_data.get("deck_upload")
        if not upload:
            return None
        try:
            return deck_check(
                upload, max_mb=self.challenge.deck_max_mb, max_pages=self.challenge.deck_max_pages
            )
        except DeckError as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
