from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The kernel every app may use; it knows no domain app."""

    name = "core"
    default_auto_field = "django.db.models.BigAutoField"
