"""The programme in the formats other software reads.

frab JSON and XML (as pretalx and the c3voc tools write them) feed conference
apps, signage and recording teams; iCalendar feeds people's calendars, for a
whole edition or for a personal agenda. Pure functions, no HTTP: the API and
the agenda views serve them. Each runs a fixed number of queries whatever the
number of sessions and speakers, and identifiers (guid, UID) depend only on
primary keys, so that a renamed session stays the same event for every client.
"""

import datetime
import uuid
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Iterable

import icalendar
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.cache import programme_version
from events.models import Edition, Room, Session
from events.programme import selectors

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
GENERATOR = {"name": "casablanca-smart-city", "version": "1"}
UID_DOMAIN = "casablancasmartcity.ma"
PRODID = "-//Casablanca Smart City//Programme//FR"
TIMESLOT_DURATION = "00:15"
# Independent of the deployment's address: staging and production agree on
# every guid, and moving the site to another domain changes none of them.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, UID_DOMAIN)


# Helpers shared with the API ---------------------------------------------------


def absolute_url(base_url: str, url: str) -> str:
    """``url`` as an absolute URL; Wagtail gives relative ones on a single-site install."""
    if not url or url.startswith(("http://", "https://")):
        return url or ""
    return base_url.rstrip("/") + "/" + url.lstrip("/")


def session_guid(session: Session) -> uuid.UUID:
    return uuid.uuid5(GUID_NAMESPACE, f"session/{session.pk}")


def room_guid(room: Room | None) -> uuid.UUID:
    return uuid.uuid5(GUID_NAMESPACE, f"room/{room.pk}" if room else "room/online")


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@{UID_DOMAIN}"


def online_room_name() -> str:
    """The room that sessions without a room are listed in."""
    return _("Online")


def hours_minutes(duration: datetime.timedelta) -> str:
    minutes = int(duration.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class SessionUrls:
    """Absolute session page URLs for one rendering: finds the programme page once."""

    def __init__(self, *, language: str, base_url: str):
        self.page = selectors.programme_page(language=language)
        self.base = self.page.url if self.page else None
        self.base_url = base_url

    def __call__(self, session: Session) -> str:
        if not self.base:
            return ""
        return absolute_url(self.base_url, self.page.session_url(session, base=self.base))

    def programme(self, edition: Edition) -> str:
        if not self.base:
            return ""
        return absolute_url(self.base_url, self.page.programme_url(edition))


# frab JSON ---------------------------------------------------------------------------


def schedule_json(edition: Edition, *, language: str, base_url: str) -> dict:
    """The edition's published programme as c3voc schedule JSON."""
    base_url = base_url.rstrip("/")
    with translation.override(language):
        return {
            "$schema": SCHEMA_URL,
            "generator": dict(GENERATOR),
            "schedule": _schedule(edition, base_url=base_url, language=language),
        }


def _schedule(edition: Edition, *, base_url: str, language: str) -> dict:
    tz = zoneinfo.ZoneInfo(edition.time_zone)
    sessions = list(selectors.published_sessions(edition))
    rooms = list(edition.rooms.all())
    tracks = list(edition.tracks.all())
    urls = SessionUrls(language=language, base_url=base_url)

    room_names = [room.name for room in rooms]
    room_list = [
        {"name": room.name, "guid": str(room_guid(room)), "capacity": room.capacity} for room in rooms
    ]
    if any(session.room_id is None for session in sessions):
        room_names.append(online_room_name())
        room_list.append({"name": online_room_name(), "guid": str(room_guid(None)), "capacity": None})

    by_day: dict[datetime.date, list[Session]] = {day: [] for day in edition.days}
    for session in sessions:
        by_day.setdefault(session.starts_at.astimezone(tz).date(), []).append(session)
    days = []
    for index, (day, day_sessions) in enumerate(sorted(by_day.items()), start=1):
        midnight = datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)
        day_start = min((s.starts_at for s in day_sessions), default=midnight)
        day_end = max((s.ends_at for s in day_sessions), default=midnight + datetime.timedelta(days=1))
        day_rooms: dict[str, list[dict]] = {name: [] for name in room_names}
        for session in day_sessions:
            event = _event(session, edition=edition, tz=tz, url=urls(session))
            day_rooms.setdefault(event["room"], []).append(event)
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": day_start.astimezone(tz).isoformat(),
                "day_end": day_end.astimezone(tz).isoformat(),
                "rooms": day_rooms,
            }
        )

    return {
        "version": str(programme_version(edition.pk)),
        "base_url": base_url + "/",
        "conference": {
            "acronym": edition.slug,
            "title": edition.title,
            "start": days[0]["date"],
            "end": days[-1]["date"],
            "daysCount": len(days),
            "timeslot_duration": TIMESLOT_DURATION,
            "time_zone_name": edition.time_zone,
            "url": urls.programme(edition) or base_url + "/",
            "rooms": room_list,
            "tracks": [{"name": track.name, "slug": track.slug, "color": track.color} for track in tracks],
            "days": days,
        },
    }


def _event(session: Session, *, edition: Edition, tz: zoneinfo.ZoneInfo, url: str) -> dict:
    start = session.starts_at.astimezone(tz)
    return {
        "id": session.pk,
        "guid": str(session_guid(session)),
        "logo": "",
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": hours_minutes(session.duration),
        "room": session.room.name if session.room else online_room_name(),
        "slug": f"{edition.slug}-{session.slug}",
        "url": url,
        "title": session.title,
        "subtitle": "",
        "track": session.track.name if session.track else "",
        "type": str(session.get_kind_display()),
        "language": session.language,
        "abstract": session.abstract,
        "description": session.description,
        "recording_license": "",
        "do_not_record": False,
        "persons": [
            {
                "id": appearance.speaker.pk,
                "code": appearance.speaker.slug,
                "name": appearance.speaker.display_name,
                "public_name": appearance.speaker.display_name,
                "biography": appearance.speaker.bio,
                "role": appearance.role,
            }
            for appearance in session.speakers.all()
        ],
        "links": [],  # stream and replay addresses are for registered attendees only, on the live page
        "attachments": [],
    }


# frab XML -----------------------------------------------------------------------------


def schedule_xml(edition: Edition, *, language: str, base_url: str) -> bytes:
    """The same schedule as frab XML (the format of tests/specs/frab-schedule.xsd)."""
    data = schedule_json(edition, language=language, base_url=base_url)["schedule"]
    conference = data["conference"]

    root = ET.Element("schedule")
    ET.SubElement(root, "generator", GENERATOR)
    _text(root, "version", data["version"])
    element = ET.SubElement(root, "conference")
    _text(element, "acronym", conference["acronym"])
    _text(element, "title", conference["title"])
    _text(element, "start", conference["start"])
    _text(element, "end", conference["end"])
    _text(element, "days", conference["daysCount"])
    _text(element, "timeslot_duration", conference["timeslot_duration"])
    _text(element, "base_url", data["base_url"])
    _text(element, "time_zone_name", conference["time_zone_name"])
    for day in conference["days"]:
        day_element = ET.SubElement(
            root,
            "day",
            {
                "index": str(day["index"]),
                "date": day["date"],
                "start": day["day_start"],
                "end": day["day_end"],
            },
        )
        for room_name, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", {"name": room_name})
            for event in events:
                _event_xml(room_element, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, value, attrib: dict | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib or {})
    element.text = str(value)
    return element


def _event_xml(parent: ET.Element, event: dict) -> None:
    element = ET.SubElement(parent, "event", {"id": str(event["id"]), "guid": event["guid"]})
    for tag in ("date", "start", "duration", "room", "slug"):
        _text(element, tag, event[tag])
    if event["url"]:  # the schema wants an http(s) URL or no element at all
        _text(element, "url", event["url"])
    for tag in ("title", "subtitle", "track", "type", "language", "abstract", "description", "logo"):
        _text(element, tag, event[tag])
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        _text(persons, "person", person["public_name"], {"id": str(person["id"])})
    links = ET.SubElement(element, "links")
    for link in event["links"]:
        _text(links, "link", link["title"], {"href": link["url"]})
    ET.SubElement(element, "attachments")
    recording = ET.SubElement(element, "recording")
    _text(recording, "license", event["recording_license"])
    _text(recording, "optout", "true" if event["do_not_record"] else "false")


# iCalendar ------------------------------------------------------------------------


def ics_calendar(sessions: Iterable[Session], *, name: str, base_url: str, language: str) -> bytes:
    """One VEVENT per session, in the edition's time zone, with the VTIMEZONE it needs.

    ``sessions`` should come with room, track and edition selected
    (``selectors.published_sessions``, ``selectors.agenda_sessions``).
    """
    base_url = base_url.rstrip("/")
    with translation.override(language):
        urls = SessionUrls(language=language, base_url=base_url)
        stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
        calendar = icalendar.Calendar.new(
            name=str(name), prodid=PRODID, uid=uuid.uuid5(GUID_NAMESPACE, f"calendar/{base_url}/{name}")
        )
        for session in sessions:
            calendar.add_component(
                icalendar.Event.new(
                    uid=session_uid(session),
                    stamp=stamp,
                    start=session.local_start,
                    end=session.local_end,
                    summary=session.title,
                    description=session.abstract or None,
                    location=_location(session),
                    url=urls(session) or None,
                    categories=[session.track.name] if session.track else (),
                )
            )
        calendar.add_missing_timezones()
        return calendar.to_ical()


def _location(session: Session) -> str:
    if session.room is None:
        return online_room_name()
    return ", ".join(part for part in (session.room.name, session.edition.venue) if part)
