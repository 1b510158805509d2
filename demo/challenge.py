"""Demo startup challenge of the current edition: the call and a dozen fictional entries.

The texts and the startups are in `data/challenge.json`; the dates follow the
day the demo is loaded (open for twenty days, thirty more to the deadline,
the final on the edition's first day). Idempotent like the rest of seed_demo:
rows are found by slug or e-mail and brought up to date. Entries are written
directly (not through the services) because they reproduce states reached
over weeks; each gets a log line saying so.
"""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from pypdf import PdfReader, PdfWriter

from core.pdf import pdf_render
from demo.data import load, translated
from events.models import Edition
from startups.models import (
    Challenge,
    ChallengePrize,
    ChallengeTheme,
    MemberRole,
    Startup,
    StartupMember,
    Submission,
    SubmissionLog,
    SubmissionStatus,
)

DECK_CSS = (
    "@page { size: 254mm 142.9mm; margin: 18mm } section { break-after: page } "
    "h1 { font: 700 28pt 'Noto Sans', sans-serif; color: #0b5c7a } p { font: 16pt 'Noto Sans', sans-serif }"
)


def _challenge(edition: Edition, *, now: datetime.datetime) -> Challenge:
    data = load("challenge")
    tz = edition.tz
    final = datetime.datetime.combine(edition.start_date, datetime.time(16, 0), tzinfo=tz)
    deadline = datetime.datetime.combine(
        timezone.localdate(now, tz) + datetime.timedelta(days=30), datetime.time(23, 59), tzinfo=tz
    )
    challenge = Challenge.objects.filter(edition=edition).first() or Challenge(edition=edition)
    fields = {
        "opens_at": datetime.datetime.combine(
            timezone.localdate(now, tz) - datetime.timedelta(days=20), datetime.time(9, 0), tzinfo=tz
        ),
        "submission_deadline": deadline,
        "shortlist_at": deadline + datetime.timedelta(days=14),
        "final_pitch_at": final,
        **translated("title", data["title"]),
        **translated("summary", data["summary"]),
        **translated("eligibility", data["eligibility"]),
        **translated("rules", data["rules"]),
    }
    for name, value in fields.items():
        setattr(challenge, name, value)
    challenge.save()
    for order, theme in enumerate(data["themes"]):
        ChallengeTheme.objects.update_or_create(
            challenge=challenge,
            slug=theme["slug"],
            defaults={
                "sort_order": order,
                **translated("name", theme["name"]),
                **translated("description", theme["description"]),
            },
        )
    for prize in data["prizes"]:
        ChallengePrize.objects.update_or_create(
            challenge=challenge,
            rank=prize["rank"],
            defaults={
                "sort_order": prize["rank"],
                "amount": prize["amount"],
                **translated("title", prize["title"]),
                **translated("description", data["prize_description"]),
            },
        )
    return challenge


def demo_decks(startups: list[tuple[str, str]]) -> list[bytes]:
    """A short real PDF deck per (name, title), rendered by WeasyPrint in one pass and split."""
    slides = [(slide["heading"], slide["text"]) for slide in load("challenge")["slides"]]
    body = "".join(
        f"<section><h1>{escape(heading)}</h1><p>{escape(text)}</p></section>"
        for name, title in startups
        for heading, text in [(name, title), *slides]
    )
    whole = PdfReader(
        io.BytesIO(pdf_render(f"<html><head><style>{DECK_CSS}</style></head><body>{body}</body></html>"))
    )
    per_deck = len(slides) + 1
    decks = []
    for index in range(len(startups)):
        writer = PdfWriter()
        for page in whole.pages[index * per_deck : (index + 1) * per_deck]:
            writer.add_page(page)
        buffer = io.BytesIO()
        writer.write(buffer)
        decks.append(buffer.getvalue())
    return decks


def seed_challenge(*, edition: Edition) -> Challenge:
    data = load("challenge")
    texts = data["entry"]
    now = timezone.now()
    challenge = _challenge(edition, now=now)
    themes = {theme.slug: theme for theme in challenge.themes.all()}
    User = get_user_model()
    missing = [
        (row["name"], row["title"])
        for row in data["startups"]
        if row["status"] != SubmissionStatus.DRAFT
        and not Submission.objects.filter(challenge=challenge, startup__name=row["name"])
        .exclude(deck="")
        .exists()
    ]
    decks = dict(zip([name for name, _title in missing], demo_decks(missing) if missing else [], strict=True))
    for index, row in enumerate(data["startups"]):
        name, city, status, title = row["name"], row["city"], row["status"], row["title"]
        # The entry's title, read as the end of a sentence.
        pitch = f"{title[0].lower()}{title[1:]}"
        slug = slugify(name)
        startup = Startup.objects.filter(slug=slug).first() or Startup(slug=slug)
        startup.name = name
        startup.city = city
        startup.country = data["startup"]["country"]
        startup.founded_year = row["founded"]
        startup.stage = row["stage"]
        startup.sector = row["sector"]
        startup.website = f"https://{slug}.example.org/"
        startup.description = data["startup"]["description"].format(name=name, city=city, pitch=pitch)
        startup.language = "ar" if index % 4 == 3 else "fr"
        startup.save()
        email = row["owner"] or f"equipe@{slug}.example.org"
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email, first_name=data["startup"]["team_first_name"], last_name=name)
            user.set_unusable_password()
            user.save()
        if not StartupMember.objects.filter(user=user).exists():
            StartupMember.objects.create(startup=startup, user=user, role=MemberRole.OWNER)
        submission = Submission.objects.filter(challenge=challenge, startup=startup).first()
        if submission is None:
            submission = Submission(challenge=challenge, startup=startup)
        submission.theme = themes[row["theme"]]
        submission.title = title
        submission.problem = texts["problem"].format(theme=themes[row["theme"]].name_fr)
        submission.solution = texts["solution"].format(name=name, pitch=pitch)
        submission.target_users = texts["target_users"]
        submission.impact = texts["impact"]
        submission.traction = "" if status == SubmissionStatus.DRAFT else texts["traction"]
        submission.business_model = texts["business_model"]
        submission.team = texts["team"]
        submission.video_url = f"https://vimeo.com/{700000000 + index}" if index % 3 else ""
        if submission.pk is None:  # later runs keep what judging made of it
            submission.status = status
            submission.status_reason = (
                data["not_eligible_reason"] if status == SubmissionStatus.NOT_ELIGIBLE else ""
            )
        if status != SubmissionStatus.DRAFT:
            submission.rules_accepted_at = submission.rules_accepted_at or now - datetime.timedelta(days=5)
            submission.submitted_at = submission.submitted_at or now - datetime.timedelta(days=12 - index)
            if not submission.deck and name in decks:
                deck = decks[name]
                submission.deck.save(f"demo-{slug}.pdf", ContentFile(deck), save=False)
                submission.deck_filename = f"{slug}-pitch.pdf"
                submission.deck_pages = len(data["slides"]) + 1
                submission.deck_size = len(deck)
        if status == SubmissionStatus.WITHDRAWN:
            submission.withdrawn_at = submission.withdrawn_at or now - datetime.timedelta(days=2)
        is_new = submission.pk is None
        submission.save()
        if is_new:
            SubmissionLog.objects.create(
                submission=submission, action="demo", to_status=submission.status, note="seed_demo"
            )
    return challenge
