from pathlib import Path

import pytest

from tests.factories import (
    edition_create,
    programme_pages_create,
    room_create,
    session_create,
    site_tree_create,
    speaker_create,
    track_create,
)

AXE_SCRIPT = "node_modules/axe-core/axe.min.js"
AXE_SOURCE = Path(AXE_SCRIPT).read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def live_site(transactional_db, live_server):
    """The site tree in a database the live server's thread can see.

    ``transaction=True`` tests start from an empty database (no Wagtail root,
    no Site, no Locale), so everything is built here.
    """
    edition_create(is_current=True)
    return site_tree_create()


@pytest.fixture
def live_programme(live_site):
    """Programme and speakers pages, with a small two-day programme."""
    from events.models import Edition

    edition = Edition.objects.get(is_current=True)
    pages = programme_pages_create(live_site)
    plenary = room_create(
        edition=edition, name_fr="Grande salle", name_ar="القاعة الكبرى", name_en="Main hall"
    )
    atlas = room_create(edition=edition, name_fr="Salle Atlas", name_ar="قاعة الأطلس", name_en="Atlas room")
    mobility = track_create(
        edition=edition, slug="mobilite", name_fr="Mobilité", name_ar="التنقل", name_en="Mobility"
    )
    speaker = speaker_create(
        name="Amina Berrada",
        name_ar="أمينة برادة",
        slug="amina-berrada",
        job_title_fr="Urbaniste",
        job_title_ar="مخططة حضرية",
        job_title_en="Urban planner",
    )
    sessions = {
        "opening": session_create(
            edition=edition,
            start="09:00",
            kind="opening",
            room=plenary,
            speakers=[speaker],
            title_fr="Séance inaugurale",
            title_ar="الجلسة الافتتاحية",
            title_en="Opening session",
            abstract_fr="Ouverture officielle du congrès.",
            abstract_ar="الافتتاح الرسمي للمؤتمر.",
        ),
        "workshop": session_create(
            edition=edition,
            start="14:00",
            kind="workshop",
            room=atlas,
            track=mobility,
            format="in_person",
            title_fr="Atelier mobilité",
            title_ar="ورشة التنقل",
            title_en="Mobility workshop",
            capacity=30,
        ),
        "panel": session_create(
            edition=edition,
            day=1,
            start="10:00",
            kind="panel",
            room=plenary,
            track=mobility,
            title_fr="Panel tramway",
            title_ar="ندوة الترامواي",
            title_en="Tramway panel",
        ),
    }
    return {"pages": pages, "sessions": sessions, "edition": edition, "speaker": speaker}


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    """Every journey runs under the site's Content-Security-Policy: a refused script, style,
    frame or connection shows in the console, and fails the test."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield
    assert refused == []


def axe_violations(page) -> list[dict]:
    # Evaluated through the browser's debugging protocol: the page's CSP allows no injected script tag.
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in result["violations"]
    ]
