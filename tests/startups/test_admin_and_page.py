"""Organisers screen entries in the Wagtail admin; the challenge page presents the call,
and its finalists and winners only once the organisers publish them."""

import csv
import io

import pytest
from django.test import Client

from startups import services
from startups.models import SubmissionStatus
from tests.factories import challenge_pages_create, user_create
from tests.startups.factories import startup_create
from tests.startups.test_entries import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(db):
    client = Client()
    client.force_login(user_create(email="orga@example.org", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def entries(challenge):
    made = {}
    for name in ("Nour Grid", "Qatra Sense", "Recyclik"):
        startup = startup_create(name=name)
        made[name] = submit(challenge, startup, startup.members.get().user, title=f"Projet {name}").submission
    return made


def test_the_entries_list_filters_and_exports(organiser, entries, challenge):
    services.status_set(
        submission=entries["Recyclik"], actor=None, status=SubmissionStatus.NOT_ELIGIBLE, reason="Hors délai."
    )
    listing = organiser.get("/admin/startups/entries/?status=not_eligible").content.decode()
    assert "Recyclik" in listing and "Nour Grid" not in listing
    export = organiser.get(f"/admin/startups/entries/?export=csv&challenge={challenge.pk}")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    recyclik = next(row for row in rows if row["Startup"] == "Recyclik")
    # The organiser's admin is in French.
    assert recyclik["Statut"] == "Non éligible"
    assert recyclik["Motif"] == "Hors délai."
    assert "@startup" in recyclik["E-mails de l’équipe"]


def test_an_organiser_screens_an_entry_with_a_reason_and_adds_a_note(
    organiser, entries, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    entry = entries["Nour Grid"]
    page = organiser.get(f"/admin/startups/entries/inspect/{entry.pk}/").content.decode()
    assert "Projet Nour Grid" in page and f"/admin/startups/entries/{entry.pk}/deck/" in page
    deck = organiser.get(f"/admin/startups/entries/{entry.pk}/deck/")
    assert deck.status_code == 200 and b"".join(deck.streaming_content).startswith(b"%PDF-")

    organiser.post(f"/admin/startups/entries/{entry.pk}/decide/", {"status": "not_eligible", "reason": ""})
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.SUBMITTED  # refused: no reason

    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(f"/admin/startups/entries/{entry.pk}/decide/", {"status": "eligible", "reason": ""})
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.ELIGIBLE
    assert mailoutbox[-1].to == [entry.startup.members.get().user.email]

    organiser.post(f"/admin/startups/entries/{entry.pk}/note/", {"text": "Pilote à suivre avec Lydec."})
    page = organiser.get(f"/admin/startups/entries/inspect/{entry.pk}/").content.decode()
    assert "Pilote à suivre avec Lydec." in page and "orga@example.org" in page


def test_startups_never_see_organisers_notes(entries, challenge):
    entry = entries["Qatra Sense"]
    services.note_add(submission=entry, actor=None, text="Note interne confidentielle")
    client = Client()
    client.force_login(entry.startup.members.get().user)
    for url in ("/fr/startup/", f"/fr/startup/entry/{challenge.pk}/"):
        assert "Note interne confidentielle" not in client.get(url).content.decode()


def test_people_without_the_permission_are_kept_out(entries):
    entry = entries["Nour Grid"]
    client = Client()
    client.force_login(user_create(email="staff@example.org", is_staff=True))
    for url in (
        "/admin/startups/entries/",
        f"/admin/startups/entries/inspect/{entry.pk}/",
        f"/admin/startups/entries/{entry.pk}/deck/",
    ):
        assert client.get(url).status_code in (302, 403)
    response = client.post(f"/admin/startups/entries/{entry.pk}/decide/", {"status": "eligible"})
    assert response.status_code in (302, 403)
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.SUBMITTED


def test_the_organiser_reminds_drafts_from_the_admin(
    organiser, challenge, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    startup = startup_create(name="Brouillon SARL")
    services.entry_save(
        challenge=challenge, startup=startup, user=startup.members.get().user, data={"title": "B"}
    )
    listing = organiser.get("/admin/startups/reminders/").content.decode()
    assert str(challenge.title) in listing and "<td>1</td>" in listing  # one draft, none reminded yet
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post("/admin/startups/reminders/", {"challenge": challenge.pk})
    assert len(mailoutbox) == 1


def test_the_challenge_and_startup_admin_pages_open(organiser, challenge, entries):
    assert organiser.get(f"/admin/startups/challenges/edit/{challenge.pk}/").status_code == 200
    assert organiser.get("/admin/startups/challenges/").status_code == 200
    assert "Nour Grid" in organiser.get("/admin/startups/startups/").content.decode()


@pytest.fixture
def challenge_pages(site_tree):
    return challenge_pages_create(site_tree)


def test_the_challenge_page_presents_the_call_in_three_languages(challenge_pages, challenge):
    client = Client()
    expected = {
        "fr": ("Mobilité", "Date limite de dépôt"),
        "ar": ("التنقل", "تحدي"),
        "en": ("Mobility", "Startup challenge"),
    }
    for code, (theme, text) in expected.items():
        html = client.get(challenge_pages[code].url).content.decode()
        assert theme in html and text in html, code
        assert f"/{code}/startup/" in html


def test_finalists_and_winners_appear_only_once_published(challenge_pages, challenge, entries):
    organiser = user_create(is_staff=True)
    winner = entries["Nour Grid"]
    for status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.FINALIST):
        services.status_set(submission=winner, actor=organiser, status=status)
    services.status_set(submission=winner, actor=organiser, status=SubmissionStatus.WINNER, prize_rank=1)
    url = challenge_pages["en"].url
    client = Client()
    assert "Nour Grid" not in client.get(url).content.decode()

    challenge.finalists_published = True
    challenge.save()
    html = client.get(url).content.decode()
    assert "Finalists" in html and "Nour Grid" in html and "Winners" not in html
    assert "Qatra Sense" not in html

    challenge.winners_published = True
    challenge.save()
    html = client.get(url).content.decode()
    assert "Winners" in html and "First prize" in html


def test_the_organisers_pages_make_the_same_queries_for_3_or_12_entries(organiser, challenge, entries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = []
        for url in (
            "/admin/startups/entries/",
            f"/admin/startups/entries/?export=csv&challenge={challenge.pk}",
        ):
            response = organiser.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            with CaptureQueriesContext(connection) as queries:
                response = organiser.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
            result.append(len(queries))
        return result

    few = counts()
    for number in range(9):
        startup = startup_create(name=f"Plus {number}")
        submit(challenge, startup, startup.members.get().user)
    assert counts() == few
