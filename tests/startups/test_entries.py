"""Entries: drafts keep what is typed, submitting checks everything, the deadline is the server's,
one entry per startup, and only the startup's team reaches it."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from startups import services, team
from startups.decks import deck_check
from startups.errors import ChallengeError
from startups.models import StartupMember, Submission, SubmissionStatus
from tests.factories import user_create
from tests.startups.factories import challenge_create, deck_upload, entry_answers, startup_create

pytestmark = pytest.mark.django_db


def a_deck(challenge):
    return deck_check(deck_upload(), max_mb=challenge.deck_max_mb, max_pages=challenge.deck_max_pages)


def submit(challenge, startup, user, **overrides):
    return services.entry_save(
        challenge=challenge,
        startup=startup,
        user=user,
        data=entry_answers(challenge, **overrides),
        deck=a_deck(challenge),
        accept_rules=True,
        submit=True,
    )


def test_a_draft_keeps_incomplete_answers(challenge, startup, founder):
    result = services.entry_save(
        challenge=challenge, startup=startup, user=founder, data={"title": "Premier jet", "problem": ""}
    )
    entry = Submission.objects.get()
    assert result.submitted is False and result.missing == {}
    assert (entry.status, entry.title) == (SubmissionStatus.DRAFT, "Premier jet")
    assert entry.log.get().action == "draft_saved"


def test_submitting_an_incomplete_draft_saves_it_and_lists_what_is_missing(challenge, startup, founder):
    result = services.entry_save(
        challenge=challenge,
        startup=startup,
        user=founder,
        data=entry_answers(challenge, traction="", theme=None),
        submit=True,
    )
    assert result.submitted is False
    assert set(result.missing) == {"theme", "traction", "deck_upload", "accept_rules"}
    entry = Submission.objects.get()
    assert entry.status == SubmissionStatus.DRAFT and entry.title == "Un trajet, un billet"


def test_a_complete_entry_is_submitted_with_its_deck(challenge, startup, founder):
    result = submit(challenge, startup, founder)
    entry = result.submission
    assert result.submitted and entry.status == SubmissionStatus.SUBMITTED
    assert entry.submitted_at and entry.rules_accepted_at
    assert (entry.deck_pages, entry.deck_filename) == (3, "pitch.pdf")
    with entry.deck.open("rb") as stored:
        assert stored.read().startswith(b"%PDF-")
    assert "decks/" in entry.deck.name and "pitch" not in entry.deck.name  # stored under a neutral name


def test_a_submitted_entry_can_change_until_the_deadline_but_never_loses_an_answer(
    challenge, startup, founder
):
    submit(challenge, startup, founder)
    services.entry_save(
        challenge=challenge,
        startup=startup,
        user=founder,
        data=entry_answers(challenge, title="Nouveau titre"),
    )
    entry = Submission.objects.get()
    assert (entry.status, entry.title) == (SubmissionStatus.SUBMITTED, "Nouveau titre")
    with pytest.raises(services.EntryIncomplete) as refusal:
        services.entry_save(
            challenge=challenge, startup=startup, user=founder, data=entry_answers(challenge, solution=" ")
        )
    assert set(refusal.value.errors) == {"solution"}
    entry.refresh_from_db()
    assert entry.solution.startswith("Un billet unique")
    assert list(entry.log.values_list("action", flat=True)) == ["submitted", "updated"]


def test_a_new_deck_replaces_the_old_file(challenge, startup, founder, django_capture_on_commit_callbacks):
    first = submit(challenge, startup, founder).submission
    old_name = first.deck.name
    storage = first.deck.storage
    with django_capture_on_commit_callbacks(execute=True):
        services.entry_save(
            challenge=challenge,
            startup=startup,
            user=founder,
            data=entry_answers(challenge),
            deck=a_deck(challenge),
        )
    first.refresh_from_db()
    assert first.deck.name != old_name
    assert not storage.exists(old_name) and storage.exists(first.deck.name)


def test_the_deadline_is_read_when_the_entry_is_written(challenge, startup, founder):
    deck = a_deck(challenge)
    # The organiser moves the deadline while the request holds the challenge as it was.
    type(challenge).objects.filter(pk=challenge.pk).update(
        submission_deadline=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert challenge.accepts_entries()  # the stale copy the request holds
    with pytest.raises(ChallengeError, match="The submission deadline passed on"):
        services.entry_save(
            challenge=challenge,
            startup=startup,
            user=founder,
            data=entry_answers(challenge),
            deck=deck,
            submit=True,
        )
    assert not Submission.objects.exists()


def test_nothing_is_accepted_before_the_opening(edition, startup, founder):
    challenge = challenge_create(edition, opens_in=datetime.timedelta(days=2))
    with pytest.raises(ChallengeError, match="Entries open on"):
        services.entry_save(challenge=challenge, startup=startup, user=founder, data={"title": "Trop tôt"})


def test_after_the_deadline_a_submitted_entry_cannot_change_nor_reopen(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    services.entry_withdraw(submission=entry, user=founder)
    type(challenge).objects.filter(pk=challenge.pk).update(
        submission_deadline=timezone.now() - datetime.timedelta(minutes=1),
        opens_at=timezone.now() - datetime.timedelta(days=20),
    )
    challenge.refresh_from_db()
    with pytest.raises(ChallengeError, match="deadline passed"):
        services.entry_reopen(submission=entry, user=founder)
    other = startup_create(name="Autre")
    with pytest.raises(ChallengeError, match="deadline passed"):
        services.entry_save(
            challenge=challenge, startup=other, user=other.members.get().user, data={"title": "x"}
        )


def test_withdrawing_keeps_the_entry_but_takes_it_out_of_judging(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    organiser = user_create(is_staff=True, is_superuser=True)
    services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.ELIGIBLE)
    assert list(Submission.objects.in_judging()) == [entry]

    services.entry_withdraw(submission=entry, user=founder, reason="Nous pivotons.")
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.WITHDRAWN and entry.withdrawn_at
    assert entry.title == "Un trajet, un billet" and entry.deck  # the data stays
    assert not Submission.objects.in_judging().exists()
    assert entry.log.last().note == "Nous pivotons."
    with pytest.raises(ChallengeError, match=r"withdrawn\. Reopen it"):
        services.entry_save(challenge=challenge, startup=startup, user=founder, data={"title": "x"})
    with pytest.raises(ChallengeError, match=r"This status cannot|cannot become"):
        services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.ELIGIBLE)


def test_a_withdrawn_entry_reopens_as_a_draft_while_entries_are_open(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    services.entry_withdraw(submission=entry, user=founder)
    services.entry_reopen(submission=entry, user=founder)
    entry.refresh_from_db()
    assert entry.status == SubmissionStatus.DRAFT and entry.submitted_at is None and entry.deck


def test_a_screened_entry_changed_before_the_deadline_goes_back_to_screening(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    organiser = user_create(is_staff=True)
    services.status_set(
        submission=entry, actor=organiser, status=SubmissionStatus.NOT_ELIGIBLE, reason="Année de création."
    )
    services.entry_save(
        challenge=challenge, startup=startup, user=founder, data=entry_answers(challenge, team="Corrigé")
    )
    entry.refresh_from_db()
    assert (entry.status, entry.status_reason, entry.team) == (SubmissionStatus.SUBMITTED, "", "Corrigé")
    assert entry.log.last().note == "Changed after screening: to be screened again."
    services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.ELIGIBLE)
    services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.SHORTLISTED)
    with pytest.raises(ChallengeError, match="reviewed your entry"):
        services.entry_save(challenge=challenge, startup=startup, user=founder, data={"title": "x"})


def test_a_teammate_never_overwrites_changes_saved_since_the_form_was_opened(challenge, startup, founder):
    mate = user_create(email="mate@example.org")
    StartupMember.objects.create(startup=startup, user=mate)
    opened = services.entry_save(
        challenge=challenge, startup=startup, user=founder, data={"title": "A"}
    ).submission
    seen = opened.revision
    services.entry_save(challenge=challenge, startup=startup, user=mate, data={"title": "B"}, revision=seen)
    with pytest.raises(ChallengeError, match="A teammate changed the entry"):
        services.entry_save(
            challenge=challenge, startup=startup, user=founder, data={"title": "C"}, revision=seen
        )
    assert Submission.objects.get().title == "B"


def test_one_entry_per_startup_and_challenge(challenge, startup, founder):
    teammate = user_create(email="teammate@example.org")
    StartupMember.objects.create(startup=startup, user=teammate)
    submit(challenge, startup, founder)
    services.entry_save(
        challenge=challenge, startup=startup, user=teammate, data=entry_answers(challenge, title="B")
    )
    assert Submission.objects.count() == 1
    assert Submission.objects.get().title == "B"
    with pytest.raises(IntegrityError), transaction.atomic():
        Submission.objects.create(challenge=challenge, startup=startup)


def test_a_theme_of_another_challenge_is_refused(challenge, startup, founder, edition):
    from tests.factories import edition_create

    other = challenge_create(edition_create(is_current=False))
    with pytest.raises(ChallengeError, match="not one of the challenge"):
        services.entry_save(
            challenge=challenge, startup=startup, user=founder, data={"theme": other.themes.first()}
        )


def test_only_members_change_a_startup_or_its_entry(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    stranger = startup_create().members.get().user
    with pytest.raises(ChallengeError, match="not a member"):
        services.entry_save(challenge=challenge, startup=startup, user=stranger, data={"title": "pris"})
    with pytest.raises(ChallengeError, match="not a member"):
        services.entry_withdraw(submission=entry, user=stranger)
    with pytest.raises(ChallengeError, match="not a member"):
        team.startup_update(startup=startup, user=stranger, data={"name": "Volée"})


# The pages --------------------------------------------------------------------------------


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_startup_sees_and_edits_only_its_own_entry(challenge, startup, founder):
    submit(challenge, startup, founder, title="Le projet secret de Darb")
    rival = startup_create(name="Rival").members.get().user
    client = logged_in(rival)

    page = client.get(f"/en/startup/entry/{challenge.pk}/")
    assert page.status_code == 200
    assert "Le projet secret de Darb" not in page.content.decode()
    assert client.get(f"/en/startup/entry/{challenge.pk}/deck/").status_code == 404
    assert client.post(f"/en/startup/entry/{challenge.pk}/withdraw/").status_code == 404

    client.post(f"/en/startup/entry/{challenge.pk}/", {"action": "save", "title": "Rival project"})
    darb = Submission.objects.get(startup=startup)
    assert darb.title == "Le projet secret de Darb" and darb.status == SubmissionStatus.SUBMITTED
    assert Submission.objects.get(startup__name="Rival").title == "Rival project"

    own = logged_in(founder)
    deck = own.get(f"/en/startup/entry/{challenge.pk}/deck/")
    assert deck.status_code == 200 and deck["Content-Type"] == "application/pdf"
    assert deck["Cache-Control"] == "private, no-store"


def test_anonymous_visitors_are_sent_to_log_in(challenge):
    response = Client().get(f"/fr/startup/entry/{challenge.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_entry_form_saves_a_draft_then_submits(challenge, startup, founder):
    client = logged_in(founder)
    answers = entry_answers(challenge)
    form = {name: value for name, value in answers.items() if name != "theme"} | {
        "theme": answers["theme"].pk
    }
    response = client.post(f"/en/startup/entry/{challenge.pk}/", {**form, "title": "", "action": "save"})
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.DRAFT

    response = client.post(f"/en/startup/entry/{challenge.pk}/", {**form, "action": "submit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your draft is saved, but it cannot be submitted yet" in html
    assert "Add your pitch deck as a PDF." in html and "Accept the rules to submit." in html

    response = client.post(
        f"/en/startup/entry/{challenge.pk}/",
        {**form, "action": "submit", "accept_rules": "on", "deck_upload": deck_upload()},
    )
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
    home = client.get("/en/startup/").content.decode()
    assert "Submitted" in home and "You can still change it until the deadline" in home


def test_the_form_shows_deck_and_video_refusals_next_to_the_fields(challenge, startup, founder):
    client = logged_in(founder)
    response = client.post(
        f"/en/startup/entry/{challenge.pk}/",
        {
            "action": "save",
            "title": "Mon projet",
            "video_url": "https://example.org/film.mp4",
            "deck_upload": deck_upload(b"MZ\x90\x00" + b"\x00" * 64, name="pitch.pdf"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is not a PDF, whatever its name says." in html
    assert "Give the link to one video on YouTube" in html
    assert 'aria-invalid="true"' in html
    assert not Submission.objects.exists()  # nothing half-saved


def test_a_post_after_the_deadline_is_refused_with_a_clear_message(challenge, startup, founder):
    client = logged_in(founder)
    submit(challenge, startup, founder)
    type(challenge).objects.filter(pk=challenge.pk).update(submission_deadline=timezone.now())
    response = client.post(f"/en/startup/entry/{challenge.pk}/", {"action": "save", "title": "Trop tard"})
    assert response.status_code == 200
    assert "The submission deadline passed on" in response.content.decode()
    assert Submission.objects.get().title == "Un trajet, un billet"
    page = client.get(f"/en/startup/entry/{challenge.pk}/").content.decode()
    assert "The entry can no longer be changed" in page and "<textarea" not in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_teammates_starting_the_entry_at_once_make_one_entry(edition):
    challenge = challenge_create(edition)
    startup = startup_create()
    users = [startup.members.get().user]
    for number in range(5):
        user = user_create(email=f"mate{number}@example.org")
        StartupMember.objects.create(startup=startup, user=user)
        users.append(user)
    barrier = threading.Barrier(len(users))
    errors = []

    def start(user):
        try:
            barrier.wait()
            services.entry_save(challenge=challenge, startup=startup, user=user, data={"title": user.email})
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=start, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Submission.objects.count() == 1
    assert Submission.objects.get().log.count() == len(users)


def test_the_form_carries_the_entrys_revision_from_save_to_save(challenge, startup, founder):
    import re

    client = logged_in(founder)
    url = f"/en/startup/entry/{challenge.pk}/"

    def revision(html):
        return re.search(r'name="revision" value="(\d*)"', html).group(1)

    answers = entry_answers(challenge)
    form = {name: value for name, value in answers.items() if name != "theme"} | {
        "theme": answers["theme"].pk
    }
    # Submitting an incomplete draft saves it and shows the page again, at the new revision…
    page = client.post(url, {**form, "action": "submit", "revision": ""}).content.decode()
    assert "cannot be submitted yet" in page
    assert revision(page) == str(Submission.objects.get().revision)
    # …so that completing it from that page is not mistaken for a teammate's change.
    response = client.post(
        url,
        {
            **form,
            "action": "submit",
            "accept_rules": "on",
            "deck_upload": deck_upload(),
            "revision": revision(page),
        },
    )
    assert response.status_code == 302
    assert Submission.objects.get().status == SubmissionStatus.SUBMITTED
