"""The startup challenge: deck checks, saving entries, and the organisers' pages at scale.

    .venv/bin/python bench/challenge_bench.py [--entries 300]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casablanca .venv/bin/python bench/challenge_bench.py

Builds a fresh database (PostgreSQL `casablanca_challenge` when DATABASE_URL is
set, else a temporary SQLite file), loads seed_demo and adds `--entries`
startups with a submitted entry each (a real 12-page PDF deck). Then prints:
- milliseconds to check a pitch deck (pypdf reads every page) of 20 and of
  100 pages, and for a deck refused as malformed;
- milliseconds to save a draft and to submit an entry with a deck, through
  `startups.services` (locks, deadline, log, storage);
- for the organisers' entries list, its CSV export, an entry's page and the
  public challenge page: milliseconds per request (Django test client,
  rendered every time) and SQL queries per request.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import manage, run_django

BASE_DIR = Path(__file__).resolve().parent.parent

SCRIPT = """
import io, json, statistics, time
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone
from pypdf import PdfWriter
from startups import services
from startups.decks import deck_check, DeckError
from startups.models import Challenge, Startup, StartupMember, Submission

def pdf(pages):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(842, 595)
    buffer = io.BytesIO(); writer.write(buffer); return buffer.getvalue()

def timed(function, repeat):
    runs = []
    for _ in range(repeat):
        started = time.perf_counter(); function(); runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1000

challenge = Challenge.objects.get(edition__is_current=True)
User = get_user_model()
deck12 = pdf(12)
users = User.objects.bulk_create([User(email=f"bench{{n}}@startup{{n}}.example.org") for n in range({entries})])
startups = Startup.objects.bulk_create([
    Startup(name=f"Startup {{n}}", slug=f"bench-startup-{{n}}", founded_year=2022, stage="mvp", sector="mobility",
            city="Casablanca", description="Des solutions pour la ville.") for n in range({entries})])
StartupMember.objects.bulk_create([StartupMember(startup=s, user=u, role="owner") for s, u in zip(startups, users)])
theme = challenge.themes.first()
now = timezone.now()
entries = []
for n, startup in enumerate(startups):
    entry = Submission(challenge=challenge, startup=startup, status="submitted", theme=theme, title=f"Projet {{n}}",
        problem="p" * 800, solution="s" * 1200, target_users="u" * 300, impact="i" * 600, traction="t" * 300,
        business_model="b" * 300, team="e" * 300, deck_filename="deck.pdf", deck_pages=12, deck_size=len(deck12),
        rules_accepted_at=now, submitted_at=now)
    entry.deck.save(f"bench-{{n}}.pdf", ContentFile(deck12), save=False)
    entries.append(entry)
Submission.objects.bulk_create(entries)

figures = {{}}
for pages in (20, 100):
    data = pdf(pages)
    figures[f"deck_{{pages}}_ms"] = timed(lambda: deck_check(SimpleUploadedFile("d.pdf", data), max_mb=15, max_pages=200), 20)
broken = pdf(20)[:-300]
def refuse():
    try:
        deck_check(SimpleUploadedFile("d.pdf", broken), max_mb=15, max_pages=200)
    except DeckError:
        pass
figures["deck_broken_ms"] = timed(refuse, 20)

founder = users[0]
startup = startups[0]
Submission.objects.filter(startup=startup).delete()
answers = dict(theme=theme, title="Projet", problem="p" * 800, solution="s" * 1200, target_users="u" * 300,
    impact="i" * 600, traction="t" * 300, business_model="b" * 300, team="e" * 300, video_url="")
figures["draft_save_ms"] = timed(lambda: services.entry_save(challenge=challenge, startup=startup, user=founder, data={{"title": "x", "problem": "y" * 500}}), 30)
deck = deck_check(SimpleUploadedFile("d.pdf", deck12), max_mb=15, max_pages=200)
def submit():
    Submission.objects.filter(startup=startup).update(status="draft")
    services.entry_save(challenge=challenge, startup=startup, user=founder, data=answers, deck=deck, accept_rules=True, submit=True)
figures["submit_ms"] = timed(submit, 30)

organiser = Client(HTTP_HOST="localhost"); organiser.force_login(User.objects.get(email="organiser@example.org"))
visitor = Client(HTTP_HOST="localhost"); visitor.cookies["sessionid"] = "none"  # skips the anonymous page cache
some = Submission.objects.filter(challenge=challenge).order_by("pk")[10]
def page(client, url, streaming=False):
    response = client.get(url)
    if streaming:
        b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
rows = [
    ("entries list (50 per page)", organiser, "/admin/startups/entries/", False),
    ("entries list, filtered", organiser, f"/admin/startups/entries/?status=submitted&challenge={{challenge.pk}}", False),
    ("CSV export, all entries", organiser, f"/admin/startups/entries/?export=csv&challenge={{challenge.pk}}", True),
    ("an entry's page", organiser, f"/admin/startups/entries/inspect/{{some.pk}}/", False),
    ("challenge page (fr)", visitor, "/fr/defi-startups/", False),
]
figures["pages"] = []
for label, client, url, streaming in rows:
    page(client, url, streaming)
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        page(client, url, streaming)
    figures["pages"].append([label, timed(lambda: page(client, url, streaming), 10), len(queries)])
figures["entries"] = Submission.objects.filter(challenge=challenge).count()
print(json.dumps(figures))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=300)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(BASE_DIR)}
    tmp = tempfile.TemporaryDirectory(prefix="csc-challenge-")
    database = env.get("DATABASE_URL")
    if database:
        base, _, _name = database.rpartition("/")
        database = f"{base}/casablanca_challenge"
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "DROP DATABASE IF EXISTS casablanca_challenge"], check=True
        )
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "CREATE DATABASE casablanca_challenge"], check=True
        )
    else:
        database = f"sqlite:///{tmp.name}/challenge.sqlite3"
    env["DATABASE_URL"] = database
    env["PRIVATE_MEDIA_ROOT"] = f"{tmp.name}/private"
    env["MEDIA_ROOT"] = f"{tmp.name}/media"
    env["STATIC_ROOT"] = f"{tmp.name}/static"
    try:
        manage("collectstatic", "--no-input", env=env)
        manage("migrate", "--no-input", env=env)
        manage("seed_demo", "--force", env=env)
        figures = run_django(env, SCRIPT.format(entries=args.entries))
    finally:
        tmp.cleanup()

    print(f"database: {database.split(':', 1)[0]}; {figures['entries']} entries in the challenge")
    print(
        f"deck check: 20 pages {figures['deck_20_ms']:.1f} ms, 100 pages {figures['deck_100_ms']:.1f} ms, "
        f"malformed (refused) {figures['deck_broken_ms']:.1f} ms"
    )
    print(
        f"save a draft: {figures['draft_save_ms']:.1f} ms; submit with a deck: {figures['submit_ms']:.1f} ms"
    )
    print(f"{'page':<32} {'ms':>8} {'queries':>8}")
    for label, milliseconds, queries in figures["pages"]:
        print(f"{label:<32} {milliseconds:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
