"""Reads: the queries pages, exports and the agenda share.

Every list here is fetched with a fixed number of queries, whatever the
number of sessions or speakers (select_related / prefetch_related).
"""

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation

from core.i18n import translated_columns
from events.models import AgendaEntry, Edition, Session, SessionSpeaker, Speaker


def published_sessions(edition: Edition) -> QuerySet[Session]:
    return (
        Session.objects.filter(edition=edition, is_published=True)
        .select_related("room", "track", "edition")
        .prefetch_related(
            Prefetch(
                "speakers",
                queryset=SessionSpeaker.objects.select_related("speaker").order_by("sort_order", "pk"),
            )
        )
        .order_by("starts_at", "room__sort_order", "pk")
    )


@dataclass(frozen=True)
class ProgrammeFilters:
    day: datetime.date | None = None
    track: str = ""  # track slug
    kind: str = ""
    format: str = ""
    language: str = ""
    q: str = ""

    @property
    def active(self) -> bool:
        return any([self.day, self.track, self.kind, self.format, self.language, self.q])


def filter_sessions(
    sessions: QuerySet[Session], *, edition: Edition, filters: ProgrammeFilters
) -> QuerySet[Session]:
    tz = zoneinfo.ZoneInfo(edition.time_zone)
    if filters.day:
        start = datetime.datetime.combine(filters.day, datetime.time.min, tzinfo=tz)
        sessions = sessions.filter(starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
    if filters.track:
        sessions = sessions.filter(track__slug=filters.track)
    if filters.kind:
        sessions = sessions.filter(kind=filters.kind)
    if filters.format:
        sessions = sessions.filter(format=filters.format)
    if filters.language:
        sessions = sessions.filter(language=filters.language)
    if filters.q:
        text = Q()
        for field in ("title", "abstract"):
            for column in translated_columns(field):
                text |= Q(**{f"{column}__icontains": filters.q})
        matching_speakers = SessionSpeaker.objects.filter(
            Q(speaker__name__icontains=filters.q) | Q(speaker__name_ar__icontains=filters.q)
        ).values("session_id")
        sessions = sessions.filter(text | Q(pk__in=matching_speakers))
    return sessions


def group_by_day(
    sessions: Iterable[Session], *, edition: Edition
) -> list[tuple[datetime.date, list[Session]]]:
    tz = zoneinfo.ZoneInfo(edition.time_zone)
    days: dict[datetime.date, list[Session]] = {}
    for session in sessions:
        days.setdefault(session.starts_at.astimezone(tz).date(), []).append(session)
    return sorted(days.items())


def clashing_ids(sessions: Iterable[Session]) -> set[int]:
    """Sessions that overlap in time with another one of the list."""
    ordered = sorted(sessions, key=lambda s: s.starts_at)
    clashes: set[int] = set()
    latest_end = None
    latest_id = None
    for session in ordered:
        if latest_end is not None and session.starts_at < latest_end:
            clashes.update({session.pk, latest_id})
        if latest_end is None or session.ends_at > latest_end:
            latest_end, latest_id = session.ends_at, session.pk
    return clashes


def speaker_double_bookings(session: Session) -> list[tuple[Speaker, Session]]:
    """Other sessions that a speaker of this session is booked in at the same time."""
    speaker_ids = list(session.speakers.values_list("speaker_id", flat=True))
    others = (
        SessionSpeaker.objects.filter(
            speaker_id__in=speaker_ids,
            session__starts_at__lt=session.ends_at,
            session__ends_at__gt=session.starts_at,
        )
        .exclude(session_id=session.pk)
        .select_related("speaker", "session")
        .order_by("session__starts_at")
    )
    return [(entry.speaker, entry.session) for entry in others]


def edition_speakers(edition: Edition) -> QuerySet[Speaker]:
    return (
        Speaker.objects.filter(appearances__session__edition=edition, appearances__session__is_published=True)
        .distinct()
        .select_related("photo")
        .order_by("name")
    )


def speaker_sessions(speaker: Speaker) -> QuerySet[Session]:
    return (
        Session.objects.filter(speakers__speaker=speaker, is_published=True)
        .select_related("room", "edition", "track")
        .order_by("-starts_at")
    )


def agenda_sessions(user) -> QuerySet[Session]:
    starred = AgendaEntry.objects.filter(user=user).values("session_id")
    return (
        Session.objects.filter(pk__in=starred, is_published=True)
        .select_related("room", "track", "edition")
        .prefetch_related(
            Prefetch(
                "speakers", queryset=SessionSpeaker.objects.select_related("speaker").order_by("sort_order")
            )
        )
        .order_by("starts_at", "pk")
    )


def starred_session_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(AgendaEntry.objects.filter(user=user).values_list("session_id", flat=True))


def programme_page(*, language: str | None = None):
    """The live programme page of a language's tree (None if editors placed none)."""
    from events.models.pages import ProgrammePage

    language = language or translation.get_language()
    pages = ProgrammePage.objects.live().select_related("edition")
    return pages.filter(locale__language_code=language).first() or pages.first()


def speaker_index_page(*, language: str | None = None):
    from events.models.pages import SpeakerIndexPage

    language = language or translation.get_language()
    pages = SpeakerIndexPage.objects.live()
    return pages.filter(locale__language_code=language).first() or pages.first()


class SpeakerUrls:
    """Speaker page URLs for one rendering: finds the speakers index once."""

    def __init__(self, *, language: str | None = None):
        self.page = speaker_index_page(language=language)
        self.base = self.page.url if self.page else None

    def __call__(self, speaker: Speaker) -> str:
        return self.page.speaker_url(speaker, base=self.base) if self.page else ""


def attach_public_urls(
    sessions: Iterable[Session], *, programme=None, edition: Edition | None = None
) -> None:
    """Give each session and its speakers a `public_url`, finding each page once.

    `programme` defaults to the programme page of the active language.
    """
    programme = programme or programme_page()
    base = programme.url if programme else ""
    speaker_urls = SpeakerUrls()
    for session in sessions:
        session.public_url = programme.session_url(session, edition=edition, base=base) if programme else ""
        for appearance in session.speakers.all():
            appearance.speaker.public_url = speaker_urls(appearance.speaker)
