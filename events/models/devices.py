"""The door's scanning apps: one key per phone, issued and revoked by organisers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ScannerDevice(models.Model):
    """A phone or scanner allowed to check people in through the API, for one edition.

    A model, not a snippet: only `events.attendance.devices` writes it. The
    token is shown once, when the device is issued; the database keeps its
    SHA-256 only (a token is 256 random bits, so a fast hash is enough), and a
    short prefix by which organisers recognise it. Check-ins name the device
    that let someone in, so a revoked device stays listed.
    """

    edition = models.ForeignKey(
        "events.Edition",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="scanner_devices",
    )
    name = models.CharField(
        _("name"), max_length=100, help_text=_("Where the device is used, e.g. “Entrance A phone”.")
    )
    prefix = models.CharField(
        _("token prefix"),
        max_length=16,
        help_text=_("The start of the token, to recognise it; the token itself is not kept."),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("scanner device")
        verbose_name_plural = _("scanner devices")
        # "add" issues a device, "change" revokes one; none is deleted (check-ins name their device).
        default_permissions = ("add", "change", "view")
        constraints = [
            # Two working devices of one name would make the check-in log ambiguous.
            models.UniqueConstraint(
                fields=["edition", "name"],
                condition=Q(revoked_at__isnull=True),
                name="scanner_device_name_unique_while_active",
                violation_error_message=_("A working device of this edition already has this name."),
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=F("created_at")),
                name="scanner_device_revoked_after_issued",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
