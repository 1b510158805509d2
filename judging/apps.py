from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JudgingConfig(AppConfig):
    """Jury rounds, rubrics, scores and results."""

    name = "judging"
    verbose_name = _("Judging")

    def ready(self):
        from judging import receivers  # noqa: F401
