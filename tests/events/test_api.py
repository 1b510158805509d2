import datetime
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from lxml import etree

from core.cache import programme_changed
from events.models import ProgrammePage, Session
from tests.factories import (
    edition_create,
    local_time,
    room_create,
    session_create,
    speaker_create,
    track_create,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

FRAB_SCHEMA = etree.XMLSchema(etree.parse(Path(__file__).parent.parent / "specs" / "frab-schedule.xsd"))
EDITION_PATHS = [
    "/editions/{slug}/schedule.json",
    "/editions/{slug}/schedule.xml",
    "/editions/{slug}/schedule.ics",
    "/editions/{slug}/sessions/",
    "/editions/{slug}/sessions/{session_slug}",
    "/editions/{slug}/speakers/",
    "/editions/{slug}/rooms/",
]


def api_url(path: str, edition, **params) -> str:
    url = "/api/v1" + path.format(slug=edition.slug, session_slug=params.pop("session_slug", "ouverture"))
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


@pytest.fixture
def programme(edition):
    room = room_create(edition, name_fr="Salle Atlas", name_ar="قاعة الأطلس", name_en="Atlas Room")
    track = track_create(edition)
    return {
        "opening": session_create(
            edition,
            slug="ouverture",
            room=room,
            track=track,
            starts_at=local_time(edition, 0, 9),
            title_fr="Ouverture",
            title_ar="الافتتاح",
            title_en="Opening",
            speakers=[speaker_create(name="Karim Alaoui", name_ar="كريم العلوي")],
            roles=["moderator"],
        ),
        "untranslated": session_create(
            edition,
            slug="atelier",
            room=room,
            starts_at=local_time(edition, 0, 11),
            title_fr="Atelier",
            title_ar="",
        ),
        "hidden": session_create(
            edition, slug="brouillon", room=room, starts_at=local_time(edition, 1, 9), is_published=False
        ),
    }


@pytest.fixture
def programme_page(site_tree):
    page = ProgrammePage(title="Programme", slug="programme")
    site_tree.home["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


# Editions ----------------------------------------------------------------------------


def test_editions_lists_every_edition_in_the_language_asked(client, edition):
    archived = edition_create(is_current=False, start_date=datetime.date(2021, 6, 10))

    response = client.get("/api/v1/editions/?lang=ar")

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.json() == [
        {
            "slug": e.slug,
            "number": e.number,
            "title": e.title_ar,
            "theme": e.theme_ar,
            "start_date": e.start_date.isoformat(),
            "end_date": e.end_date.isoformat(),
            "time_zone": "Africa/Casablanca",
            "format": "hybrid",
            "is_current": e.is_current,
            "venue": e.venue_ar,
            "city": "الدار البيضاء",
        }
        for e in sorted([edition, archived], key=lambda e: -e.number)
    ]


# Exports -----------------------------------------------------------------------------


def test_schedule_json_carries_the_published_sessions(client, edition, programme):
    response = client.get(api_url("/editions/{slug}/schedule.json", edition))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    data = json.loads(response.content)
    assert data["$schema"] == "https://c3voc.de/schedule/schema.json"
    days = data["schedule"]["conference"]["days"]
    assert [day["date"] for day in days] == [day.isoformat() for day in edition.days]
    assert [
        (event["slug"], event["start"], event["duration"])
        for day in days
        for events in day["rooms"].values()
        for event in events
    ] == [(f"{edition.slug}-ouverture", "09:00", "01:00"), (f"{edition.slug}-atelier", "11:00", "01:00")]


def test_schedule_xml_is_valid_frab(client, edition, programme, programme_page):
    response = client.get(api_url("/editions/{slug}/schedule.xml", edition, lang="ar"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    document = etree.fromstring(response.content)
    FRAB_SCHEMA.assertValid(document)
    events = document.findall("day/room/event")
    assert [event.findtext("slug") for event in events] == [
        f"{edition.slug}-ouverture",
        f"{edition.slug}-atelier",
    ]
    assert [event.findtext("title") for event in events] == ["الافتتاح", "Atelier"]
    assert events[0].findtext("url") == "http://testserver/fr/programme/session/ouverture/"


def ics_events(client, edition) -> dict[str, object]:
    response = client.get(api_url("/editions/{slug}/schedule.ics", edition))
    assert response.status_code == 200
    return {str(event["UID"]): event for event in Calendar.from_ical(response.content).events}


def test_schedule_ics_is_a_calendar_download(client, edition, programme):
    response = client.get(api_url("/editions/{slug}/schedule.ics", edition))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="casablanca-smart-city-{edition.slug}.ics"'
    )
    assert response["Cache-Control"] == "public, max-age=300"
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.events) == 2
    assert str(calendar["X-WR-CALNAME"]) == edition.title_fr


def test_schedule_ics_uids_are_stable_across_requests_and_title_changes(client, edition, programme):
    opening = programme["opening"]
    first = ics_events(client, edition)
    second = ics_events(client, edition)
    opening.title_fr = "Séance inaugurale"
    opening.save()
    programme_changed(edition.id)

    renamed = ics_events(client, edition)

    uid = f"session-{opening.pk}@casablancasmartcity.ma"
    assert (
        sorted(first)
        == sorted(second)
        == sorted(renamed)
        == sorted([uid, f"session-{programme['untranslated'].pk}@casablancasmartcity.ma"])
    )
    assert str(renamed[uid]["SUMMARY"]) == "Séance inaugurale"
    start = renamed[uid].start
    assert start == local_time(edition, 0, 9)
    assert start.tzinfo.key == "Africa/Casablanca"
    assert start.hour == 9


@pytest.mark.parametrize("extension", ["json", "xml", "ics"])
def test_exports_are_cached_until_the_programme_changes(client, edition, programme, extension):
    url = api_url(f"/editions/{{slug}}/schedule.{extension}", edition)
    assert "Ouverture" in client.get(url).content.decode()
    # A bulk update sends no signal: only programme_changed() tells the cache.
    Session.objects.filter(pk=programme["opening"].pk).update(title_fr="Séance inaugurale")

    stale = client.get(url).content.decode()
    programme_changed(edition.id)
    fresh = client.get(url).content.decode()

    assert ("Ouverture" in stale, "Séance inaugurale" in stale) == (True, False)
    assert ("Ouverture" in fresh, "Séance inaugurale" in fresh) == (False, True)


def test_saving_a_session_refreshes_the_exports(client, edition, programme):
    url = api_url("/editions/{slug}/schedule.json", edition)
    assert "Ouverture" in client.get(url).content.decode()
    opening = programme["opening"]
    opening.title_fr = "Séance inaugurale"
    opening.save()
    programme_changed(edition.id)

    assert "Séance inaugurale" in client.get(url).content.decode()


# Programme ---------------------------------------------------------------------------


def test_sessions_lists_published_sessions_only(client, edition, programme, programme_page):
    response = client.get(api_url("/editions/{slug}/sessions/", edition))

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    sessions = response.json()
    assert [session["slug"] for session in sessions] == ["ouverture", "atelier"]
    opening = sessions[0]
    assert opening["title"] == "Ouverture"
    assert opening["starts_at"] == local_time(edition, 0, 9).isoformat()
    assert opening["duration_minutes"] == 60
    assert opening["room"] == {"id": programme["opening"].room_id, "name": "Salle Atlas"}
    assert [(speaker["slug"], speaker["name"], speaker["role"]) for speaker in opening["speakers"]] == [
        (programme["opening"].speakers.get().speaker.slug, "Karim Alaoui", "moderator")
    ]
    assert opening["url"] == "http://testserver/fr/programme/session/ouverture/"


def test_arabic_texts_with_french_fallback(client, edition, programme):
    sessions = client.get(api_url("/editions/{slug}/sessions/", edition, lang="ar")).json()

    assert [session["title"] for session in sessions] == ["الافتتاح", "Atelier"]
    assert sessions[0]["room"]["name"] == "قاعة الأطلس"
    assert sessions[0]["speakers"][0]["name"] == "كريم العلوي"


def test_session_detail(client, edition, programme):
    response = client.get(api_url("/editions/{slug}/sessions/{session_slug}", edition, lang="en"))

    assert response.status_code == 200
    assert (response.json()["slug"], response.json()["title"]) == ("ouverture", "Opening")


def test_unpublished_session_is_not_found(client, edition, programme):
    response = client.get(
        api_url("/editions/{slug}/sessions/{session_slug}", edition, session_slug="brouillon")
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_speakers_and_rooms(client, edition, programme):
    speakers = client.get(api_url("/editions/{slug}/speakers/", edition, lang="ar")).json()
    rooms = client.get(api_url("/editions/{slug}/rooms/", edition, lang="en")).json()

    assert [(speaker["name"], speaker["display_name"]) for speaker in speakers] == [
        ("Karim Alaoui", "كريم العلوي")
    ]
    assert [(room["name"], room["capacity"]) for room in rooms] == [("Atlas Room", 120)]


@pytest.mark.parametrize("path", EDITION_PATHS)
def test_unknown_edition_is_a_json_404(client, db, path):
    response = client.get("/api/v1" + path.format(slug="1999", session_slug="ouverture"))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_unknown_language_is_refused(client, edition):
    response = client.get(api_url("/editions/{slug}/sessions/", edition, lang="de"))

    assert response.status_code == 422


# OpenAPI -----------------------------------------------------------------------------


def test_openapi_document_describes_every_endpoint(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    assert sorted(paths) == sorted(
        ["/api/v1/editions/", "/api/v1/checkin/"] + ["/api/v1" + path for path in EDITION_PATHS]
    )
    assert paths["/api/v1/checkin/"]["post"]["security"] == [{"ScannerDeviceAuth": []}]
    assert list(paths["/api/v1/editions/{slug}/schedule.xml"]["get"]["responses"]["200"]["content"]) == [
        "application/xml"
    ]
    assert list(paths["/api/v1/editions/{slug}/schedule.ics"]["get"]["responses"]["200"]["content"]) == [
        "text/calendar"
    ]
    parameters = paths["/api/v1/editions/{slug}/sessions/"]["get"]["parameters"]
    lang = next(parameter for parameter in parameters if parameter["name"] == "lang")
    assert lang["schema"]["enum"] == ["fr", "ar", "en"]


def test_openapi_document_lists_every_status_each_operation_answers(client, db):
    document = client.get("/api/v1/openapi.json").json()
    paths = document["paths"]

    statuses = {
        (path.removeprefix("/api/v1"), method): sorted(operation["responses"])
        for path, operations in paths.items()
        for method, operation in operations.items()
    }

    assert statuses == {
        ("/editions/", "get"): ["200", "422"],
        ("/editions/{slug}/schedule.json", "get"): ["200", "304", "404", "422"],
        ("/editions/{slug}/schedule.xml", "get"): ["200", "304", "404", "422"],
        ("/editions/{slug}/schedule.ics", "get"): ["200", "304", "404", "422"],
        ("/editions/{slug}/sessions/", "get"): ["200", "404", "422"],
        ("/editions/{slug}/sessions/{session_slug}", "get"): ["200", "404", "422"],
        ("/editions/{slug}/speakers/", "get"): ["200", "404", "422"],
        ("/editions/{slug}/rooms/", "get"): ["200", "404", "422"],
        ("/checkin/", "post"): ["200", "401", "403", "422", "503"],
    }
    checkin = paths["/api/v1/checkin/"]["post"]["responses"]
    assert {status: checkin[status]["content"]["application/json"]["schema"] for status in checkin} == {
        "200": {"$ref": "#/components/schemas/CheckInOut"},
        "401": {"$ref": "#/components/schemas/ErrorOut"},
        "403": {"$ref": "#/components/schemas/ErrorOut"},
        "422": {"$ref": "#/components/schemas/ValidationErrorOut"},
        "503": {"$ref": "#/components/schemas/ErrorOut"},
    }
    assert document["components"]["securitySchemes"] == {
        "ScannerDeviceAuth": {"type": "http", "scheme": "bearer"}
    }
    slug = next(
        p for p in paths["/api/v1/editions/{slug}/rooms/"]["get"]["parameters"] if p["name"] == "slug"
    )
    assert (slug["schema"]["pattern"], slug["schema"]["maxLength"]) == ("^[-a-zA-Z0-9_]+$", 50)


# HEAD --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/editions/", *EDITION_PATHS])
def test_head_answers_like_get_without_the_body(client, edition, programme, path):
    url = api_url(path, edition)
    get = client.get(url)

    head = client.head(url)

    assert (get.status_code, head.status_code) == (200, 200)
    assert head.content == b""
    for header in ("Content-Type", "Cache-Control", "ETag", "Content-Disposition"):
        assert head.get(header) == get.get(header), header


def test_head_drops_the_body_itself_and_says_its_length(edition, programme):
    """Django's test client drops a HEAD body on its own: call the view as a server would."""
    from django.test import RequestFactory
    from django.urls import resolve

    url = api_url("/editions/{slug}/sessions/", edition)
    view = resolve(url).func
    kwargs = resolve(url).kwargs

    get = view(RequestFactory().get(url), **kwargs)
    head = view(RequestFactory().head(url), **kwargs)

    assert (head.status_code, head.content) == (200, b"")
    assert int(head["Content-Length"]) == len(get.content) > 2


def test_head_of_an_unknown_edition_is_a_404_and_post_is_still_refused(client, db):
    assert client.head("/api/v1/editions/1999/rooms/").status_code == 404
    assert client.post("/api/v1/editions/1999/rooms/").status_code == 405
    assert client.head("/api/v1/checkin/").status_code == 405


def test_the_openapi_document_lists_get_only(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {method for operations in paths.values() for method in operations} == {"get", "post"}
    assert client.head("/api/v1/openapi.json").status_code == 200


# Slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EDITION_PATHS)
@pytest.mark.parametrize(
    ("slug", "session_slug"),
    [("%00", "ouverture"), ("{edition}%00", "ouverture"), ("a%20b", "ouverture"), ("x" * 51, "ouverture")],
    ids=["nul", "nul after a real slug", "space", "too long"],
)
def test_a_slug_that_is_no_slug_is_refused_before_the_database(client, edition, path, slug, session_slug):
    url = "/api/v1" + path.format(slug=slug.format(edition=edition.slug), session_slug=session_slug)

    response = client.get(url)

    assert response.status_code == 422
    assert [(error["loc"], error["type"]) for error in response.json()["detail"]] == [
        (["path", "slug"], "string_too_long" if len(slug) > 50 else "string_pattern_mismatch")
    ]


def test_a_session_slug_with_a_nul_is_refused(client, edition, programme):
    url = api_url("/editions/{slug}/sessions/{session_slug}", edition, session_slug="ouverture%00")

    response = client.get(url)

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["path", "session_slug"]]


# Queries -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/editions/{slug}/schedule.json",
        "/editions/{slug}/schedule.xml",
        "/editions/{slug}/schedule.ics",
        "/editions/{slug}/sessions/",
        "/editions/{slug}/speakers/",
    ],
)
def test_queries_do_not_grow_with_the_programme(
    client, edition, programme_page, path, django_assert_num_queries
):
    url = api_url(path, edition)
    track = track_create(edition)
    session_create(edition, track=track, speakers=[speaker_create(), speaker_create()])
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200

    for hour in range(10, 15):
        session_create(
            edition,
            track=track,
            starts_at=local_time(edition, 1, hour),
            speakers=[speaker_create(), speaker_create(), speaker_create()],
        )
    cache.clear()
    with django_assert_num_queries(len(one)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("extension", ["json", "xml", "ics"])
def test_a_repeated_export_is_served_from_the_cache(client, edition, programme, programme_page, extension):
    url = api_url(f"/editions/{{slug}}/schedule.{extension}", edition)
    cache.clear()
    with CaptureQueriesContext(connection) as rendering:
        first = client.get(url)

    with CaptureQueriesContext(connection) as cached:
        second = client.get(url)

    assert second.content == first.content
    assert len(rendering) > 2
    assert len(cached) <= 2


def test_exports_answer_304_when_unchanged_and_gzip_when_accepted(client, programme, edition):
    import gzip

    url = f"/api/v1/editions/{edition.slug}/schedule.json"
    plain = client.get(url)
    compressed = client.get(url, headers={"accept-encoding": "gzip, deflate"})
    unchanged = client.get(url, headers={"if-none-match": plain["ETag"]})

    assert plain.status_code == 200
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == plain["ETag"]
    assert unchanged.status_code == 304
    assert unchanged.content == b""

    session = programme["opening"]
    session.title_fr = "Ouverture officielle"
    session.save()
    changed = client.get(url, headers={"if-none-match": plain["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != plain["ETag"]
    assert "Ouverture officielle" in changed.content.decode()
