"""What the challenge does on the minute sweep (`manage.py run_periodic`)."""

from django.dispatch import receiver

from core.signals import periodic
from startups.services import drafts_remind


@receiver(periodic, dispatch_uid="startups.periodic")
def sweep(sender, **kwargs) -> str:
    """Teams whose entry is still a draft near the deadline are reminded, once."""
    return f"{drafts_remind()} challenge draft(s) reminded."
