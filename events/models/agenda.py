from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AgendaEntry(models.Model):
    """A session a person starred for their personal agenda."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_entries"
    )
    session = models.ForeignKey("events.Session", on_delete=models.CASCADE, related_name="agenda_entries")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda entry")
        verbose_name_plural = _("agenda entries")
        constraints = [models.UniqueConstraint(fields=["user", "session"], name="agenda_entry_once")]

    def __str__(self):
        return f"{self.user} → {self.session}"
