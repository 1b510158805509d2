"""Signals of the kernel, which every app may receive."""

from django.dispatch import Signal

# Sent once a minute by `manage.py run_periodic` (cron, or the process manager):
# each app connects its sweeps in its own receivers.py. Keyword argument: ``now``.
periodic = Signal()
