from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from core.i18n import TranslatedField, is_rtl, translated_panels


class Speaker(index.Indexed, models.Model):
    """A person on the programme: speaker, moderator or chair.

    A model rather than a page: one speaker appears in several editions and
    sessions, and the speakers index page lists and presents them.
    """

    name = models.CharField(_("name (Latin script)"), max_length=150)
    name_ar = models.CharField(_("name (Arabic script)"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    organisation_fr = models.CharField(_("organisation (French)"), max_length=200, blank=True)
    organisation_ar = models.CharField(_("organisation (Arabic)"), max_length=200, blank=True)
    organisation_en = models.CharField(_("organisation (English)"), max_length=200, blank=True)
    job_title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    job_title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    job_title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    bio_fr = models.TextField(_("biography (French)"), blank=True)
    bio_ar = models.TextField(_("biography (Arabic)"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    linkedin = models.URLField(_("LinkedIn profile"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker",
        help_text=_("The account this speaker logs in with, once invited."),
    )

    organisation = TranslatedField()
    job_title = TranslatedField()
    bio = TranslatedField()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_ar")]),
        FieldPanel("slug"),
        translated_panels("organisation", _("Organisation")),
        translated_panels("job_title", _("Title")),
        translated_panels("bio", _("Biography"), widget=forms.Textarea),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("linkedin")]),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_ar"),
        index.SearchField("organisation_fr"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The Arabic-script name on Arabic pages when there is one."""
        if is_rtl() and self.name_ar:
            return self.name_ar
        return self.name
