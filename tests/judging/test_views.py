"""The juror area: only assigned, unconflicted entries; blind rounds hide identity; the chair decides."""

import pytest
from django.test import Client
from django.utils import timezone, translation

from judging import services
from judging.models import Assignment, Round
from judging.results import results_compute
from startups.services import results_publish
from tests.judging.factories import challenge_with_jury, round_create
from tests.judging.test_services import scores_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def jury(edition):
    challenge, entries, jurors = challenge_with_jury(edition, entries=6, jurors=4)
    round_ = round_create(challenge, min_reviews=2, blind=True)
    services.assignments_generate(round_, actor=None)
    return challenge, entries, jurors, round_


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_juror_never_reaches_an_unassigned_or_conflicted_entry(jury):
    _challenge, entries, jurors, _round = jury
    juror = jurors[0]
    client = client_for(juror.user)
    home = client.get("/en/jury/").content.decode()
    mine = Assignment.objects.filter(juror=juror)
    for assignment in mine:
        assert f"/en/jury/entry/{assignment.pk}/" in home
    for other in Assignment.objects.exclude(juror=juror):
        assert client.get(f"/en/jury/entry/{other.pk}/").status_code == 404
        assert client.get(f"/en/jury/entry/{other.pk}/deck/").status_code == 404
    assignment = mine.first()
    client.post(f"/en/jury/entry/{assignment.pk}/", {"action": "conflict", "reason": "Ancien employeur"})
    assert client.get(f"/en/jury/entry/{assignment.pk}/").status_code == 404
    assert (
        client_for(entries[0].startup.members.get().user).get("/en/jury/").status_code == 200
    )  # nothing there


def test_a_blind_entry_never_shows_who_the_startup_is(jury):
    _challenge, _entries, jurors, round_ = jury
    assignment = Assignment.objects.filter(juror=jurors[0]).select_related("submission__startup").first()
    startup = assignment.submission.startup
    type(assignment.submission).objects.filter(pk=assignment.submission_id).update(
        team="Fondée par Amine Berrada et Sara Tazi", video_url="https://vimeo.com/76979871"
    )
    client = client_for(jurors[0].user)
    page = client.get(f"/en/jury/entry/{assignment.pk}/").content.decode()
    assert "First, a conflict check" in page and startup.name not in page
    client.post(f"/en/jury/entry/{assignment.pk}/", {"action": "no_conflict"})
    page = client.get(f"/en/jury/entry/{assignment.pk}/").content.decode()
    home = client.get("/en/jury/").content.decode()
    # The title too: the same title stands beside the startup's name in a round that is not blind.
    secrets = (startup.name, "Amine Berrada", "vimeo.com", startup.members.get().user.email)
    for secret in (*secrets, assignment.submission.title):
        assert secret not in page and secret not in home
    Round.objects.filter(pk=round_.pk).update(blind=False)
    page = client.get(f"/en/jury/entry/{assignment.pk}/").content.decode()
    assert startup.name in page and "Amine Berrada" in page and assignment.submission.title in page


def test_the_scoring_form_saves_a_draft_submits_and_then_shows_the_others(jury):
    _challenge, entries, _jurors, round_ = jury
    entry = entries[0]
    first, second = Assignment.objects.filter(submission=entry)[:2]
    Assignment.objects.filter(pk__in=[first.pk, second.pk]).update(checked_at=timezone.now())
    services.review_save(
        assignment=first,
        user=first.juror.user,
        scores=scores_for(round_, 8, 7),
        comment="Très solide",
        submit=True,
    )
    client = client_for(second.juror.user)
    criteria = list(round_.criteria.all())
    url = f"/en/jury/entry/{second.pk}/"
    client.post(url, {"action": "save", f"score-{criteria[0].pk}": "6"})
    page = client.get(url).content.decode()
    assert 'value="6' in page and "Très solide" not in page
    response = client.post(url, {"action": "submit", f"score-{criteria[0].pk}": "6"})
    assert response.status_code == 200 and "Score every criterion to submit" in response.content.decode()
    client.post(url, {"action": "submit", f"score-{criteria[0].pk}": "6", f"score-{criteria[1].pk}": "5.5"})
    page = client.get(url).content.decode()
    assert "The other jurors" in page and "Très solide" in page


def test_only_the_chair_confirms_decisions(jury):
    _challenge, _entries, jurors, round_ = jury
    assert client_for(jurors[1].user).get(f"/en/jury/round/{round_.pk}/decisions/").status_code == 404
    page = client_for(jurors[0].user).get(f"/en/jury/round/{round_.pk}/decisions/").content.decode()
    assert "not computed this round" in page


def test_the_chair_confirms_finalists_from_the_page(jury):
    _challenge, entries, jurors, round_ = jury
    # Every juror on every entry: normalisation shifts them alike, so the raw order stands.
    Round.objects.filter(pk=round_.pk).update(min_reviews=len(jurors))
    services.assignments_generate(Round.objects.get(pk=round_.pk), actor=None)
    Assignment.objects.update(checked_at=timezone.now())
    ranks = {entry.pk: index for index, entry in enumerate(entries)}
    for assignment in Assignment.objects.select_related("juror"):
        value = 9 - ranks[assignment.submission_id]
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores_for(round_, value, value),
            submit=True,
        )
    services.round_close(round_=round_, actor=None)
    results_compute(round_=round_, actor=None)
    client = client_for(jurors[0].user)
    url = f"/en/jury/round/{round_.pk}/decisions/"
    client.post(url, {"kind": "finalists", f"place-{entries[1].pk}": "2", f"place-{entries[0].pk}": "1"})
    from startups.models import Submission

    assert list(Submission.objects.filter(status="finalist").order_by("pk").values_list("pk", flat=True)) == [
        entries[0].pk,
        entries[1].pk,
    ]


def test_the_pitch_session_lists_the_finalists_once_published(edition, programme_pages):
    from events.models import Session
    from tests.factories import session_create

    challenge, entries, _jurors = challenge_with_jury(edition, entries=3, jurors=2)
    session = session_create(
        edition, kind="pitch", title_fr="Pitchs des finalistes", title_en="Finalists' pitches"
    )
    round_create(challenge, kind="final", source="finalists", pitch_session=session)
    type(entries[0]).objects.filter(pk=entries[0].pk).update(status="finalist", finalist_at=timezone.now())
    url = programme_pages["programme"]["en"].url + f"session/{Session.objects.get(pk=session.pk).slug}/"
    client = Client()
    assert entries[0].startup.name not in client.get(url).content.decode()
    results_publish(challenge=challenge, finalists=True)
    html = client.get(url).content.decode()
    assert "The finalists who pitch" in html and entries[0].startup.name in html
    assert entries[1].startup.name not in html


def tied_round(edition):
    """Two entries, two jurors, a closed round computed: juror 0 prefers entry 0, juror 1 entry 1,
    by the same margin (a perfect tie)."""
    challenge, entries, jurors = challenge_with_jury(edition, entries=2, jurors=2)
    round_ = round_create(challenge, min_reviews=2, criteria=((1, True),))
    services.assignments_generate(round_, actor=None)
    Assignment.objects.update(checked_at=timezone.now())
    for assignment in Assignment.objects.select_related("juror"):
        value = (
            7 if (assignment.juror_id == jurors[0].pk) == (assignment.submission_id == entries[0].pk) else 5
        )
        services.review_save(
            assignment=assignment, user=assignment.juror.user, scores=scores_for(round_, value), submit=True
        )
    services.round_close(round_=round_, actor=None)
    results_compute(round_=round_, actor=None)
    return entries, jurors, round_


def test_the_chair_records_the_order_of_a_tie_nothing_else_breaks(edition):
    entries, jurors, round_ = tied_round(edition)
    client = client_for(jurors[0].user)
    url = f"/en/jury/round/{round_.pk}/decisions/"
    assert "Ties only you can break" in client.get(url).content.decode()
    client.post(url, {"action": "tie_order", f"tie-{entries[1].pk}": "1", f"tie-{entries[0].pk}": "2"})
    from judging.models import ResultSnapshot

    latest = ResultSnapshot.objects.filter(round=round_).first()
    assert latest.inputs["chair_order"] == [entries[1].pk, entries[0].pk]
    assert [(row["entry"], row["tie_break"]) for row in latest.results["ranking"]] == [
        (entries[1].pk, "chair"),
        (entries[0].pk, ""),
    ]
    assert client_for(jurors[1].user).post(url, {"action": "tie_order"}).status_code == 404


def test_the_chair_never_reads_the_name_of_an_entry_they_have_a_conflict_with(edition):
    """Not in the ranking, not in the tie form, not in an input's label."""
    from judging.models import Conflict

    entries, jurors, round_ = tied_round(edition)
    Conflict.objects.create(
        juror=jurors[0], submission=entries[0], source="declared", reason="Ancien employeur"
    )

    page = client_for(jurors[0].user).get(f"/en/jury/round/{round_.pk}/decisions/").content.decode()

    assert entries[1].startup.name in page  # the page does name the others
    assert entries[0].startup.name not in page
    assert "(you have a conflict with it)" in page


def test_the_deck_opens_inside_the_jurors_page_and_the_api_exposes_no_entry(jury):
    _challenge, _entries, jurors, _round = jury
    assignment = Assignment.objects.filter(juror=jurors[0]).first()
    client = client_for(jurors[0].user)
    assert client.get(f"/en/jury/entry/{assignment.pk}/deck/").status_code == 404  # before the conflict check
    schema = Client().get("/api/v1/openapi.json").content.decode().lower()
    assert "submission" not in schema and "startup" not in schema and "jur" not in schema
