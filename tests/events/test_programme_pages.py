import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import room_create, session_create, speaker_create, track_create

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def titles_in(content: str) -> list[str]:
    return re.findall(r'class="session-card__title" id="[^"]+"><a href="[^"]+">([^<]+)</a>', content)


@pytest.fixture
def programme(edition, programme_pages):
    plenary_room = room_create(edition=edition, name_fr="Grande salle", name_ar="القاعة الكبرى")
    workshop_room = room_create(edition=edition, name_fr="Salle Atlas")
    mobility = track_create(
        edition=edition, slug="mobilite", name_fr="Mobilité durable", name_en="Sustainable mobility"
    )
    services = track_create(edition=edition, slug="services", name_fr="Services numériques")
    amina = speaker_create(name="Amina Berrada", name_ar="أمينة برادة", slug="amina-berrada")
    return {
        "opening": session_create(
            edition=edition,
            day=0,
            start="09:00",
            kind="opening",
            room=plenary_room,
            format="hybrid",
            title_fr="Séance inaugurale",
            title_ar="الجلسة الافتتاحية",
            title_en="Opening session",
            speakers=[amina],
        ),
        "workshop": session_create(
            edition=edition,
            day=0,
            start="14:00",
            kind="workshop",
            room=workshop_room,
            format="in_person",
            title_fr="Atelier données ouvertes",
            title_en="Open data workshop",
            track=services,
            capacity=30,
            language="ar",
        ),
        "panel": session_create(
            edition=edition,
            day=1,
            start="10:00",
            kind="panel",
            room=plenary_room,
            format="hybrid",
            title_fr="Panel mobilité",
            title_en="Mobility panel",
            track=mobility,
            language="en",
            abstract_fr="Tramway, bus à haut niveau de service et vélos partagés.",
        ),
        "online": session_create(
            edition=edition,
            day=1,
            start="16:00",
            kind="keynote",
            format="online",
            room=None,
            title_fr="Conférence en ligne",
            title_en="Online keynote",
            livestream_url="https://live.example.org/keynote",
        ),
    }


def test_programme_lists_sessions_by_day_in_the_event_time_zone(client, programme, programme_pages, edition):
    response = client.get(programme_pages["programme"]["fr"].url)

    content = response.content.decode()
    assert response.status_code == 200
    assert titles_in(content) == [
        "Séance inaugurale",
        "Atelier données ouvertes",
        "Panel mobilité",
        "Conférence en ligne",
    ]
    assert f'id="day-{edition.start_date.isoformat()}"' in content
    assert '<time datetime="' in content and ">09:00</time>" in content
    assert "4 séances" in content


def test_programme_in_arabic_and_english(client, programme, programme_pages):
    arabic = client.get(programme_pages["programme"]["ar"].url).content.decode()
    english = client.get(programme_pages["programme"]["en"].url).content.decode()

    assert "الجلسة الافتتاحية" in titles_in(arabic)
    assert 'dir="rtl"' in arabic
    assert titles_in(english) == ["Opening session", "Open data workshop", "Mobility panel", "Online keynote"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"day": "DAY1"}, ["Panel mobilité", "Conférence en ligne"]),
        ({"track": "mobilite"}, ["Panel mobilité"]),
        ({"kind": "workshop"}, ["Atelier données ouvertes"]),
        ({"format": "online"}, ["Conférence en ligne"]),
        ({"language": "ar"}, ["Atelier données ouvertes"]),
        ({"q": "tramway"}, ["Panel mobilité"]),
        ({"q": "berrada"}, ["Séance inaugurale"]),
        ({"q": "أمينة"}, ["Séance inaugurale"]),
        ({"day": "DAY0", "format": "hybrid"}, ["Séance inaugurale"]),
        ({"kind": "break"}, []),
    ],
)
def test_programme_filters(client, programme, programme_pages, edition, query, expected):
    days = {"DAY0": edition.days[0].isoformat(), "DAY1": edition.days[1].isoformat()}
    params = {key: days.get(value, value) for key, value in query.items()}

    content = client.get(programme_pages["programme"]["fr"].url, params).content.decode()

    assert titles_in(content) == expected
    if not expected:
        assert "Aucune séance ne correspond à ces filtres." in content


def test_unpublished_sessions_stay_hidden(client, programme, programme_pages):
    programme["panel"].is_published = False
    programme["panel"].save()

    content = client.get(programme_pages["programme"]["fr"].url).content.decode()

    assert "Panel mobilité" not in titles_in(content)
    session_url = f"{programme_pages['programme']['fr'].url}session/{programme['panel'].slug}/"
    assert client.get(session_url).status_code == 404


def test_session_page(client, programme, programme_pages):
    page = programme_pages["programme"]["en"]
    response = client.get(f"{page.url}session/{programme['opening'].slug}/")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 id="session-{programme["opening"].pk}-title">Opening session</h1>' in content
    assert "09:00" in content and "Africa/Casablanca" in content
    assert "Amina Berrada" in content
    assert 'href="/en/speakers/amina-berrada/"' in content
    assert f"{page.url}session/{programme['opening'].slug}/calendar/" in content


def test_session_page_leads_to_the_live_page_not_to_the_stream(client, programme, programme_pages):
    url = programme_pages["programme"]["fr"].url + f"session/{programme['online'].slug}/"

    content = client.get(url).content.decode()

    assert f'href="/fr/live/{programme["online"].pk}/"' in content
    assert "https://live.example.org/keynote" not in content
    assert "En ligne uniquement" in content


def test_session_calendar_download(client, programme, programme_pages):
    from icalendar import Calendar

    url = programme_pages["programme"]["fr"].url + f"session/{programme['opening'].slug}/calendar/"
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["SUMMARY"]) for event in events] == ["Séance inaugurale"]
    assert events[0].decoded("DTSTART") == programme["opening"].starts_at


def test_archive_lists_past_editions_with_their_programmes(client, programme, programme_pages):
    import datetime

    from tests.factories import edition_create

    past = edition_create(
        number=4, slug="2021", is_current=False, start_date=datetime.date(2021, 6, 9), title_fr="4e édition"
    )
    session_create(edition=past, day=1, start="11:00", title_fr="Atelier DGCT", kind="workshop")
    page = programme_pages["programme"]["fr"]

    archive = client.get(page.url + "archive/").content.decode()
    past_programme = client.get(page.url + "archive/2021/").content.decode()

    assert f'href="{page.url}archive/2021/"' in archive
    assert titles_in(past_programme) == ["Atelier DGCT"]
    assert f'href="{page.url}archive/2021/session/' in past_programme


def test_speakers_index_and_speaker_page(client, programme, programme_pages):
    index = client.get(programme_pages["speakers"]["ar"].url).content.decode()
    speaker = client.get(programme_pages["speakers"]["ar"].url + "amina-berrada/").content.decode()

    assert "أمينة برادة" in index
    assert "<h1>أمينة برادة</h1>" in speaker
    assert "Amina Berrada" in speaker
    assert "الجلسة الافتتاحية" in speaker


@pytest.mark.parametrize("count", [1, 8])
def test_programme_query_count_does_not_grow(
    client, edition, programme_pages, count, django_assert_num_queries
):
    room = room_create(edition=edition)
    track = track_create(edition=edition)
    for index in range(count):
        session_create(
            edition=edition,
            day=index % 2,
            start=f"{8 + index // 2:02d}:00",
            room=room,
            track=track,
            speakers=[speaker_create(), speaker_create()],
        )
    url = programme_pages["programme"]["fr"].url
    client.get(url)  # warm Wagtail's site root cache

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"kind": "panel"})  # query string: not the cached page

    assert response.status_code == 200
    assert len(titles_in(response.content.decode())) == count
    assert len(queries) == EXPECTED_PROGRAMME_QUERIES


# Counted once by hand and pinned: it must not depend on the number of sessions.
EXPECTED_PROGRAMME_QUERIES = 15


def test_track_colours_come_from_a_stylesheet_not_inline_styles(client, programme, programme_pages, edition):
    """The site's Content-Security-Policy allows no inline style: each track's colour is a class."""
    from events.models import Track

    mobility = Track.objects.get(slug="mobilite")
    hostile = track_create(edition=edition, slug="hostile", name_fr="H", color="red;}a{")

    page = client.get(programme_pages["programme"]["fr"].url).content.decode()
    css = client.get("/fr/agenda/tracks.css")

    assert 'style="' not in page
    assert "/fr/agenda/tracks.css" in page
    assert css["Content-Type"] == "text/css; charset=utf-8"
    rules = css.content.decode()
    assert f".track-{mobility.pk} {{ --track-color: #0b5c7a; }}" in rules
    assert f"track-{mobility.pk}" in page
    assert f".track-{hostile.pk}" not in rules and "red" not in rules
