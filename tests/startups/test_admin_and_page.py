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
def entries(challenge):
    made = {}
    for name in ("Nour Grid", "Qatra Sense", "Recyclik"):
        startup = startup_create(name=name)
        made[name] = submit(challenge, startup, startup.members.get().user, title=f"Projet {name}").submission
    return made


def test_the_entries_list_filters_and_exports(organiser_client, entries, challenge):
    services.status_set(
        submission=entries["Recyclik"], actor=None, status=SubmissionStatus.NOT_ELIGIBLE, reason="Hors délai."
    )
    listing = organiser_client.get("/admin/startups/entries/?status=not_eligible").content.decode()
    assert "Recyclik" in listing and "Nour Grid" not in listing
    export = organiser_client.get(f"/admin/startups/entries/?export=csv&challenge={challenge.pk}")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    recyclik = next(row for row in rows if row["Startup"] == "Recyclik")
    # The organiser's admin is in French.
    assert recyclik["Statut"] == "Non éligible"
    assert recyclik["Motif"] == "Hors délai."
    assert "@startup" in recyclik["E-mails de l’équipe"]


def test_an_organiser_screens_an_entry_with_a_reason_and_adds_a_note(
    organiser_client, entries, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    entry = entries["Nour Grid"]
    page = organiser_client.get(f"/admin/startups/entries/inspect/{entry.pk}/").content.decode()
    assert "Projet Nour Grid" in page and f"/admin/startups/entries/{entry.pk}/deck/" in page
    deck = organiser_client.get(f"/admin/startups/entries/{entry.pk}/deck/")
    assert deck.status_code == 200 and b"".join(deck.streaming_content).startswith(b"%PDF-")

    organiser_client.post(
        f"/admin/startups/entries/{entry.pk}/decide/", {"status": "not_eligible", "reason": ""}
    )
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.SUBMITTED  # refused: no reason

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            f"/admin/startups/entries/{entry.pk}/decide/", {"status": "eligible", "reason": ""}
        )
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.ELIGIBLE
    assert mailoutbox[-1].to == [entry.startup.members.get().user.email]

    organiser_client.post(
        f"/admin/startups/entries/{entry.pk}/note/", {"text": "Pilote à suivre avec Lydec."}
    )
    page = organiser_client.get(f"/admin/startups/entries/inspect/{entry.pk}/").content.decode()
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
    organiser_client, challenge, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    startup = startup_create(name="Brouillon SARL")
    services.entry_save(
        challenge=challenge, startup=startup, user=startup.members.get().user, data={"title": "B"}
    )
    listing = organiser_client.get("/admin/startups/reminders/").content.decode()
    assert str(challenge.title) in listing and "<td>1</td>" in listing  # one draft, none reminded yet
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post("/admin/startups/reminders/", {"challenge": challenge.pk})
    assert len(mailoutbox) == 1


def test_the_challenge_and_startup_admin_pages_open(organiser_client, challenge, entries):
    assert organiser_client.get(f"/admin/startups/challenges/edit/{challenge.pk}/").status_code == 200
    assert organiser_client.get("/admin/startups/challenges/").status_code == 200
    assert "Nour Grid" in organiser_client.get("/admin/startups/startups/").content.decode()


@pytest.fixture
def challenge_pages(site_tree):
    return challenge_pages_create(site_tree)


def test_the_challenge_page_presents_the_call_in_three_languages(challenge_pages, challenge):
    client = Client()
    expected = {
        "fr": ("Mobilité", "La ville cherche des solutions.", "Date limite de dépôt", "30\xa0000 MAD"),
        "ar": ("التنقل", "المدينة تبحث عن حلول.", "آخر أجل", "30000 درهم"),
        "en": ("Mobility", "The city looks for solutions.", "Submission deadline", "30,000 MAD"),
    }
    for code, texts in expected.items():
        html = client.get(challenge_pages[code].url).content.decode()
        for text in texts:
            assert text in html, (code, text)
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

    services.results_publish(challenge=challenge, finalists=True, actor=organiser)
    html = client.get(url).content.decode()
    assert "Finalists" in html and "Nour Grid" in html and "Winners" not in html
    assert "Qatra Sense" not in html

    services.results_publish(challenge=challenge, winners=True, actor=organiser)
    html = client.get(url).content.decode()
    assert "Winners" in html and "First prize" in html


def test_the_organisers_pages_make_the_same_queries_for_3_or_12_entries(organiser_client, challenge, entries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = []
        for url in (
            "/admin/startups/entries/",
            f"/admin/startups/entries/?export=csv&challenge={challenge.pk}",
        ):
            response = organiser_client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
            with CaptureQueriesContext(connection) as queries:
                response = organiser_client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
            result.append(len(queries))
        return result

    few = counts()
    for number in range(9):
        startup = startup_create(name=f"Plus {number}")
        submit(challenge, startup, startup.members.get().user)
    assert counts() == few


def test_csv_cells_that_look_like_formulas_are_written_as_text(organiser_client, challenge, db):
    startup = startup_create(name='=HYPERLINK("http://evil.example","clic")')
    submit(challenge, startup, startup.members.get().user, title="+33 le projet", problem="-2+3")
    export = organiser_client.get(f"/admin/startups/entries/?export=csv&challenge={challenge.pk}")
    [row] = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert row["Startup"].startswith("'=HYPERLINK")
    assert row["Titre du projet"] == "'+33 le projet"
    startups_csv = organiser_client.get("/admin/startups/startups/?export=csv")
    assert "'=HYPERLINK" in b"".join(startups_csv.streaming_content).decode("utf-8-sig")


def test_the_deck_is_shown_inside_the_entrys_page(organiser_client, entries):
    entry = entries["Recyclik"]
    response = organiser_client.get(f"/admin/startups/entries/{entry.pk}/deck/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert (
        f'data="/admin/startups/entries/{entry.pk}/deck/"'
        in organiser_client.get(f"/admin/startups/entries/inspect/{entry.pk}/").content.decode()
    )


def challenge_form_data(form) -> dict:
    """What the admin's browser would post back for an unchanged challenge form."""

    def posted(value):
        return value.strftime("%Y-%m-%d %H:%M") if hasattr(value, "strftime") else value

    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None and value is not False:
            data[name] = posted(value)
    for prefix, inlines in form.formsets.items():
        data.update({f"{prefix}-{key}": value for key, value in inlines.management_form.initial.items()})
        for index, inline in enumerate(inlines.forms):
            for name in inline.fields:
                value = inline[name].value()
                if value is not None and value is not False:
                    data[f"{prefix}-{index}-{name}"] = posted(value)
    return data


def challenge_form_class():
    from startups.models import Challenge
    from startups.wagtail_hooks import ChallengeViewSet

    return ChallengeViewSet.edit_handler.bind_to_model(Challenge).get_form_class()  # the admin's form


def test_the_timeline_is_typed_in_the_editions_time_zone(challenge):
    import datetime

    from django.utils import timezone

    from startups.admin_forms import ChallengeAdminForm

    edition = challenge.edition
    edition.time_zone = "Asia/Dubai"  # UTC+4, while the organiser works on Casablanca time
    edition.save()
    FormClass = challenge_form_class()
    assert issubclass(FormClass, ChallengeAdminForm)
    form = FormClass(instance=challenge)
    assert form["submission_deadline"].value() == timezone.make_naive(
        challenge.submission_deadline, edition.tz
    ).replace(microsecond=0)
    data = challenge_form_data(form) | {
        "opens_at": "2029-12-01 09:00",
        "submission_deadline": "2030-01-10 18:00",
        "shortlist_at": "2030-01-20 09:00",
        "final_pitch_at": "2030-02-01 16:00",
    }
    bound = FormClass(data=data, instance=challenge)
    assert bound.is_valid(), (bound.errors, {k: f.errors for k, f in bound.formsets.items()})
    saved = bound.save()
    assert saved.submission_deadline == datetime.datetime(2030, 1, 10, 14, 0, tzinfo=datetime.UTC)


def test_a_theme_chosen_by_entries_cannot_be_removed_and_a_challenge_with_entries_is_kept(
    organiser_client, challenge, entries
):
    from startups.models import Challenge, ChallengeTheme

    theme = challenge.themes.get(slug="mobilite")
    assert theme.submissions.exists()
    FormClass = challenge_form_class()
    form = FormClass(instance=challenge)
    data = challenge_form_data(form)
    index = next(
        i for i, inline in enumerate(form.formsets["themes"].forms) if inline.instance.pk == theme.pk
    )
    data[f"themes-{index}-DELETE"] = "on"
    bound = FormClass(data=data, instance=challenge)
    assert not bound.is_valid()
    assert "cannot be removed" in str(bound.non_field_errors())
    assert ChallengeTheme.objects.filter(pk=theme.pk).exists()
    del data[f"themes-{index}-DELETE"]
    assert FormClass(data=data, instance=challenge).is_valid()  # the same form without the removal

    response = organiser_client.post(f"/admin/startups/challenges/delete/{challenge.pk}/")
    assert response.status_code == 302
    assert Challenge.objects.filter(pk=challenge.pk).exists()
    startup = entries["Recyclik"].startup
    organiser_client.post(f"/admin/startups/startups/delete/{startup.pk}/")
    assert type(startup).objects.filter(pk=startup.pk).exists()


def test_a_finalist_stays_listed_and_a_winner_can_be_taken_back(challenge_pages, challenge, entries):
    organiser = user_create(is_staff=True)
    finalist, winner = entries["Qatra Sense"], entries["Nour Grid"]
    for entry in (finalist, winner):
        for status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.FINALIST):
            services.status_set(submission=entry, actor=organiser, status=status)
    services.status_set(submission=winner, actor=organiser, status=SubmissionStatus.WINNER, prize_rank=2)
    services.status_set(submission=finalist, actor=organiser, status=SubmissionStatus.NOT_SELECTED)
    services.results_publish(challenge=challenge, finalists=True, actor=organiser)
    html = Client().get(challenge_pages["en"].url).content.decode()
    assert "Qatra Sense" in html and "Nour Grid" in html

    services.status_set(submission=winner, actor=organiser, status=SubmissionStatus.FINALIST)
    winner.refresh_from_db()
    assert (winner.status, winner.prize_rank) == (SubmissionStatus.FINALIST, None)


def test_a_deck_is_served_sandboxed_whoever_opens_it(organiser_client, entries):
    """A PDF a startup uploaded cannot act as a page of the site, even with JavaScript inside."""
    entry = next(iter(entries.values()))

    response = organiser_client.get(f"/admin/startups/entries/{entry.pk}/deck/")

    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
