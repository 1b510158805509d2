"""Organisers print badges in batches: filters, a background task with progress, one PDF of A4 sheets.

The organiser reads the admin in English (their Wagtail profile says so), and
the services' messages are read in English too.
"""

import subprocess

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from events.attendance import badge_batches
from events.attendance.badge_batches import BadgeBatchError, batch_create, batch_render
from events.models import BadgeBatch, BadgeBatchStatus, Registration
from events.registration import services as ops
from tests.factories import (
    attendee,
    edition_create,
    registration_confirmed,
    ticket_type_create,
    user_create,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BADGES = "/admin/badges/"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _english(_default_language):
    """The services' messages are read in English here, whatever translations exist."""
    translation.activate("en")


def pdf_info(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "batch.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def staff_with(*codenames):
    user = in_english(user_create(is_staff=True))
    group = Group.objects.create(name=f"group-{user.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


def refused(response):
    """Wagtail turns a PermissionDenied into a redirect to the admin home, with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def organiser(db):
    return in_english(user_create(email="organiser@example.org", is_staff=True, is_superuser=True))


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def tickets(edition):
    return {
        "pass": ticket_type_create(edition, price=0, name_fr="Pass gratuit"),
        "speaker": ticket_type_create(edition, price=0, name_fr="Intervenant", role="speaker"),
        "online": ticket_type_create(edition, price=0, name_fr="En ligne", mode="online"),
        "paid": ticket_type_create(edition, price=150000, name_fr="Pass payant"),
    }


@pytest.fixture
def people(edition, tickets):
    """Three attendees and two speakers get a printed badge; the others do not."""
    badged = {
        "attendees": [
            registration_confirmed(edition, ticket_type=tickets["pass"], first_name=f"Attendee{n}")
            for n in range(3)
        ],
        "speakers": [
            registration_confirmed(edition, ticket_type=tickets["speaker"], first_name=f"Speaker{n}")
            for n in range(2)
        ],
    }
    online = registration_confirmed(edition, ticket_type=tickets["online"], first_name="Online")
    cancelled = registration_confirmed(edition, ticket_type=tickets["pass"], first_name="Cancelled")
    ops.registration_cancel(registration=cancelled, actor=cancelled.user)
    awaiting = ops.registration_start(
        user=user_create(), ticket_type=tickets["paid"], attendee=attendee(), bank_transfer=True
    )
    elsewhere = registration_confirmed(edition_create(is_current=False), first_name="Elsewhere")
    return {**badged, "not_badged": [online, cancelled, awaiting, elsewhere]}


def in_person(people):
    return people["attendees"] + people["speakers"]


# The service ----------------------------------------------------------------------------


def test_the_total_counts_confirmed_in_person_badges_of_the_edition_for_each_filter(
    edition, tickets, people, organiser
):
    def total(**filters):
        return batch_create(edition, actor=organiser, **filters).total

    assert total() == 5
    assert total(ticket_types=[tickets["speaker"]]) == 2
    assert total(ticket_types=[tickets["pass"].pk, tickets["speaker"].pk]) == 5
    assert total(roles=["speaker"]) == 2
    assert total(roles=["attendee", "speaker"]) == 5
    assert total(ticket_types=[tickets["pass"]], roles=["attendee"]) == 3

    batch = batch_create(edition, ticket_types=[tickets["speaker"]], roles=["speaker"], actor=organiser)
    batch.refresh_from_db()
    assert batch.filters == {
        "ticket_types": [tickets["speaker"].pk],
        "roles": ["speaker"],
        "only_not_printed": True,
    }
    assert batch.status == BadgeBatchStatus.QUEUED and batch.done == 0
    assert batch.created_by == organiser


def test_filters_that_match_nothing_or_mix_editions_are_refused(edition, tickets, people, organiser):
    other = ticket_type_create(edition_create(is_current=False), price=0)

    with pytest.raises(BadgeBatchError, match="No badge matches"):
        batch_create(edition, roles=["press"], actor=organiser)
    with pytest.raises(BadgeBatchError, match="edition"):
        batch_create(edition, ticket_types=[other], actor=organiser)
    with pytest.raises(BadgeBatchError, match="Unknown role"):
        batch_create(edition, roles=["mascot"], actor=organiser)
    with pytest.raises(BadgeBatchError, match="No badge matches"):
        batch_create(edition, ticket_types=[tickets["online"]], actor=organiser)  # online: no badge
    assert not BadgeBatch.objects.exists()


def test_rendering_makes_a4_sheets_of_four_saves_progress_and_marks_badges_printed(
    edition, tickets, people, organiser, monkeypatch, tmp_path, settings
):
    batch = batch_create(edition, actor=organiser)
    seen = []
    progress = badge_batches._progress

    def spy(batch, **fields):
        progress(batch, **fields)
        seen.append(BadgeBatch.objects.values_list("status", "done", "total").get(pk=batch.pk))

    monkeypatch.setattr(badge_batches, "_progress", spy)

    rendered = batch_render(batch.pk, chunk_size=4)

    # Progress is in the database after each chunk, for another request to read.
    assert seen == [("rendering", 0, 5), ("rendering", 4, 5), ("rendering", 5, 5)]
    batch.refresh_from_db()
    assert rendered.pk == batch.pk
    assert batch.status == BadgeBatchStatus.DONE
    assert (batch.done, batch.total) == (5, 5)
    assert batch.finished_at and not batch.error
    assert batch.file.name.startswith(f"badges/{edition.slug}-batch-{batch.pk}-")
    assert batch.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))  # never under the public MEDIA_ROOT
    info = pdf_info(batch.file.read(), tmp_path)
    assert "Pages:           2" in info  # 4 + 1 badges
    assert "(A4)" in info

    printed = Registration.objects.filter(badge_printed_at__isnull=False)
    assert set(printed) == set(in_person(people))

    # The "not printed yet" filter now leaves them out; a new registration is the only one left.
    with pytest.raises(BadgeBatchError, match="No badge matches"):
        batch_create(edition, only_not_printed=True, actor=organiser)
    assert batch_create(edition, only_not_printed=False, actor=organiser).total == 5
    latecomer = registration_confirmed(edition, ticket_type=tickets["pass"], first_name="Late")
    again = batch_create(edition, only_not_printed=True, actor=organiser)
    assert again.total == 1
    batch_render(again.pk)
    again.refresh_from_db()
    assert "Pages:           1" in pdf_info(again.file.read(), tmp_path)
    latecomer.refresh_from_db()
    assert latecomer.badge_printed_at is not None


def test_a_batch_is_built_once_even_if_its_task_runs_twice(edition, people, organiser):
    batch = batch_create(edition, actor=organiser)

    assert batch_render(batch.pk) is not None
    assert batch_render(batch.pk) is None
    assert batch_render(0) is None


def test_a_failure_marks_the_batch_failed_and_prints_nothing(edition, people, organiser, monkeypatch):
    batch = batch_create(edition, actor=organiser)

    def broken(*args, **kwargs):
        raise RuntimeError("the badge template is broken")

    monkeypatch.setattr(badge_batches, "badges_html", broken)
    batch_render(batch.pk)

    batch.refresh_from_db()
    assert batch.status == BadgeBatchStatus.FAILED
    assert "the badge template is broken" in batch.error
    assert batch.finished_at is not None
    assert not batch.file
    assert not Registration.objects.filter(badge_printed_at__isnull=False).exists()


def test_a_batch_whose_badges_are_gone_by_the_time_it_runs_fails(edition, tickets, people, organiser):
    batch = batch_create(edition, ticket_types=[tickets["speaker"]], actor=organiser)
    for speaker in people["speakers"]:
        ops.registration_cancel(registration=speaker, actor=speaker.user)

    batch_render(batch.pk)

    batch.refresh_from_db()
    assert batch.status == BadgeBatchStatus.FAILED
    assert batch.error == "No badge matches these filters any more."


# The admin ------------------------------------------------------------------------------


def test_the_form_shows_how_many_badges_match(organiser_client, edition, tickets, people):
    page = organiser_client.get(BADGES)
    assert page.status_code == 200
    content = page.content.decode()
    assert "5 badges match these filters." in content  # the current edition, not printed yet
    assert "js/badge_batch.js" in content
    assert f'data-edition="{edition.pk}"' in content  # ticket types say their edition, for the script
    assert "En ligne" not in content  # online tickets get no badge

    response = organiser_client.get(
        f"{BADGES}count/", {"edition": edition.pk, "roles": "speaker", "only_not_printed": "on"}
    )
    assert response.json() == {"count": 2, "text": "2 badges match these filters."}
    response = organiser_client.get(f"{BADGES}count/", {"edition": edition.pk, "roles": "press"})
    assert response.json() == {"count": 0, "text": "No badge matches these filters."}

    # Without the script: the "Count" button posts the form and nothing is created.
    counted = organiser_client.post(
        BADGES, {"edition": edition.pk, "ticket_types": [tickets["pass"].pk], "action": "count"}
    )
    assert counted.status_code == 200
    assert "3 badges match these filters." in counted.content.decode()
    assert not BadgeBatch.objects.exists()


def test_the_form_creates_a_batch_and_enqueues_its_task(
    organiser_client, organiser, edition, tickets, people, django_capture_on_commit_callbacks
):
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            BADGES,
            {"edition": edition.pk, "roles": ["speaker"], "only_not_printed": "on", "action": "create"},
        )

    batch = BadgeBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{BADGES}{batch.pk}/"
    assert (batch.total, batch.created_by, batch.filters["roles"]) == (2, organiser, ["speaker"])
    [task] = DBTaskResult.objects.filter(task_path="events.attendance.tasks.badge_batch_render")
    assert task.args_kwargs["args"] == [batch.pk]

    # The worker has not started yet: the page shows an empty bar and polls the status.
    page = organiser_client.get(response["Location"])
    content = page.content.decode()
    assert '<progress id="badge-batch-progress" max="2" value="0"' in content
    assert "0 / 2" in content
    assert "Waiting for the background worker to start" in content
    assert f'data-status-url="{BADGES}{batch.pk}/status/"' in content
    assert f'href="{BADGES}{batch.pk}/download/"' not in content


def test_progress_is_read_as_json(organiser_client, edition, people, organiser):
    batch = batch_create(edition, actor=organiser)
    BadgeBatch.objects.filter(pk=batch.pk).update(status=BadgeBatchStatus.RENDERING, done=4)

    state = organiser_client.get(f"{BADGES}{batch.pk}/status/").json()

    assert state == {
        "status": "rendering",
        "status_label": "Being built",
        "finished": False,
        "done": 4,
        "total": 5,
        "progress": "4 / 5",
        "message": "Laying out the badges…",
        "download_url": "",
    }
    assert organiser_client.get(f"{BADGES}{batch.pk}/download/").status_code == 404


def test_a_batch_built_in_the_background_is_downloaded(
    organiser_client, edition, tickets, people, immediate_tasks, django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            BADGES, {"edition": edition.pk, "only_not_printed": "on", "action": "create"}
        )
    batch = BadgeBatch.objects.get()

    state = organiser_client.get(f"{BADGES}{batch.pk}/status/").json()
    assert state["status"] == "done" and state["finished"]
    assert (state["done"], state["total"], state["progress"]) == (5, 5, "5 / 5")
    assert state["download_url"] == f"{BADGES}{batch.pk}/download/"
    page = organiser_client.get(response["Location"]).content.decode()
    assert '<progress id="badge-batch-progress" max="5" value="5"' in page
    assert f'href="{BADGES}{batch.pk}/download/"' in page
    assert "The PDF of 5 badges is ready" in page

    download = organiser_client.get(state["download_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == f'attachment; filename="badges-{edition.slug}-{batch.pk}.pdf"'
    assert "no-store" in download["Cache-Control"]
    pdf = b"".join(download.streaming_content)
    assert pdf.startswith(b"%PDF")
    assert "Pages:           2" in pdf_info(pdf, tmp_path)

    # The list of batches links to it; the form now finds nothing left to print.
    index = organiser_client.get(BADGES).content.decode()
    assert f'href="{BADGES}{batch.pk}/"' in index and f'href="{BADGES}{batch.pk}/download/"' in index
    assert "No badge matches these filters." in index


def test_the_form_refuses_ticket_types_of_another_edition_and_empty_batches(
    organiser_client, edition, tickets, people
):
    other = ticket_type_create(edition_create(is_current=False), price=0, name_fr="Autre")

    mixed = organiser_client.post(
        BADGES, {"edition": edition.pk, "ticket_types": [other.pk], "action": "create"}
    )
    assert mixed.status_code == 200
    assert "Choose ticket types of the edition chosen above." in mixed.content.decode()

    empty = organiser_client.post(BADGES, {"edition": edition.pk, "roles": ["press"], "action": "create"})
    assert empty.status_code == 200
    assert "No badge matches these filters." in empty.content.decode()
    assert not BadgeBatch.objects.exists()


def test_only_organisers_who_manage_registrations_print_badges(client, edition, people, organiser):
    batch = batch_create(edition, actor=organiser)
    batch_render(batch.pk)
    urls = [
        BADGES,
        f"{BADGES}count/?edition={edition.pk}",
        f"{BADGES}{batch.pk}/",
        f"{BADGES}{batch.pk}/status/",
        f"{BADGES}{batch.pk}/download/",
    ]

    for url in urls:  # anonymous: to the login page
        assert client.get(url).status_code == 302, url
    for user in [staff_with(), staff_with("view_registration")]:
        client.force_login(user)
        for url in urls:
            assert refused(client.get(url)), url
        assert refused(client.post(BADGES, {"edition": edition.pk, "action": "create"}))
        assert f'"url": "{BADGES}"' not in client.get("/admin/").content.decode()  # no menu item
    assert BadgeBatch.objects.count() == 1

    client.force_login(staff_with("change_registration"))
    assert f'"url": "{BADGES}"' in client.get("/admin/").content.decode()
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_a_failed_or_stuck_batch_is_built_again_with_the_same_choice(
    organiser_client, edition, people, organiser, monkeypatch
):
    import datetime

    from django.utils import timezone

    failed = batch_create(edition, roles=["attendee"], actor=organiser)
    monkeypatch.setattr(badge_batches, "badges_html", lambda *a, **k: 1 / 0)
    batch_render(failed.pk)
    stuck = batch_create(edition, actor=organiser)  # its worker never ran
    BadgeBatch.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    running = batch_create(edition, actor=organiser)

    response = organiser_client.post(f"/admin/badges/{failed.pk}/retry/")
    organiser_client.post(f"/admin/badges/{stuck.pk}/retry/")
    organiser_client.post(f"/admin/badges/{running.pk}/retry/")  # too early: refused

    fresh = BadgeBatch.objects.latest("pk")
    assert response["Location"] == f"/admin/badges/{fresh.pk - 1}/"
    assert BadgeBatch.objects.count() == 5
    assert BadgeBatch.objects.get(pk=fresh.pk - 1).filters == failed.filters
    stuck.refresh_from_db()
    assert stuck.status == BadgeBatchStatus.FAILED
