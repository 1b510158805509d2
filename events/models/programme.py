"""Rooms, tracks, sessions and who speaks in them.

Plain models edited as snippets rather than pages: the programme page, the
exports and the personal agenda all present the same rows, filtered and
grouped, and a session belongs to exactly one edition.
"""

import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from core.i18n import TranslatedField, translated_panels
from events.models.editions import AttendanceFormat


class Room(models.Model):
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="rooms"
    )
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    location_fr = models.CharField(_("floor or building (French)"), max_length=200, blank=True)
    location_ar = models.CharField(_("floor or building (Arabic)"), max_length=200, blank=True)
    location_en = models.CharField(_("floor or building (English)"), max_length=200, blank=True)
    accessibility_fr = models.TextField(_("accessibility notes (French)"), blank=True)
    accessibility_ar = models.TextField(_("accessibility notes (Arabic)"), blank=True)
    accessibility_en = models.TextField(_("accessibility notes (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = TranslatedField()
    location = TranslatedField()
    accessibility = TranslatedField()

    panels = [
        FieldPanel("edition"),
        translated_panels("name", _("Name")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("sort_order")]),
        translated_panels("location", _("Floor or building")),
        translated_panels("accessibility", _("Accessibility"), widget=forms.Textarea),
    ]

    class Meta:
        ordering = ["edition", "sort_order", "name_fr"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name_fr"], name="room_name_unique_per_edition"),
        ]

    def __str__(self):
        return f"{self.name} ({self.edition.slug})"


class Track(models.Model):
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="tracks"
    )
    slug = models.SlugField(_("slug"))
    name_fr = models.CharField(_("name (French)"), max_length=150)
    name_ar = models.CharField(_("name (Arabic)"), max_length=150, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    color = models.CharField(
        _("colour"),
        max_length=7,
        default="#0b5c7a",
        help_text=_("Hexadecimal colour used to mark the track, e.g. #0b5c7a."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = TranslatedField()

    panels = [
        FieldPanel("edition"),
        FieldPanel("slug"),
        translated_panels("name", _("Name")),
        FieldRowPanel([FieldPanel("color"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["edition", "sort_order", "name_fr"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="track_slug_unique_per_edition"),
        ]

    def __str__(self):
        return f"{self.name} ({self.edition.slug})"


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening session")
    PLENARY = "plenary", _("Plenary")
    KEYNOTE = "keynote", _("Keynote")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    PITCH = "pitch", _("Pitch session")
    BREAK = "break", _("Break")


class SessionLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")


class Session(index.Indexed, ClusterableModel):
    edition = models.ForeignKey(
        "events.Edition", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="sessions"
    )
    slug = models.SlugField(_("slug"), max_length=120)
    kind = models.CharField(_("type"), max_length=16, choices=SessionKind.choices)
    format = models.CharField(
        _("format"), max_length=16, choices=AttendanceFormat.choices, default=AttendanceFormat.HYBRID
    )
    language = models.CharField(
        _("language"), max_length=2, choices=SessionLanguage.choices, default=SessionLanguage.FRENCH
    )
    title_fr = models.CharField(_("title (French)"), max_length=255)
    title_ar = models.CharField(_("title (Arabic)"), max_length=255, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    abstract_fr = models.TextField(_("abstract (French)"), blank=True)
    abstract_ar = models.TextField(_("abstract (Arabic)"), blank=True)
    abstract_en = models.TextField(_("abstract (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text=_("Leave empty for a session that is only online."),
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_("Workshops only: how many people can book a seat."),
    )
    livestream_url = models.URLField(_("live-stream URL"), blank=True)
    replay_url = models.URLField(_("replay URL"), blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished sessions are hidden from the public programme."),
    )

    title = TranslatedField()
    abstract = TranslatedField()
    description = TranslatedField()

    panels = [
        FieldRowPanel([FieldPanel("edition"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("format"), FieldPanel("language")]),
        translated_panels("title", _("Title")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("room"), FieldPanel("track")]),
                FieldPanel("capacity"),
            ],
            heading=_("When and where"),
        ),
        InlinePanel("speakers", label=_("Speakers"), heading=_("Speakers")),
        translated_panels("abstract", _("Abstract"), widget=forms.Textarea),
        translated_panels("description", _("Description"), widget=forms.Textarea),
        MultiFieldPanel([FieldPanel("livestream_url"), FieldPanel("replay_url")], heading=_("Online")),
        FieldPanel("is_published"),
    ]
    search_fields = [
        index.SearchField("title_fr"),
        index.SearchField("title_ar"),
        index.SearchField("title_en"),
        index.FilterField("edition"),
        index.AutocompleteField("title_fr"),
    ]

    class Meta:
        ordering = ["starts_at", "room__sort_order", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="session_slug_unique_per_edition"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
            # On PostgreSQL, migration 0004 adds an exclusion constraint: two
            # sessions never share a room at overlapping times.
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A session must end after it starts.")
        if self.room_id and self.edition_id and self.room.edition_id != self.edition_id:
            errors["room"] = _("This room belongs to another edition.")
        if self.track_id and self.edition_id and self.track.edition_id != self.edition_id:
            errors["track"] = _("This track belongs to another edition.")
        if self.kind == SessionKind.WORKSHOP and not self.capacity:
            errors["capacity"] = _("A workshop needs a number of seats.")
        if self.room_id and self.starts_at and self.ends_at and "ends_at" not in errors:
            clash = self.overlapping_in_room().first()
            if clash is not None:
                local = timezone.localtime(clash.starts_at, self.tz)
                errors["room"] = _("%(room)s is already taken by “%(session)s” (%(start)s–%(end)s).") % {
                    "room": self.room.name,
                    "session": clash.title,
                    "start": local.strftime("%d/%m %H:%M"),
                    "end": timezone.localtime(clash.ends_at, self.tz).strftime("%H:%M"),
                }
        if errors:
            raise ValidationError(errors)

    def overlapping_in_room(self) -> models.QuerySet:
        return (
            Session.objects.filter(
                room_id=self.room_id, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at
            )
            .exclude(pk=self.pk)
            .order_by("starts_at")
        )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.edition.time_zone)

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at, self.tz)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.ends_at, self.tz)

    @property
    def duration(self) -> datetime.timedelta:
        return self.ends_at - self.starts_at


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    CHAIR = "chair", _("Chair")


class Participation(models.TextChoices):
    PENDING = "pending", _("Not answered yet")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class Presence(models.TextChoices):
    IN_PERSON = "in_person", _("In person, in the room")
    REMOTE = "remote", _("Remotely, by video")


class SessionSpeaker(Orderable):
    session = ParentalKey(Session, on_delete=models.CASCADE, related_name="speakers")
    speaker = models.ForeignKey(
        "events.Speaker", verbose_name=_("speaker"), on_delete=models.CASCADE, related_name="appearances"
    )
    role = models.CharField(
        _("role"), max_length=16, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER
    )
    participation = models.CharField(
        _("participation"), max_length=16, choices=Participation.choices, default=Participation.PENDING
    )
    presence = models.CharField(_("presents"), max_length=16, choices=Presence.choices, blank=True)
    technical_needs = models.TextField(_("technical needs"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("speaker"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("participation"), FieldPanel("presence")]),
        FieldPanel("technical_needs"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker of the session")
        verbose_name_plural = _("speakers of the session")
        constraints = [
            models.UniqueConstraint(fields=["session", "speaker"], name="session_speaker_once"),
        ]

    def __str__(self):
        return f"{self.speaker} – {self.get_role_display()}"
