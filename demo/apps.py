from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site (`manage.py seed_demo`): content as data files, dates computed from today."""

    name = "demo"
