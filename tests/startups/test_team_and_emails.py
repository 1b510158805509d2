"""Teams join by e-mail invitation; the startup hears about its entry in its own language."""

import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone

from startups import services, team
from startups.errors import ChallengeError
from startups.models import StartupInvitation, StartupMember, Submission, SubmissionStatus
from tests.factories import user_create
from tests.startups.factories import deck_upload, entry_answers, startup_create
from tests.startups.test_entries import submit

pytestmark = pytest.mark.django_db


def test_a_startup_is_created_with_its_founder_and_a_logo(db, django_capture_on_commit_callbacks):
    import io

    from PIL import Image

    user = user_create(email="karim@darb.example.org")
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), "#0b5c7a").save(buffer, format="JPEG")
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client()
    client.force_login(user)
    response = client.post(
        "/en/startup/profile/",
        {
            "name": "Darb Mobility",
            "founded_year": "2023",
            "stage": "prototype",
            "sector": "mobility",
            "website": "https://darb.example.org/",
            "city": "Casablanca",
            "country": "Maroc",
            "description": "Un billet pour tous les modes.",
            "language": "ar",
            "logo_upload": SimpleUploadedFile("logo.jpg", buffer.getvalue(), "image/jpeg"),
        },
    )
    assert response.status_code == 302
    member = StartupMember.objects.get(user=user)
    startup = member.startup
    assert (member.role, startup.slug, startup.language) == ("owner", "darb-mobility", "ar")
    assert startup.logo.width == 400 and startup.logo.file.name.endswith(".png")


def test_profile_refusals_are_shown_next_to_the_fields(db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = Client()
    client.force_login(user_create())
    response = client.post(
        "/en/startup/profile/",
        {
            "name": "",
            "founded_year": "1820",
            "stage": "prototype",
            "sector": "mobility",
            "city": "Casablanca",
            "country": "Maroc",
            "description": "x",
            "language": "fr",
            "logo_upload": SimpleUploadedFile("logo.png", b"MZ" + b"\0" * 100, "image/png"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert "Give the year the startup was founded" in html
    assert not StartupMember.objects.exists()


def test_a_person_belongs_to_one_startup(startup, founder):
    with pytest.raises(ChallengeError, match="already in a startup"):
        team.startup_create(
            user=founder,
            data={
                "name": "Deuxième",
                "founded_year": 2024,
                "stage": "idea",
                "sector": "water",
                "city": "Fès",
            },
        )


def test_an_invited_teammate_joins_and_edits_the_entry(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = team.member_invite(
            startup=startup, user=founder, email="salma@example.org", language="ar"
        )
    mail = mailoutbox[-1]
    assert mail.to == ["salma@example.org"]
    assert f"/startup/invitation/{invitation.token}/" in mail.body
    assert "Darb Mobility" in mail.subject

    salma = user_create(email="salma@example.org")
    client = Client()
    client.force_login(salma)
    page = client.get(f"/en/startup/invitation/{invitation.token}/")
    assert "Join the team of Darb Mobility" in page.content.decode()
    assert not StartupMember.objects.filter(user=salma).exists()  # opening the link does not join
    client.post(f"/en/startup/invitation/{invitation.token}/")
    assert StartupMember.objects.get(user=salma).startup == startup

    client.post(f"/en/startup/entry/{challenge.pk}/", {"action": "save", "title": "Écrit par Salma"})
    assert Submission.objects.get(startup=startup).title == "Écrit par Salma"


def test_invitations_are_single_use_and_expire(startup, founder):
    first = team.member_invite(startup=startup, user=founder, email="a@example.org", language="fr")
    team.invitation_accept(token=first.token, user=user_create(email="a@example.org"))
    with pytest.raises(ChallengeError, match="already been used"):
        team.invitation_accept(token=first.token, user=user_create(email="b@example.org"))

    late = team.member_invite(startup=startup, user=founder, email="c@example.org", language="fr")
    StartupInvitation.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=15)
    )
    with pytest.raises(ChallengeError, match="expired"):
        team.invitation_accept(token=late.token, user=user_create(email="c@example.org"))

    invitation = team.member_invite(startup=startup, user=founder, email="d@example.org", language="fr")
    with pytest.raises(ChallengeError, match="sent to another address") as refusal:
        team.invitation_accept(token=invitation.token, user=user_create(email="someone-else@example.org"))
    assert "d@example.org" not in str(refusal.value)  # the link holder does not learn who was invited
    other = startup_create(name="Autre")
    other_founder = other.members.get().user
    invitation = team.member_invite(startup=startup, user=founder, email=other_founder.email, language="fr")
    with pytest.raises(ChallengeError, match="already in the team of Autre"):
        team.invitation_accept(token=invitation.token, user=other_founder)
    with pytest.raises(ChallengeError, match="does not exist"):
        team.invitation_accept(token="nope", user=founder)


def test_members_leave_or_are_removed_but_the_team_is_never_empty(startup, founder):
    mate = user_create(email="mate@example.org")
    other = user_create(email="other@example.org")
    member = StartupMember.objects.create(startup=startup, user=mate)
    StartupMember.objects.create(startup=startup, user=other)
    team.member_invite(startup=startup, user=mate, email="friend@example.org", language="fr")
    with pytest.raises(ChallengeError, match="Only the person who created the profile"):
        team.member_remove(startup=startup, user=other, member=founder.startup_membership)
    team.member_remove(startup=startup, user=founder, member=member)
    assert not startup.invitations.filter(email="friend@example.org").exists()  # withdrawn with them
    team.member_remove(startup=startup, user=founder, member=founder.startup_membership)  # the founder leaves
    assert list(startup.members.values_list("user__email", "role")) == [("other@example.org", "owner")]
    with pytest.raises(ChallengeError, match="at least one team member"):
        team.member_remove(startup=startup, user=other, member=other.startup_membership)


def test_invitations_are_capped_per_team(startup, founder):
    for number in range(10):
        team.member_invite(startup=startup, user=founder, email=f"p{number}@example.org", language="fr")
    with pytest.raises(ChallengeError, match="many invitations"):
        team.member_invite(startup=startup, user=founder, email="p10@example.org", language="fr")


def test_the_submission_e_mail_carries_a_copy_in_the_startups_language(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    mate = user_create(email="mate@example.org")
    StartupMember.objects.create(startup=startup, user=mate)
    startup.language = "ar"
    startup.save()
    with django_capture_on_commit_callbacks(execute=True):
        entry = submit(challenge, startup, founder, video_url="https://vimeo.com/76979871").submission
    mail = mailoutbox[-1]
    assert sorted(mail.to) == sorted([founder.email, "mate@example.org"])
    assert "Un trajet, un billet" in mail.subject
    for answer in entry_answers(challenge).values():
        if isinstance(answer, str) and answer:
            assert answer in mail.body
    assert "pitch.pdf" in mail.body and "https://vimeo.com/76979871" in mail.body
    assert entry.reference in mail.body
    html = mail.alternatives[0].content
    assert 'lang="ar" dir="rtl"' in html


def test_status_changes_are_e_mailed_with_the_reason(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    entry = submit(challenge, startup, founder).submission
    organiser = user_create(is_staff=True)
    with pytest.raises(ChallengeError, match="Say why"):
        services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.NOT_ELIGIBLE)
    with django_capture_on_commit_callbacks(execute=True):
        services.status_set(
            submission=entry, actor=organiser, status=SubmissionStatus.NOT_ELIGIBLE, reason="Fondée en 2012."
        )
    mail = mailoutbox[-1]
    assert "Non éligible" in mail.subject  # the startup's language
    assert "Fondée en 2012." in mail.body
    line = entry.log.last()
    assert (line.actor, line.from_status, line.to_status) == (organiser, "submitted", "not_eligible")


def test_organisers_move_entries_only_along_the_allowed_path(challenge, startup, founder):
    entry = submit(challenge, startup, founder).submission
    organiser = user_create(is_staff=True)
    with pytest.raises(ChallengeError, match="cannot become"):
        services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.FINALIST)
    for status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.SHORTLISTED, SubmissionStatus.FINALIST):
        services.status_set(submission=entry, actor=organiser, status=status)
    with pytest.raises(ChallengeError, match="which prize"):
        services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.WINNER)
    services.status_set(submission=entry, actor=organiser, status=SubmissionStatus.WINNER, prize_rank=1)

    rival = startup_create(name="Rival")
    rival_entry = submit(challenge, rival, rival.members.get().user).submission
    for status in (SubmissionStatus.ELIGIBLE, SubmissionStatus.FINALIST):
        services.status_set(submission=rival_entry, actor=organiser, status=status)
    with pytest.raises(ChallengeError, match="already has this prize"):
        services.status_set(
            submission=rival_entry, actor=organiser, status=SubmissionStatus.WINNER, prize_rank=1
        )
    with pytest.raises(ChallengeError, match="can no longer be withdrawn"):
        services.entry_withdraw(submission=entry, user=founder)


def test_drafts_are_reminded_once_within_the_window(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    services.entry_save(challenge=challenge, startup=startup, user=founder, data={"title": "Brouillon"})
    submitted = startup_create(name="Déjà soumise")
    submit(challenge, submitted, submitted.members.get().user)
    mailoutbox.clear()
    early = challenge.submission_deadline - datetime.timedelta(hours=challenge.reminder_hours + 1)
    assert services.drafts_remind(now=early) == 0
    inside = challenge.submission_deadline - datetime.timedelta(hours=challenge.reminder_hours - 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.drafts_remind(now=inside) == 1
        assert services.drafts_remind(now=inside) == 0
    assert [mail.to for mail in mailoutbox] == [[founder.email]]
    assert "n’est pas encore soumise" in mailoutbox[0].subject
    assert "/startup/" in mailoutbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.drafts_remind(challenge=challenge, force=True) == 1  # the organiser's "remind now"


def test_the_reminder_is_scheduled_on_the_worker_when_the_challenge_is_saved(
    challenge, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        challenge.save()
    due = challenge.submission_deadline - datetime.timedelta(hours=challenge.reminder_hours)
    [task] = [row for row in DBTaskResult.objects.all() if row.task_path == "startups.tasks.drafts_remind"]
    assert abs((task.run_after - due).total_seconds()) < 5


def test_a_deck_with_an_unusable_name_is_stored_under_a_plain_one(challenge, startup, founder):
    client = Client()
    client.force_login(founder)
    response = client.post(
        f"/en/startup/entry/{challenge.pk}/", {"action": "save", "deck_upload": deck_upload(name="€€.pdf")}
    )
    assert response.status_code == 302
    entry = Submission.objects.get()
    assert (entry.deck_pages, entry.deck_filename) == (3, "deck.pdf")


def test_a_title_with_line_breaks_still_gives_a_one_line_subject(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(challenge, startup, founder, title="Ligne un\r\nBcc: victim@example.org")
    assert mailoutbox[-1].subject == "Votre candidature « Ligne un Bcc: victim@example.org » a bien été reçue"
    assert mailoutbox[-1].to == [founder.email]


def test_drafts_started_inside_the_window_are_reminded_by_the_periodic_sweep(
    challenge, startup, founder, immediate_tasks, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    type(challenge).objects.filter(pk=challenge.pk).update(
        submission_deadline=timezone.now() + datetime.timedelta(hours=challenge.reminder_hours - 1)
    )
    services.entry_save(challenge=challenge, startup=startup, user=founder, data={"title": "Tardif"})
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", stdout=io.StringIO())
    assert [mail.to for mail in mailoutbox] == [[founder.email]]


def test_the_account_page_leads_to_the_startup_area(startup, founder):
    client = Client()
    client.force_login(founder)
    assert "Ma startup et sa candidature au challenge" in client.get("/fr/accounts/profile/").content.decode()
    client.force_login(user_create(email="someone@example.org"))
    html = client.get("/fr/accounts/profile/").content.decode()
    assert "Startups : participez au challenge" in html and 'href="/fr/startup/"' in html
