"""The organisers' judging dashboard: progress, score spread per juror, ranking, CSV, PDF, audit log."""

import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from judging import services
from judging.models import Assignment, AuditEntry, Juror
from tests.factories import user_create
from tests.judging.factories import challenge_with_jury, round_create
from tests.judging.test_services import scores_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(edition):
    challenge, entries, jurors = challenge_with_jury(edition, entries=6, jurors=4)
    round_ = round_create(challenge, min_reviews=2)
    services.assignments_generate(round_, actor=None)
    Assignment.objects.update(checked_at=timezone.now())
    harsh = jurors[1]
    for assignment in Assignment.objects.select_related("juror"):
        value = 3 if assignment.juror_id == harsh.pk else 8
        services.review_save(
            assignment=assignment,
            user=assignment.juror.user,
            scores=scores_for(round_, value, value),
            submit=True,
        )
    return challenge, entries, jurors, round_


def test_the_dashboard_shows_progress_spread_and_ranking(organiser_client, scored):
    challenge, entries, _jurors, round_ = scored
    url = f"/admin/jury/dashboard/round/{round_.pk}/"
    page = organiser_client.get(url).content.decode()
    assert page.count("<circle") == 12  # one dot per review in the spread chart
    organiser_client.post(url, {"action": "close"})
    organiser_client.post(url, {"action": "compute"})
    page = organiser_client.get(url).content.decode()
    for entry in entries:
        assert entry.startup.name in page
    csv_text = organiser_client.get(f"/admin/jury/dashboard/round/{round_.pk}/results.csv").content.decode(
        "utf-8-sig"
    )
    assert len(csv_text.strip().splitlines()) == 1 + 6 + 2
    pdf = organiser_client.get(f"/admin/jury/dashboard/round/{round_.pk}/results.pdf").content
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    words = " ".join(text.split())  # narrow table cells wrap names over lines
    assert entries[0].startup.name in words and challenge.title_fr in words
    audit = organiser_client.get(f"/admin/jury/dashboard/challenge/{challenge.pk}/audit/").content.decode()
    assert "results_computed" in audit and "round_locked" in audit


def test_assignments_are_adjusted_by_hand_from_the_dashboard(organiser_client, edition):
    challenge, entries, jurors = challenge_with_jury(edition, entries=3, jurors=3)
    round_ = round_create(challenge, min_reviews=1)
    url = f"/admin/jury/dashboard/round/{round_.pk}/"
    organiser_client.post(url, {"action": "assign"})
    assert Assignment.objects.filter(round=round_).count() == 3
    juror = next(j for j in jurors if not Assignment.objects.filter(juror=j, submission=entries[2]).exists())
    organiser_client.post(url, {"action": "add", "juror": juror.pk, "entry": entries[2].pk})
    assignment = Assignment.objects.get(round=round_, juror=juror, submission=entries[2])
    assert assignment.by_hand
    organiser_client.post(url, {"action": "remove", "assignment": assignment.pk})
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    actions = list(AuditEntry.objects.filter(challenge=challenge).values_list("action", flat=True))
    assert actions[-2:] == ["assignment_added", "assignment_removed"]


def test_a_juror_added_in_the_admin_is_invited_and_joins(
    organiser_client, edition, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    challenge, _entries, _jurors = challenge_with_jury(edition, entries=1, jurors=1)
    from wagtail.snippets.action_menu import SnippetActionMenu  # noqa: F401  (the admin's create view)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            "/admin/jury/jurors/add/",
            {
                "challenge": challenge.pk,
                "name": "Leïla Amrani",
                "email": "leila@um6p.example.ma",
                "organisation": "UM6P",
                "language": "ar",
            },
        )
    assert response.status_code == 302
    juror = Juror.objects.get(email="leila@um6p.example.ma")
    mail = mailoutbox[-1]
    assert mail.to == ["leila@um6p.example.ma"] and f"/jury/invitation/{juror.token}/" in mail.body
    intruder = Client()
    intruder.force_login(user_create(email="someone@example.org"))
    refused = intruder.post(f"/en/jury/invitation/{juror.token}/", follow=True).content.decode()
    assert "sent to another address" in refused and "leila@um6p.example.ma" not in refused
    juror.refresh_from_db()
    assert juror.user is None
    user = user_create(email="leila@um6p.example.ma")
    client = Client()
    client.force_login(user)
    client.post(f"/ar/jury/invitation/{juror.token}/")
    juror.refresh_from_db()
    assert juror.user == user


def test_people_without_the_permission_do_not_reach_the_dashboard(scored):
    _challenge, _entries, jurors, round_ = scored
    client = Client()
    client.force_login(jurors[0].user)
    assert client.get(f"/admin/jury/dashboard/round/{round_.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/jury/dashboard/round/{round_.pk}/results.csv").status_code in (302, 403)
