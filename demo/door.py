"""The demo's door: one scanner device for the current edition, its token printed by seed_demo."""

from events.attendance.devices import device_issue, device_revoke
from events.models import Edition, ScannerDevice

DEVICE_NAME = "Entrée principale (démo)"


def seed_scanner(*, edition: Edition) -> str:
    """A fresh token each run (tokens are shown once): the previous demo device is revoked."""
    for device in ScannerDevice.objects.filter(edition=edition, name=DEVICE_NAME, revoked_at__isnull=True):
        device_revoke(device=device, actor=None)
    _device, token = device_issue(edition=edition, name=DEVICE_NAME, actor=None)
    return token
