"""What the jury does on the minute sweep (`manage.py run_periodic`)."""

from django.dispatch import receiver

from core.signals import periodic
from judging.services import rounds_lock_due


@receiver(periodic, dispatch_uid="judging.periodic")
def sweep(sender, **kwargs) -> str:
    """Rounds past their closing time have their lock recorded in the audit log."""
    return f"{rounds_lock_due()} jury round(s) locked."
