from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    """The header menu, one per site.

    Links point at pages of the French tree; visitors see each page's
    translation in their language, so the menu is built once.
    """

    panels = [InlinePanel("links", label=_("Menu links"))]

    class Meta:
        verbose_name = _("navigation")


class NavigationLink(Orderable):
    settings = ParentalKey(NavigationSettings, related_name="links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")
