import datetime
import json
import zoneinfo
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from lxml import etree

from events.models import ProgrammePage
from events.programme import exports, selectors
from tests.factories import local_time, room_create, session_create, speaker_create, track_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BASE_URL = "http://testserver"
CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")
FRAB_SCHEMA = etree.XMLSchema(etree.parse(Path(__file__).parent.parent / "specs" / "frab-schedule.xsd"))


@pytest.fixture
def programme(edition):
    """Published sessions on the first day (one online), an unpublished one, an empty second day."""
    room = room_create(edition, name_fr="Salle Atlas", name_ar="قاعة الأطلس", name_en="Atlas Room")
    track = track_create(edition, name_fr="Mobilité", name_ar="التنقل", name_en="Mobility")
    speakers = [speaker_create(), speaker_create()]
    return {
        "opening": session_create(
            edition,
            slug="ouverture",
            room=room,
            track=track,
            starts_at=local_time(edition, 0, 9, 30),
            minutes=45,
            title_fr="Ouverture",
            title_ar="الافتتاح",
            title_en="Opening",
            speakers=speakers,
            roles=["moderator", "speaker"],
            livestream_url="https://live.example.org/atlas",
        ),
        "panel": session_create(
            edition, slug="table-ronde", room=room, starts_at=local_time(edition, 0, 10, 30), minutes=90
        ),
        "online": session_create(
            edition, slug="webinaire", room=None, starts_at=local_time(edition, 0, 14), minutes=30
        ),
        "hidden": session_create(
            edition, slug="brouillon", room=room, starts_at=local_time(edition, 0, 16), is_published=False
        ),
    }


@pytest.fixture
def programme_page(site_tree):
    page = ProgrammePage(title="Programme", slug="programme")
    site_tree.home["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def events_of(data: dict) -> dict[str, dict]:
    return {
        event["slug"]: event
        for day in data["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
    }


def xml_events(body: bytes) -> list:
    return etree.fromstring(body).findall("day/room/event")


# frab JSON -------------------------------------------------------------------------------


def test_schedule_json_carries_every_published_session_at_its_local_time(edition, programme):
    data = exports.schedule_json(edition, language="fr", base_url=BASE_URL)

    events = events_of(json.loads(json.dumps(data)))
    prefix = edition.slug
    assert {slug: (event["start"], event["duration"], event["room"]) for slug, event in events.items()} == {
        f"{prefix}-ouverture": ("09:30", "00:45", "Salle Atlas"),
        f"{prefix}-table-ronde": ("10:30", "01:30", "Salle Atlas"),
        f"{prefix}-webinaire": ("14:00", "00:30", "En ligne"),
    }
    opening = events[f"{prefix}-ouverture"]
    assert datetime.datetime.fromisoformat(opening["date"]) == local_time(edition, 0, 9, 30)
    assert opening["date"] == local_time(edition, 0, 9, 30).isoformat()
    assert opening["id"] == programme["opening"].pk
    assert opening["track"] == "Mobilité"
    assert opening["language"] == "fr"
    assert [person["role"] for person in opening["persons"]] == ["moderator", "speaker"]
    assert opening["links"] == []  # stream addresses are for registered attendees only
    assert opening["url"] == ""


def test_schedule_json_lists_every_day_of_the_edition(edition, programme):
    data = exports.schedule_json(edition, language="fr", base_url=BASE_URL)

    conference = data["schedule"]["conference"]
    assert [(day["index"], day["date"]) for day in conference["days"]] == [
        (1, edition.start_date.isoformat()),
        (2, edition.end_date.isoformat()),
    ]
    assert conference["daysCount"] == 2
    assert conference["days"][0]["day_start"] == local_time(edition, 0, 9, 30).isoformat()
    assert conference["days"][0]["day_end"] == local_time(edition, 0, 14, 30).isoformat()
    assert [len(events) for events in conference["days"][1]["rooms"].values()] == [0, 0]
    assert [room["name"] for room in conference["rooms"]] == ["Salle Atlas", "En ligne"]
    assert conference["time_zone_name"] == "Africa/Casablanca"
    assert data["schedule"]["base_url"] == "http://testserver/"


def test_schedule_json_speaks_the_language_asked(edition, programme):
    data = exports.schedule_json(edition, language="ar", base_url=BASE_URL)

    opening = events_of(data)[f"{edition.slug}-ouverture"]
    assert opening["title"] == "الافتتاح"
    assert opening["room"] == "قاعة الأطلس"
    assert opening["track"] == "التنقل"
    assert events_of(data)[f"{edition.slug}-webinaire"]["room"] == "عن بُعد"
    assert data["schedule"]["conference"]["title"] == edition.title_ar


def test_event_url_is_the_session_page_when_a_programme_page_exists(edition, programme, programme_page):
    data = exports.schedule_json(edition, language="fr", base_url=BASE_URL)

    assert (
        events_of(data)[f"{edition.slug}-ouverture"]["url"]
        == "http://testserver/fr/programme/session/ouverture/"
    )
    assert data["schedule"]["conference"]["url"] == "http://testserver/fr/programme/"


def test_guid_depends_on_the_session_not_its_title(edition, programme):
    before = events_of(exports.schedule_json(edition, language="fr", base_url=BASE_URL))
    session = programme["opening"]
    session.title_fr = "Séance d'ouverture"
    session.save()

    after = events_of(exports.schedule_json(edition, language="fr", base_url="https://elsewhere.example"))

    slug = f"{edition.slug}-ouverture"
    assert after[slug]["title"] == "Séance d'ouverture"
    assert after[slug]["guid"] == before[slug]["guid"]
    assert len({event["guid"] for event in after.values()}) == 3


# frab XML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_schedule_xml_validates_against_the_frab_schema(edition, programme, programme_page, language):
    body = exports.schedule_xml(edition, language=language, base_url=BASE_URL)

    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    document = etree.fromstring(body)
    FRAB_SCHEMA.assertValid(document)
    assert len(document.findall("day")) == 2


def test_schedule_xml_has_one_event_per_published_session(edition, programme):
    body = exports.schedule_xml(edition, language="fr", base_url=BASE_URL)

    events = xml_events(body)
    assert sorted(int(event.get("id")) for event in events) == sorted(
        programme[key].pk for key in ("opening", "panel", "online")
    )
    opening = next(event for event in events if event.findtext("slug") == f"{edition.slug}-ouverture")
    assert opening.findtext("start") == "09:30"
    assert opening.findtext("duration") == "00:45"
    assert opening.findtext("room") == "Salle Atlas"
    assert [person.text for person in opening.findall("persons/person")] == [
        speaker.speaker.name for speaker in programme["opening"].speakers.order_by("sort_order")
    ]


# iCalendar ---------------------------------------------------------------------------------


def ics_for(edition, **kwargs) -> Calendar:
    body = exports.ics_calendar(
        selectors.published_sessions(edition), name="Programme", base_url=BASE_URL, language="fr", **kwargs
    )
    return Calendar.from_ical(body)


def test_ics_has_one_event_per_session_in_casablanca_time(edition, programme, programme_page):
    calendar = ics_for(edition)

    events = {event["UID"]: event for event in calendar.events}
    opening = programme["opening"]
    assert sorted(events) == sorted(
        f"session-{programme[key].pk}@casablancasmartcity.ma" for key in ("opening", "panel", "online")
    )
    event = events[f"session-{opening.pk}@casablancasmartcity.ma"]
    assert event.start == datetime.datetime.combine(
        edition.start_date, datetime.time(9, 30), tzinfo=CASABLANCA
    )
    assert event.start.tzinfo.key == "Africa/Casablanca"
    assert event.end == local_time(edition, 0, 10, 15)
    assert str(event["SUMMARY"]) == "Ouverture"
    assert str(event["DESCRIPTION"]) == "La ville intelligente et ses habitants."
    assert str(event["LOCATION"]) == "Salle Atlas, Palais des congrès"
    assert str(event["URL"]) == "http://testserver/fr/programme/session/ouverture/"
    assert str(calendar["X-WR-CALNAME"]) == "Programme"
    assert [tz["TZID"] for tz in calendar.timezones] == ["Africa/Casablanca"]
    online = events[f"session-{programme['online'].pk}@casablancasmartcity.ma"]
    assert str(online["LOCATION"]) == "En ligne"


def test_ics_uid_survives_a_title_change(edition, programme):
    before = {str(event["UID"]) for event in ics_for(edition).events}
    programme["panel"].title_fr = "Nouveau titre"
    programme["panel"].save()

    after = ics_for(edition)

    assert {str(event["UID"]) for event in after.events} == before
    assert "Nouveau titre" in {str(event["SUMMARY"]) for event in after.events}


# Queries ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "render",
    [
        lambda edition: exports.schedule_json(edition, language="fr", base_url=BASE_URL),
        lambda edition: exports.schedule_xml(edition, language="fr", base_url=BASE_URL),
        lambda edition: exports.ics_calendar(
            selectors.published_sessions(edition), name="P", base_url=BASE_URL, language="fr"
        ),
    ],
    ids=["json", "xml", "ics"],
)
def test_exports_make_as_many_queries_for_six_sessions_as_for_one(edition, programme_page, render):
    track = track_create(edition)
    session_create(edition, track=track, speakers=[speaker_create(), speaker_create()])
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        render(edition)

    for hour in range(10, 15):
        session_create(
            edition,
            track=track,
            starts_at=local_time(edition, 1, hour),
            speakers=[speaker_create(), speaker_create(), speaker_create()],
        )
    cache.clear()
    with CaptureQueriesContext(connection) as six:
        render(edition)

    assert len(six) == len(one)
