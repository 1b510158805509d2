"""A large edition for the benchmarks: 3 days, 6 rooms, 162 sessions, 80 speakers.

Run inside Django (bench/http_bench.py does it): it becomes the current
edition, so the programme page and the exports present it.
"""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from core.cache import programme_changed
from events.models import Edition, Room, Session, SessionSpeaker, Speaker, Track

DAYS, ROOMS, SLOTS, SPEAKERS = 3, 6, 9, 80
KINDS = ["plenary", "panel", "keynote", "workshop", "pitch", "panel"]
FORMATS = ["hybrid", "in_person", "online"]
LANGUAGES = ["fr", "fr", "ar", "en"]


def build() -> dict:
    Edition.objects.filter(is_current=True).update(is_current=False)
    start = timezone.localdate() + datetime.timedelta(days=120)
    edition = Edition.objects.create(
        number=99,
        slug="bench",
        title_fr="Édition de référence",
        title_ar="دورة مرجعية",
        title_en="Benchmark edition",
        theme_fr="Ville smart",
        theme_ar="المدينة الذكية",
        theme_en="Smart city",
        start_date=start,
        end_date=start + datetime.timedelta(days=DAYS - 1),
        venue_fr="Casablanca",
        is_current=True,
    )
    tz = zoneinfo.ZoneInfo(edition.time_zone)
    rooms = Room.objects.bulk_create(
        Room(
            edition=edition,
            name_fr=f"Salle {n}",
            name_ar=f"القاعة {n}",
            name_en=f"Room {n}",
            capacity=100,
            sort_order=n,
        )
        for n in range(ROOMS)
    )
    tracks = Track.objects.bulk_create(
        Track(
            edition=edition,
            slug=f"track-{n}",
            name_fr=f"Parcours {n}",
            name_ar=f"المسار {n}",
            name_en=f"Track {n}",
        )
        for n in range(4)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(
            name=f"Intervenant·e {n}",
            name_ar=f"متدخل {n}",
            slug=f"bench-speaker-{n}",
            organisation_fr="Université Hassan II",
            job_title_fr="Chercheur·e",
            bio_fr="Biographie. " * 20,
        )
        for n in range(SPEAKERS)
    )
    sessions = []
    for day in range(DAYS):
        for slot in range(SLOTS):
            starts_at = datetime.datetime.combine(
                start + datetime.timedelta(days=day), datetime.time(8 + slot), tzinfo=tz
            )
            for room in rooms:
                number = len(sessions)
                kind = KINDS[number % len(KINDS)]
                sessions.append(
                    Session(
                        edition=edition,
                        slug=f"session-{number}",
                        kind=kind,
                        format=FORMATS[number % 3],
                        language=LANGUAGES[number % 4],
                        title_fr=f"Séance {number} : la ville durable",
                        title_ar=f"الجلسة {number}: المدينة المستدامة",
                        title_en=f"Session {number}: the sustainable city",
                        abstract_fr="Résumé de la séance. " * 15,
                        abstract_ar="ملخص الجلسة. " * 15,
                        abstract_en="Session abstract. " * 15,
                        starts_at=starts_at,
                        ends_at=starts_at + datetime.timedelta(minutes=55),
                        room=room,
                        track=tracks[number % len(tracks)],
                        capacity=40 if kind == "workshop" else None,
                    )
                )
    sessions = Session.objects.bulk_create(sessions)
    SessionSpeaker.objects.bulk_create(
        SessionSpeaker(session=session, speaker=speakers[(index * 3 + offset) % SPEAKERS], sort_order=offset)
        for index, session in enumerate(sessions)
        for offset in range(2 + index % 2)
    )
    programme_changed(edition.pk)

    user, _ = get_user_model().objects.get_or_create(email="bench@example.org")
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return {
        "sessions": len(sessions),
        "speakers": len(speakers),
        "rooms": len(rooms),
        "days": DAYS,
        "session_slug": sessions[len(sessions) // 2].slug,
        "session_cookie": store.session_key,
    }
