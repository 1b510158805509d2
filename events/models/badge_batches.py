"""Badges printed in batches by the organisers: one PDF of A4 sheets, built by a background task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


class BadgeBatchStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RENDERING = "rendering", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class BadgeBatch(models.Model):
    """The badges matching an organiser's filters, rendered into one PDF by `events.attendance.badge_batches`.

    ``filters`` holds ``ticket_types`` (ids; empty: all), ``roles`` (empty: all)
    and ``only_not_printed``. ``done`` counts the badges laid out so far, out of
    ``total``; the admin polls them to show progress.
    """

    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="badge_batches"
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=16, choices=BadgeBatchStatus.choices, default=BadgeBatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("badges"), default=0)
    done = models.PositiveIntegerField(_("badges laid out"), default=0)
    file = models.FileField(_("PDF"), upload_to="badges/", blank=True, storage=private_storage)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("badge batch")
        verbose_name_plural = _("badge batches")

    def __str__(self):
        return f"{self.edition.slug} #{self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (BadgeBatchStatus.DONE, BadgeBatchStatus.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
