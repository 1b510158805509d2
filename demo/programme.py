"""Demo programme: rooms, tracks, speakers and sessions of the 4th and 7th editions.

The content (`data/speakers.json`, `data/programme-<edition>.json`) follows the
two press articles in the shared seeds: the 4th edition's opening, its three
plenary themes and the DGCT workshop with its five presentations; the 7th
edition's themes, its Innovation Space and the startup challenge with three
winners. The people are fictional.

A session's day counts from its edition's first day, so the 7th edition's
sessions follow its dates, which follow the day the demo is loaded. Every row
is found by its natural key and brought up to date, so running the seed again
changes nothing. Times are local to the edition's time zone.
"""

import datetime
import zoneinfo

from django.db import transaction

from core.cache import programme_changed
from demo.data import load, translated
from events.models import (
    AttendanceFormat,
    Edition,
    Room,
    Session,
    SessionKind,
    SessionSpeaker,
    Speaker,
    Track,
)

LIVESTREAM_URL = "https://live.casablancasmartcity.ma/{slug}"
REPLAY_URL = "https://replay.casablancasmartcity.ma/{edition}/{slug}"
NO_TEXT = {"fr": "", "ar": "", "en": ""}


def _workshop_sessions(workshop: dict) -> list[dict]:
    """A workshop of several presentations: one session each, all described by the whole programme."""
    presentations = workshop["presentations"]
    description = {
        code: "\n".join([intro, *(f"{n}. {p['title'][code]}" for n, p in enumerate(presentations, start=1))])
        for code, intro in workshop["intro"].items()
    }
    return [
        {
            **workshop["session"],
            "slug": presentation["slug"],
            "start": presentation["start"],
            "end": presentation["end"],
            "title": presentation["title"],
            "abstract": presentation["abstract"],
            "description": description,
            "speakers": [*workshop["session"]["speakers"], [presentation["presenter"], "speaker"]],
        }
        for presentation in presentations
    ]


def _sessions(programme: dict) -> list[dict]:
    workshop = programme.get("workshop")
    return [*programme["sessions"], *(_workshop_sessions(workshop) if workshop else [])]


def _save(instance, fields: dict):
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


def _local(edition: Edition, day: int, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day),
        datetime.time(hour, minute),
        tzinfo=zoneinfo.ZoneInfo(edition.time_zone),
    )


def _seed_speakers() -> dict[str, Speaker]:
    speakers = {}
    for row in load("speakers"):
        speaker = Speaker.objects.filter(slug=row["slug"]).first() or Speaker(slug=row["slug"])
        speakers[row["slug"]] = _save(
            speaker,
            {
                "name": row["name"],
                "name_ar": row["name_ar"],
                **translated("organisation", row["organisation"]),
                **translated("job_title", row["job_title"]),
                **translated("bio", row["bio"]),
            },
        )
    return speakers


def _seed_rooms(edition: Edition, rows: dict) -> dict[str, Room]:
    rooms = {}
    for order, (key, row) in enumerate(rows.items(), start=1):
        name_fr = row["name"]["fr"]
        room = Room.objects.filter(edition=edition, name_fr=name_fr).first() or Room(
            edition=edition, name_fr=name_fr
        )
        rooms[key] = _save(
            room,
            {
                **translated("name", row["name"]),
                "capacity": row["capacity"],
                **translated("location", row["location"]),
                **translated("accessibility", row["accessibility"]),
                "sort_order": order,
            },
        )
    return rooms


def _seed_tracks(edition: Edition, rows: dict) -> dict[str, Track]:
    tracks = {}
    for order, (slug, row) in enumerate(rows.items(), start=1):
        track = Track.objects.filter(edition=edition, slug=slug).first() or Track(edition=edition, slug=slug)
        tracks[slug] = _save(
            track, {**translated("name", row["name"]), "color": row["color"], "sort_order": order}
        )
    return tracks


def _session_fields(edition: Edition, row: dict, rooms: dict, tracks: dict, *, past: bool) -> dict:
    slug = row["slug"]
    room = rooms[row["room"]] if row.get("room") else None
    online = (
        row["format"] in (AttendanceFormat.HYBRID, AttendanceFormat.ONLINE)
        and row["kind"] != SessionKind.BREAK
    )
    return {
        "kind": row["kind"],
        "format": row["format"],
        "language": row["language"],
        **translated("title", row["title"]),
        **translated("abstract", row["abstract"]),
        **translated("description", row.get("description", NO_TEXT)),
        "starts_at": _local(edition, row["day"], row["start"]),
        "ends_at": _local(edition, row["day"], row["end"]),
        "room": room,
        "track": tracks[row["track"]] if row.get("track") else None,
        "capacity": row.get("capacity"),
        "livestream_url": LIVESTREAM_URL.format(slug=slug) if online and not past else "",
        "replay_url": REPLAY_URL.format(edition=edition.slug, slug=slug) if online and past else "",
        "is_published": True,
    }


def _seed_sessions(
    edition: Edition, rows: list[dict], rooms: dict, tracks: dict, speakers: dict, *, past: bool
):
    wanted = {row["slug"]: _session_fields(edition, row, rooms, tracks, past=past) for row in rows}

    # Sessions moved since an earlier run (the current edition's dates follow
    # the day the demo is loaded) leave their rooms first, so that no session
    # is ever saved on top of another one's old slot.
    def slot(fields: dict) -> tuple:
        return (getattr(fields["room"], "pk", None), fields["starts_at"], fields["ends_at"])

    placed = Session.objects.filter(edition=edition, slug__in=wanted, room__isnull=False)
    moved = [s.pk for s in placed if (s.room_id, s.starts_at, s.ends_at) != slot(wanted[s.slug])]
    Session.objects.filter(pk__in=moved).update(room=None)

    for row in rows:
        slug = row["slug"]
        session = Session.objects.filter(edition=edition, slug=slug).first() or Session(
            edition=edition, slug=slug
        )
        _save(session, wanted[slug])

        cast = row.get("speakers", [])
        for order, (speaker_slug, role) in enumerate(cast):
            speaker = speakers[speaker_slug]
            link = SessionSpeaker.objects.filter(session=session, speaker=speaker).first() or SessionSpeaker(
                session=session, speaker=speaker
            )
            _save(link, {"role": role, "sort_order": order})
        SessionSpeaker.objects.filter(session=session).exclude(
            speaker__slug__in=[speaker_slug for speaker_slug, _role in cast]
        ).delete()


def seed_programme(*, editions: dict[int, Edition]) -> None:
    """Idempotent: create or update rooms, tracks, speakers and sessions of the 4th and 7th editions."""
    with transaction.atomic():
        speakers = _seed_speakers()
        for number in (4, 7):
            edition = editions[number]
            programme = load(f"programme-{number}")
            rooms = _seed_rooms(edition, programme["rooms"])
            tracks = _seed_tracks(edition, programme["tracks"])
            past = not edition.is_current
            _seed_sessions(edition, _sessions(programme), rooms, tracks, speakers, past=past)
            transaction.on_commit(lambda edition_id=edition.pk: programme_changed(edition_id))
