from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.i18n import TranslatedField, translated_panels


class OrganisationRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")
    ACADEMIC = "academic", _("Academic partner")
    MEDIA = "media", _("Media partner")


# Footer headings: one per role, in the plural.
ROLE_HEADINGS = {
    OrganisationRole.ORGANISER: _("Organisers"),
    OrganisationRole.PARTNER: _("Partners"),
    OrganisationRole.ACADEMIC: _("Academic partners"),
    OrganisationRole.MEDIA: _("Media partners"),
}


class Organisation(index.Indexed, models.Model):
    """An organiser or partner shown in the site footer.

    A snippet: editors reuse it on every page and it has no URL of its own.
    """

    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=OrganisationRole.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    show_in_footer = models.BooleanField(_("show in footer"), default=True)

    name = TranslatedField()

    panels = [
        translated_panels("name", _("Name")),
        FieldPanel("role"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("sort_order"),
        FieldPanel("show_in_footer"),
    ]
    search_fields = [index.SearchField("name_fr"), index.SearchField("name_ar"), index.SearchField("name_en")]

    class Meta:
        ordering = ["role", "sort_order", "name_fr"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisers and partners")

    def __str__(self):
        return self.name
