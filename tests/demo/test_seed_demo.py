import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page

from cms.models import ContentPage, HomePage, NavigationSettings, NewsPage, Organisation
from events.models import Edition, Registration, Session, TicketType
from startups.models import ChallengeTheme, Startup, Submission

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

DEMO_EMAILS = {
    "organiser@example.org",
    "attendee@example.org",
    "speaker@example.org",
    "startup@example.org",
    *{f"juror{n}@example.org" for n in range(1, 6)},
}


@pytest.fixture
def seeded(settings):
    settings.DEBUG = True
    call_command("seed_demo")


def counts():
    return {
        "pages": Page.objects.count(),
        "editions": Edition.objects.count(),
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "organisations": Organisation.objects.count(),
        "ticket types": TicketType.objects.count(),
        "registrations": Registration.objects.count(),
        "startups": Startup.objects.count(),
        "entries": Submission.objects.count(),
        "themes": ChallengeTheme.objects.count(),
    }


def test_seed_demo_is_idempotent(seeded, settings):
    first = counts()

    call_command("seed_demo")

    assert counts() == first


def test_seed_demo_builds_the_site_in_three_languages(seeded, client):
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == ["ar", "en", "fr"]
    for kind in (ContentPage, NewsPage):
        by_language = {
            code: kind.objects.filter(locale__language_code=code).count() for code in ("fr", "ar", "en")
        }
        assert by_language["fr"] >= 2
        assert by_language["ar"] == by_language["en"] == by_language["fr"]
    arabic_home = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic_home
    assert "المدينة الذكية" in arabic_home
    menu = NavigationSettings.objects.get().links.count()
    assert menu == 6


def test_seed_demo_presents_the_seventh_edition_as_upcoming(seeded):
    current = Edition.objects.get(is_current=True)
    fourth = Edition.objects.get(number=4)

    assert current.number == 7
    assert current.start_date > datetime.date.today()
    assert current.theme_fr == "Ville smart, vers les transitions métropolitaines durables"
    assert (fourth.start_date, fourth.end_date) == (datetime.date(2021, 6, 9), datetime.date(2021, 6, 10))


def test_seed_demo_accounts_log_in_with_the_demo_password(seeded, client):
    User = get_user_model()

    assert (
        set(
            User.objects.exclude(email__startswith="participant")
            .exclude(email__startswith="equipe@")  # the demo startups' teams
            .values_list("email", flat=True)
        )
        == DEMO_EMAILS
    )
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(DEMO_EMAILS)
    assert not User.objects.get(email="participant01@example.org").has_usable_password()
    assert User.objects.get(email="organiser@example.org").is_staff
    assert not User.objects.get(email="attendee@example.org").is_staff
    response = client.post(
        "/fr/accounts/login/", {"login": "juror3@example.org", "password": "demo-pass-2026"}
    )
    assert response.status_code == 302
    assert client.get("/fr/accounts/profile/").status_code == 200


def test_organiser_reaches_the_wagtail_admin(seeded, client):
    client.post("/fr/accounts/login/", {"login": "organiser@example.org", "password": "demo-pass-2026"})

    assert client.get("/admin/").status_code == 200


def test_demo_password_comes_from_the_environment(settings, monkeypatch, client):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "another-Secret-42")

    call_command("seed_demo")

    assert get_user_model().objects.get(email="speaker@example.org").check_password("another-Secret-42")


@override_settings(DEBUG=False)
def test_seed_demo_refuses_to_run_without_debug():
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert not Edition.objects.exists()


@override_settings(DEBUG=False)
def test_seed_demo_runs_without_debug_when_forced():
    call_command("seed_demo", "--force")

    assert Edition.objects.filter(is_current=True).exists()


def test_seed_demo_builds_both_programmes(seeded, client):
    from events.models import Session, Speaker

    seventh = Session.objects.filter(edition__number=7)
    fourth = Session.objects.filter(edition__number=4)

    assert seventh.count() >= 16
    assert {"opening", "plenary", "workshop", "pitch", "break"} <= set(seventh.values_list("kind", flat=True))
    assert all(capacity for capacity in seventh.filter(kind="workshop").values_list("capacity", flat=True))
    assert seventh.filter(format="hybrid").exclude(livestream_url="").exists()
    assert fourth.filter(kind="opening").count() == 1
    assert fourth.filter(kind="plenary").count() == 3
    dgct = " ".join(fourth.filter(kind="workshop").values_list("title_fr", flat=True))
    for presentation in ("55.19", "Rokhas", "Parapheur", "Chikaya", "Majaliss"):
        assert presentation in dgct
    assert Speaker.objects.get(user__email="speaker@example.org").name == "Nadia El Fassi"
    assert client.get("/ar/programme/").status_code == 200
    assert client.get("/fr/programme/archive/2021/").status_code == 200


def test_seed_demo_opens_registration(seeded):
    from events.models import RegistrationStatus, Voucher

    current = Edition.objects.get(is_current=True)
    public = TicketType.objects.filter(edition=current, voucher_only=False)
    assert {t.mode for t in public} == {"in_person", "online"}
    assert all(t.on_sale() for t in public)
    assert public.filter(price=0, mode="online").exists()
    assert set(Voucher.objects.values_list("code", flat=True)) == {
        "INTERVENANTS-7",
        "JURY-7",
        "STARTUPS-7",
        "PRESSE-7",
        "ORGANISATION-7",
    }
    assert dict(TicketType.objects.filter(edition=current).values_list("name_fr", "role")) == {
        "Pass sur place": "attendee",
        "Pass étudiant sur place": "attendee",
        "Participation en ligne": "attendee",
        "Intervenant": "speaker",
        "Jury du challenge": "jury",
        "Startup finaliste": "startup",
        "Presse": "press",
        "Organisation": "organiser",
    }
    mine = Registration.objects.get(user__email="speaker@example.org")
    assert (mine.status, mine.price, mine.voucher.code) == (RegistrationStatus.CONFIRMED, 0, "INTERVENANTS-7")
    attendee = Registration.objects.get(user__email="attendee@example.org")
    assert (attendee.ticket_type.mode, attendee.status) == ("in_person", RegistrationStatus.CONFIRMED)
    assert attendee.workshop_bookings.filter(status="booked").count() == 1
    statuses = set(Registration.objects.filter(edition=current).values_list("status", flat=True))
    assert statuses == {RegistrationStatus.CONFIRMED, RegistrationStatus.AWAITING_TRANSFER}
    full = Session.objects.get(edition=current, slug="atelier-intelligence-artificielle-et-decision-publique")
    assert full.bookings.filter(status="booked").count() == full.capacity
    assert full.waiting_list.get().user.email == "attendee@example.org"
    from events.models import SessionProposal, SessionSpeaker

    assert SessionSpeaker.objects.filter(
        speaker__user__email="speaker@example.org", participation="confirmed"
    ).exists()
    assert SessionProposal.objects.get(status="pending").author.email == "speaker@example.org"


def test_seed_demo_opens_the_startup_challenge(seeded, client):
    from django.utils import timezone

    from startups.models import Challenge

    challenge = Challenge.objects.get(edition__is_current=True)
    assert challenge.accepts_entries()
    assert (
        challenge.submission_deadline
        < challenge.final_pitch_at
        <= Edition.objects.get(is_current=True).starts_at + datetime.timedelta(days=1)
    )
    assert {theme.slug for theme in challenge.themes.all()} == {
        "mobilite",
        "energie",
        "eau",
        "dechets",
        "services-numeriques",
        "inclusion",
    }
    assert sorted(challenge.prizes.values_list("rank", flat=True)) == [1, 2, 3]
    entries = Submission.objects.filter(challenge=challenge)
    assert entries.count() == 12
    # The screening round chose three finalists among the five eligible entries (judging demo).
    assert set(entries.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "finalist",
        "not_selected",
        "not_eligible",
        "withdrawn",
    }
    assert entries.get(status="not_eligible").status_reason
    mine = entries.get(startup__members__user__email="startup@example.org")
    assert mine.status == "draft" and mine.startup.name == "Darb Mobility"
    for entry in entries.exclude(status="draft"):
        with entry.deck.open("rb") as deck:
            assert deck.read(5) == b"%PDF-"
        assert entry.submitted_at < timezone.now()
    for url in ("/fr/defi-startups/", "/ar/startup-challenge/", "/en/startup-challenge/"):
        assert client.get(url).status_code == 200
    client.post("/fr/accounts/login/", {"login": "startup@example.org", "password": "demo-pass-2026"})
    assert "Darb Mobility" in client.get("/fr/startup/").content.decode()


def test_seed_demo_gives_the_challenge_a_jury_a_scored_screening_and_a_final_to_score(seeded, client):
    from judging.audit import audit_verify
    from judging.models import Assignment, Juror, ResultSnapshot, Review, Round
    from startups.models import Challenge

    challenge = Challenge.objects.get(edition__is_current=True)
    jurors = Juror.objects.filter(challenge=challenge)
    assert set(jurors.values_list("user__email", flat=True)) == {f"juror{n}@example.org" for n in range(1, 6)}
    assert jurors.get(is_chair=True).user.email == "juror1@example.org"
    screening, final = Round.objects.filter(challenge=challenge).order_by("sort_order")
    assert (
        screening.is_locked()
        and Review.objects.filter(assignment__round=screening, status="submitted").count() == 15
    )
    assert ResultSnapshot.objects.get(round=screening).is_intact()
    assert (
        final.kind == "final" and final.is_open() and final.pitch_session.slug == "pitchs-challenge-startups"
    )
    assert Assignment.objects.filter(round=final).count() == 5 * 3
    assert not Review.objects.filter(assignment__round=final).exists()
    assert audit_verify(challenge) is None
    client.post("/fr/accounts/login/", {"login": "juror2@example.org", "password": "demo-pass-2026"})
    assert "Finale" in client.get("/fr/jury/").content.decode()


def test_seed_demo_prints_a_door_scanner_token_that_checks_people_in(settings, client):
    import io
    import json
    import re

    from events.models import ScannerDevice

    settings.DEBUG = True
    for _run in range(2):
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
    token = re.search(r"check-in API .*: (csc_\S+)", out.getvalue()).group(1)

    assert ScannerDevice.objects.filter(revoked_at__isnull=True).count() == 1  # the previous one revoked
    response = client.post(
        "/api/v1/checkin/",
        json.dumps({"token": "not-a-badge"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200 and response.json()["outcome"] == "unknown"
