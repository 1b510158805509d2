import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.i18n import TranslatedField, translated_panels


class AttendanceFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class EditionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()


class Edition(models.Model):
    """One yearly congress.

    A plain model rather than a page: registrations, sessions and the challenge
    hang off it, and several pages (home, programme, archive) present it.
    """

    number = models.PositiveSmallIntegerField(_("edition number"), unique=True)
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in URLs and exports, e.g. 2026."))
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    theme_fr = models.CharField(_("theme (French)"), max_length=300)
    theme_ar = models.CharField(_("theme (Arabic)"), max_length=300, blank=True)
    theme_en = models.CharField(_("theme (English)"), max_length=300, blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Africa/Casablanca")
    venue_fr = models.CharField(_("venue (French)"), max_length=200)
    venue_ar = models.CharField(_("venue (Arabic)"), max_length=200, blank=True)
    venue_en = models.CharField(_("venue (English)"), max_length=200, blank=True)
    city_fr = models.CharField(_("city (French)"), max_length=100, default="Casablanca")
    city_ar = models.CharField(_("city (Arabic)"), max_length=100, blank=True, default="الدار البيضاء")
    city_en = models.CharField(_("city (English)"), max_length=100, blank=True, default="Casablanca")
    format = models.CharField(
        _("format"), max_length=16, choices=AttendanceFormat.choices, default=AttendanceFormat.HYBRID
    )
    speaker_edit_deadline = models.DateTimeField(
        _("speakers edit their sessions until"),
        null=True,
        blank=True,
        help_text=_("After this moment the speakers' session forms are read-only. Empty: no deadline."),
    )
    stream_opens_minutes = models.PositiveSmallIntegerField(
        _("live streams open (minutes before the start)"),
        default=15,
        help_text=_("Registered attendees reach a session's stream from this many minutes before it starts."),
    )
    bank_transfer_details = models.TextField(
        _("bank transfer details"),
        blank=True,
        help_text=_(
            "Account holder, bank, RIB and SWIFT shown to institutions that pay by transfer. "
            "Empty: payment by transfer is not offered."
        ),
    )
    is_current = models.BooleanField(
        _("current edition"),
        default=False,
        help_text=_("The edition the home page presents. Only one edition can be current."),
    )

    title = TranslatedField()
    theme = TranslatedField()
    venue = TranslatedField()
    city = TranslatedField()

    objects = EditionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("slug")]),
        translated_panels("title", _("Title")),
        translated_panels("theme", _("Theme")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("time_zone"),
                FieldPanel("format"),
                FieldPanel("is_current"),
            ],
            heading=_("When and how"),
        ),
        translated_panels("venue", _("Venue")),
        translated_panels("city", _("City")),
        FieldPanel("speaker_edit_deadline"),
        FieldPanel("stream_opens_minutes"),
        FieldPanel("bank_transfer_details"),
    ]

    class Meta:
        ordering = ["-number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="edition_single_current"
            ),
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="edition_dates_ordered"
            ),
        ]

    def __str__(self):
        return f"{self.number} – {self.title}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.is_current and Edition.objects.filter(is_current=True).exclude(pk=self.pk).exists():
            raise ValidationError(
                {"is_current": _("Another edition is already current. Untick it there first.")}
            )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def starts_at(self) -> datetime.datetime:
        """Midnight of the first day, in the edition's time zone."""
        return datetime.datetime.combine(self.start_date, datetime.time.min, tzinfo=self.tz)

    @property
    def days(self) -> list[datetime.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + datetime.timedelta(days=offset) for offset in range(count)]
