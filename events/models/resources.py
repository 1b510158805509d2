"""Slides and links speakers add to their sessions, public when they say so."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


class ResourceVisibility(models.TextChoices):
    NEVER = "never", _("Never public (for the organisers only)")
    AFTER = "after", _("Public after the session")
    NOW = "now", _("Public now")


class SessionResource(models.Model):
    session = models.ForeignKey(
        "events.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="resources"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="slides/", blank=True, storage=private_storage)
    filename = models.CharField(_("file name"), max_length=160, blank=True)
    url = models.URLField(_("link"), blank=True)
    visibility = models.CharField(
        _("public"), max_length=8, choices=ResourceVisibility.choices, default=ResourceVisibility.AFTER
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("slides or resource")
        verbose_name_plural = _("slides and resources")
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(file="") & models.Q(url="")) | (models.Q(file="") & ~models.Q(url="")),
                name="resource_is_a_file_or_a_link",
            )
        ]

    def __str__(self):
        return self.title

    def is_public(self, *, now) -> bool:
        if self.visibility == ResourceVisibility.NOW:
            return True
        return self.visibility == ResourceVisibility.AFTER and now >= self.session.ends_at
