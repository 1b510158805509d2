from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StartupsConfig(AppConfig):
    """The startup challenge: the call, startup profiles and their entries."""

    name = "startups"
    verbose_name = _("Startup challenge")

    def ready(self):
        from startups import receivers, signals  # noqa: F401
