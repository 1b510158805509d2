from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupsConfig(AppConfig):
    """The startup challenge: profiles and pitch submissions (issue 7)."""

    name = "startups"
    verbose_name = _("Startup challenge")
