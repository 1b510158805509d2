"""Results reach the challenge page only through `results_publish`: it sets the flags, writes a
line in each public entry's log, refreshes the cached pages and tells the winners by e-mail.
The admin shows the flags read only and publishes from its own page."""

import pytest
from django.test import Client

from core.cache import content_version
from startups import services
from startups.models import Challenge, SubmissionStatus
from tests.factories import user_create
from tests.startups.factories import startup_create
from tests.startups.test_entries import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(db):
    return user_create(email="jury-secretariat@example.org", is_staff=True)


@pytest.fixture
def finalists(challenge, organiser):
    """Two finalists, and an eligible entry that is not one."""
    made = []
    for name in ("Nour Grid", "Qatra Sense", "Recyclik"):
        startup = startup_create(name=name)
        made.append(submit(challenge, startup, startup.members.get().user, title=f"Projet {name}").submission)
    for entry in made[:2]:
        for status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.FINALIST):
            services.status_set(submission=entry, actor=organiser, status=status)
    services.status_set(submission=made[2], actor=organiser, status=SubmissionStatus.ELIGIBLE)
    return made


def published_notes(entry) -> list[str]:
    return list(entry.log.filter(action="published").values_list("note", flat=True))


def test_publishing_the_finalists_logs_them_refreshes_the_pages_and_emails_no_one(
    challenge, finalists, organiser, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        services.results_publish(challenge=challenge, finalists=True, actor=organiser)
    challenge.refresh_from_db()
    assert (challenge.finalists_published, challenge.winners_published) == (True, False)
    assert content_version() != version
    assert mailoutbox == []
    assert [published_notes(entry) for entry in finalists] == [["Finalists published."]] * 2 + [[]]
    assert finalists[0].log.filter(action="published").get().actor == organiser

    with django_capture_on_commit_callbacks(execute=True):  # again: nothing new to log
        services.results_publish(challenge=challenge, finalists=True, actor=organiser)
    assert [len(published_notes(entry)) for entry in finalists] == [1, 1, 0]


def test_publishing_the_winners_publishes_the_finalists_too_and_tells_the_winners(
    challenge, finalists, organiser, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    winner = finalists[0]
    services.status_set(submission=winner, actor=organiser, status=SubmissionStatus.WINNER, prize_rank=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.results_publish(challenge=challenge, winners=True, actor=organiser)
    challenge.refresh_from_db()
    assert (challenge.finalists_published, challenge.winners_published) == (True, True)
    assert [mail.to for mail in mailoutbox] == [[winner.startup.members.get().user.email]]
    assert "Projet Nour Grid" in mailoutbox[0].subject
    assert published_notes(winner) == ["Finalists published.", "Winners published."]
    assert published_notes(finalists[1]) == ["Finalists published."]


def test_publishing_nothing_changes_nothing(challenge, finalists, organiser):
    services.results_publish(challenge=challenge, actor=organiser)
    challenge.refresh_from_db()
    assert (challenge.finalists_published, challenge.winners_published) == (False, False)
    assert [published_notes(entry) for entry in finalists] == [[], [], []]


def test_the_admin_shows_the_flags_read_only_and_publishes_from_its_own_page(
    organiser_client, challenge, finalists
):
    url = f"/admin/startups/challenges/publish/{challenge.pk}/"
    edit = organiser_client.get(f"/admin/startups/challenges/edit/{challenge.pk}/").content.decode()
    assert url in edit
    assert 'name="finalists_published"' not in edit and 'name="winners_published"' not in edit
    page = organiser_client.get(url).content.decode()
    assert "Nour Grid" in page and "Qatra Sense" in page and "Recyclik" not in page

    assert organiser_client.post(url, {"publish": "finalists"}).status_code == 302
    challenge.refresh_from_db()
    assert (challenge.finalists_published, challenge.winners_published) == (True, False)
    organiser_client.post(url, {"publish": "everything"})  # not a choice
    assert not Challenge.objects.get(pk=challenge.pk).winners_published


def test_staff_without_the_permission_do_not_publish(challenge, finalists):
    client = Client()
    client.force_login(user_create(email="staff@example.org", is_staff=True))
    url = f"/admin/startups/challenges/publish/{challenge.pk}/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"publish": "finalists"}).status_code in (302, 403)
    assert not Challenge.objects.get(pk=challenge.pk).finalists_published
