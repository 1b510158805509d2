"""Challenges, startups and real PDF decks for the challenge tests."""

import datetime
import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from startups.models import Challenge, ChallengePrize, ChallengeTheme, MemberRole, Startup, StartupMember
from tests.factories import user_create

_sequence = itertools.count(1)


def challenge_create(
    edition, *, opens_in=-datetime.timedelta(days=10), closes_in=datetime.timedelta(days=10), **fields
):
    now = timezone.now()
    deadline = fields.pop("submission_deadline", now + closes_in)
    challenge = Challenge(
        edition=edition,
        title_fr=fields.pop("title_fr", "Défi startups"),
        title_ar=fields.pop("title_ar", "تحدي الشركات الناشئة"),
        title_en=fields.pop("title_en", "Startup challenge"),
        summary_fr=fields.pop("summary_fr", "La ville cherche des solutions."),
        summary_ar=fields.pop("summary_ar", "المدينة تبحث عن حلول."),
        summary_en=fields.pop("summary_en", "The city looks for solutions."),
        eligibility_fr=fields.pop("eligibility_fr", "Startups marocaines de moins de sept ans."),
        rules_fr=fields.pop("rules_fr", "Une candidature par startup."),
        rules_ar=fields.pop("rules_ar", "ترشيح واحد لكل شركة ناشئة."),
        opens_at=fields.pop("opens_at", now + opens_in),
        submission_deadline=deadline,
        shortlist_at=fields.pop("shortlist_at", deadline + datetime.timedelta(days=7)),
        final_pitch_at=fields.pop("final_pitch_at", deadline + datetime.timedelta(days=20)),
        **fields,
    )
    challenge.full_clean(exclude=["edition"])
    challenge.save()
    ChallengeTheme.objects.create(
        challenge=challenge, slug="mobilite", name_fr="Mobilité", name_ar="التنقل", name_en="Mobility"
    )
    ChallengeTheme.objects.create(
        challenge=challenge, slug="eau", name_fr="Eau", name_ar="الماء", name_en="Water"
    )
    for rank in (1, 2, 3):
        ChallengePrize.objects.create(
            challenge=challenge, rank=rank, title_fr=f"Prix {rank}", amount=10_000 * rank
        )
    return challenge


def startup_create(*, user=None, **fields) -> Startup:
    number = next(_sequence)
    user = user or user_create(email=f"founder{number}@startup{number}.example.org")
    startup = Startup.objects.create(
        name=fields.pop("name", f"Startup {number}"),
        founded_year=fields.pop("founded_year", 2023),
        stage=fields.pop("stage", "mvp"),
        sector=fields.pop("sector", "mobility"),
        city=fields.pop("city", "Casablanca"),
        description=fields.pop("description", "Des solutions pour la ville."),
        **fields,
    )
    StartupMember.objects.create(startup=startup, user=user, role=MemberRole.OWNER)
    return startup


def pdf_bytes(pages: int = 3, *, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(842, 595)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def deck_upload(data: bytes | None = None, name: str = "pitch.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes() if data is None else data, content_type="application/pdf")


def entry_answers(challenge, **overrides) -> dict:
    """The answers of a complete entry, as the form's cleaned data."""
    answers = {
        "theme": challenge.themes.get(slug="mobilite"),
        "title": "Un trajet, un billet",
        "problem": "Les correspondances entre tramway et bus sont longues.",
        "solution": "Un billet unique et un calcul d’itinéraire multimodal.",
        "target_users": "Les usagers des transports et l’autorité organisatrice.",
        "impact": "Vingt minutes gagnées par trajet pour 100 000 usagers.",
        "traction": "Un pilote sur la ligne T1.",
        "business_model": "Commission par billet vendu.",
        "team": "Trois fondateurs, ingénieurs en transport.",
        "video_url": "",
    }
    answers.update(overrides)
    return answers
