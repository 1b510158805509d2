"""Scanner devices: the keys with which the door's scanning apps call the check-in API.

An organiser issues a device for one edition and reads its token once; the
database keeps the token's SHA-256 and a short prefix to recognise it. A
request names its device by the token. A wrong token is simply unknown (there
is no failure counter, so nobody can lock the door's phones out by guessing);
a revoked device, or one for another edition than the current one, is
refused. No token is ever logged.
"""

import datetime
import hashlib
import logging
import secrets

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Edition, ScannerDevice

logger = logging.getLogger(__name__)

# "csc_" tells a leaked token apart from other secrets (secret scanners look for such marks).
TOKEN_MARK = "csc_"
# The mark and eight random characters: enough to tell devices apart, useless to guess the rest.
PREFIX_LENGTH = len(TOKEN_MARK) + 8
# Tokens are 47 characters; anything much longer is not one of ours and is not even hashed.
TOKEN_MAX_LENGTH = 100
# A scan refreshes "last used" at most this often, so that scanning costs no write.
LAST_USED_EVERY = datetime.timedelta(minutes=1)


class DeviceRefused(Exception):
    """A device known by its token that may not check anyone in now."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def token_hash(token: str) -> str:
    """SHA-256: the token holds 256 random bits, so no slow hash is needed to protect it."""
    return hashlib.sha256(token.encode()).hexdigest()


def device_issue(*, edition: Edition, name: str, actor: AbstractBaseUser | None) -> tuple[ScannerDevice, str]:
    """A new device for the edition, and its token: shown to the organiser once, kept nowhere."""
    token = TOKEN_MARK + secrets.token_urlsafe(32)
    device = ScannerDevice(
        edition=edition,
        name=name.strip(),
        prefix=token[:PREFIX_LENGTH],
        token_hash=token_hash(token),
        created_by=actor,
    )
    device.full_clean()
    try:
        with transaction.atomic():
            device.save()
    except IntegrityError as error:  # the same name issued at the same instant
        raise ValidationError(_("A working device of this edition already has this name.")) from error
    logger.info(
        "Scanner device %s (%s) issued for edition %s by user %s",
        device.pk,
        device.prefix,
        edition.slug,
        getattr(actor, "pk", None),
    )
    return device, token


def device_revoke(*, device: ScannerDevice, actor: AbstractBaseUser | None) -> ScannerDevice:
    """The device's token stops working at once; revoking twice keeps the first revocation."""
    with transaction.atomic():
        device = ScannerDevice.objects.select_for_update().get(pk=device.pk)
        if device.revoked_at is None:
            device.revoked_at = timezone.now()
            device.revoked_by = actor
            device.full_clean()
            device.save(update_fields=["revoked_at", "revoked_by"])
            logger.info(
                "Scanner device %s (%s) revoked by user %s",
                device.pk,
                device.prefix,
                getattr(actor, "pk", None),
            )
    return device


def device_authenticate(*, token: str) -> ScannerDevice | None:
    """The device a token belongs to, or None for a token that is nobody's.

    The database looks the device up by the token's hash: how long the lookup
    takes says nothing about how much of a real token a guess got right.
    Raises `DeviceRefused` for a revoked device, or for a device of another
    edition while an edition is current. (When none is, the device is
    returned, and the API answers that the door is closed.)
    """
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    device = ScannerDevice.objects.select_related("edition").filter(token_hash=token_hash(token)).first()
    if device is None:
        return None
    if device.revoked_at is not None:
        raise DeviceRefused(_("This scanner device has been revoked. Ask an organiser for a new one."))
    if not device.edition.is_current and Edition.objects.filter(is_current=True).exists():
        raise DeviceRefused(
            _("This scanner device is for another edition (%(edition)s).") % {"edition": device.edition.title}
        )
    now = timezone.now()
    if device.last_used_at is None or now - device.last_used_at >= LAST_USED_EVERY:
        ScannerDevice.objects.filter(pk=device.pk).update(last_used_at=now)
        device.last_used_at = now
    return device
