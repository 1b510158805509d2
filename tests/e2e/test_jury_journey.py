"""A juror declares a conflict, scores two entries, submits, and sees the others' scores only afterwards."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from events.models import Edition
from judging import services
from judging.models import Assignment, Conflict, Review
from tests.e2e.conftest import axe_violations
from tests.judging.factories import challenge_with_jury, round_create

pytestmark = [pytest.mark.e2e]

CONFLICT = {"fr": "Déclarer un conflit", "ar": "التصريح بتضارب", "en": "Declare a conflict"}


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_juror_declares_a_conflict_scores_two_entries_and_then_sees_the_others(
    page, live_server, live_site, language
):
    challenge, entries, jurors = challenge_with_jury(
        Edition.objects.get(is_current=True), entries=4, jurors=3
    )
    round_ = round_create(challenge, min_reviews=3, reveal_scores=True)
    juror, colleague = jurors[1], jurors[2]
    conflicted = entries[3]
    log_in(page, live_server, juror.user)

    # Conflicts first: the juror ties themselves to one startup before any assignment.
    page.goto(f"{live_server.url}/{language}/jury/seat/{juror.pk}/conflicts/")
    assert axe_violations(page) == []
    page.locator(f"#startup-{conflicted.startup_id} input[name=reason]").fill("Ancien associé")
    page.locator(f"#startup-{conflicted.startup_id} button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Conflict.objects.filter(juror=juror, submission=conflicted).exists()

    services.assignments_generate(round_, actor=None)
    mine = list(Assignment.objects.filter(juror=juror).order_by("submission_id"))
    assert conflicted.pk not in [a.submission_id for a in mine] and len(mine) == 3
    # The colleague has already scored the first two entries.
    for assignment in Assignment.objects.filter(
        juror=colleague, submission__in=[a.submission for a in mine[:2]]
    ):
        services.no_conflict_confirm(assignment=assignment, user=colleague.user)
        services.review_save(
            assignment=assignment,
            user=colleague.user,
            scores={c.pk: ("9", "Remarquable") for c in round_.criteria.all()},
            comment="Avis du collègue",
            submit=True,
        )

    page.goto(f"{live_server.url}/{language}/jury/")
    assert axe_violations(page) == []
    for assignment in mine[:2]:
        page.goto(f"{live_server.url}/{language}/jury/entry/{assignment.pk}/")
        page.locator("button[value=no_conflict]").click()
        expect(page.locator(".score-form")).to_be_visible()
        assert axe_violations(page) == []
        expect(page.locator("main")).not_to_contain_text("Avis du collègue")
        for index, criterion in enumerate(round_.criteria.all()):
            page.locator(f"#score-{criterion.pk}").fill(str(6 + index))
            page.locator(f"#comment-{criterion.pk}").fill("Clair et réaliste")
        page.locator("#comment").fill("Un projet utile à la ville.")
        page.locator("button[value=submit]").click()
        expect(page.locator("main")).to_contain_text("Avis du collègue")  # only now
        assert axe_violations(page) == []

    reviews = Review.objects.filter(assignment__juror=juror, status="submitted")
    assert reviews.count() == 2
    assert {score.value for review in reviews for score in review.scores.all()} == {6, 7}
