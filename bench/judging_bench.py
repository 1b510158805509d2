"""Judging at scale: assigning, and computing the results of a round, with the queries they make.

    .venv/bin/python bench/judging_bench.py [--entries 300] [--jurors 25] [--criteria 6] [--reviews 5]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casablanca .venv/bin/python bench/judging_bench.py

Builds a fresh database (PostgreSQL `casablanca_judging` when DATABASE_URL is
set, else a temporary SQLite file) with one challenge, `--entries` eligible
entries, `--jurors` jurors (with random conflicts, 3 %) and a screening round
of `--criteria` criteria needing `--reviews` reviews per entry. Then prints:
- the time and queries to assign every entry (conflict detection included);
- the time and queries to compute the round's results and freeze them in a
  snapshot, once every review is submitted (scores written in bulk);
- the time to compute a final round's Schulze ranking for 10 finalists scored
  by every juror.
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
import datetime, json, random, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from events.models import Edition
from judging import results, services
from judging.models import Assignment, Conflict, Criterion, Juror, Review, Round, Score
from startups.models import Challenge, ChallengeTheme, Startup, StartupMember, Submission

rng = random.Random(42)
now = timezone.now()
edition = Edition.objects.create(number=99, slug="bench", title_fr="Bench", theme_fr="Bench",
    start_date=now.date() + datetime.timedelta(days=60), end_date=now.date() + datetime.timedelta(days=61), venue_fr="Casablanca")
challenge = Challenge.objects.create(edition=edition, title_fr="Défi", summary_fr="x", eligibility_fr="x", rules_fr="x",
    opens_at=now - datetime.timedelta(days=60), submission_deadline=now - datetime.timedelta(days=10),
    shortlist_at=now + datetime.timedelta(days=5), final_pitch_at=now + datetime.timedelta(days=60))
theme = ChallengeTheme.objects.create(challenge=challenge, slug="t", name_fr="Thème")
User = get_user_model()
founders = User.objects.bulk_create([User(email=f"f{{n}}@s{{n}}.example.net") for n in range({entries})])
startups = Startup.objects.bulk_create([Startup(name=f"Startup {{n}}", slug=f"s-{{n}}", founded_year=2022, stage="mvp",
    sector="mobility", city="Casablanca", description="x") for n in range({entries})])
StartupMember.objects.bulk_create([StartupMember(startup=s, user=u, role="owner") for s, u in zip(startups, founders)])
entries = Submission.objects.bulk_create([Submission(challenge=challenge, startup=s, status="eligible", theme=theme,
    title=f"Projet {{n}}", submitted_at=now) for n, s in enumerate(startups)])
users = User.objects.bulk_create([User(email=f"j{{n}}@jury{{n}}.example.net") for n in range({jurors})])
jurors = Juror.objects.bulk_create([Juror(challenge=challenge, name=f"Juror {{n}}", email=u.email, user=u,
    is_chair=(n == 0), accepted_at=now) for n, u in enumerate(users)])
Conflict.objects.bulk_create([Conflict(juror=j, submission=e, source="declared") for j in jurors for e in entries if rng.random() < 0.03])
round_ = Round.objects.create(challenge=challenge, name_fr="Présélection", kind="screening", source="eligible",
    min_reviews={reviews}, opens_at=now - datetime.timedelta(days=5), closes_at=now + datetime.timedelta(days=5))
criteria = [Criterion.objects.create(round=round_, sort_order=n, name_fr=f"Critère {{n}}", weight=1 + n % 3, is_primary=(n == 0))
    for n in range({criteria})]

def measured(function):
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        started = time.perf_counter()
        result = function()
        elapsed = time.perf_counter() - started
    return result, elapsed, len(queries)

plan, assign_s, assign_q = measured(lambda: services.assignments_generate(round_, actor=None))
assignments = list(Assignment.objects.filter(round=round_))
loads = {{}}
for a in assignments:
    loads[a.juror_id] = loads.get(a.juror_id, 0) + 1
reviews = Review.objects.bulk_create([Review(assignment=a, status="submitted", submitted_at=now) for a in assignments])
harsh = {{j.pk: rng.uniform(-2, 2) for j in jurors}}
Score.objects.bulk_create([Score(review=r, criterion=c, value=max(0, min(10, round(rng.uniform(3, 9) + harsh[a.juror_id]))))
    for r, a in zip(reviews, assignments) for c in criteria])
services.round_close(round_=round_, actor=None)
snapshot, compute_s, compute_q = measured(lambda: results.results_compute(round_=round_, actor=None))

# A final: 10 finalists scored by every juror.
Submission.objects.filter(pk__in=[e.pk for e in entries[:10]]).update(status="finalist", finalist_at=now)
final = Round.objects.create(challenge=challenge, name_fr="Finale", kind="final", source="finalists",
    opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=1))
final_criteria = [Criterion.objects.create(round=final, sort_order=n, name_fr=f"C{{n}}", weight=1, is_primary=(n == 0)) for n in range({criteria})]
Conflict.objects.filter(submission__in=entries[:10]).delete()
services.assignments_generate(final, actor=None)
final_assignments = list(Assignment.objects.filter(round=final))
final_reviews = Review.objects.bulk_create([Review(assignment=a, status="submitted", submitted_at=now) for a in final_assignments])
Score.objects.bulk_create([Score(review=r, criterion=c, value=rng.randint(2, 10)) for r in final_reviews for c in final_criteria])
services.round_close(round_=final, actor=None)
final_snapshot, final_s, final_q = measured(lambda: results.results_compute(round_=final, actor=None))
print(json.dumps({{
    "entries": len(entries), "jurors": len(jurors), "criteria": len(criteria), "assignments": len(assignments),
    "uncovered": len(plan.uncovered), "load_spread": max(loads.values()) - min(loads.values()),
    "assign_s": assign_s, "assign_q": assign_q, "compute_s": compute_s, "compute_q": compute_q,
    "reviews": len(snapshot.inputs["reviews"]), "final_s": final_s, "final_q": final_q,
    "final_reviews": len(final_snapshot.inputs["reviews"]), "digest": snapshot.digest[:16],
}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--jurors", type=int, default=25)
    parser.add_argument("--criteria", type=int, default=6)
    parser.add_argument("--reviews", type=int, default=5)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(BASE_DIR)}
    tmp = tempfile.TemporaryDirectory(prefix="csc-judging-")
    database = env.get("DATABASE_URL")
    if database:
        base, _, _name = database.rpartition("/")
        database = f"{base}/casablanca_judging"
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "DROP DATABASE IF EXISTS casablanca_judging"], check=True
        )
        subprocess.run(["psql", f"{base}/postgres", "-qc", "CREATE DATABASE casablanca_judging"], check=True)
    else:
        database = f"sqlite:///{tmp.name}/judging.sqlite3"
    env["DATABASE_URL"] = database
    try:
        manage("migrate", "--no-input", env=env)
        figures = run_django(
            env,
            SCRIPT.format(
                entries=args.entries, jurors=args.jurors, criteria=args.criteria, reviews=args.reviews
            ),
        )
    finally:
        tmp.cleanup()

    print(
        f"database: {database.split(':', 1)[0]}; {figures['entries']} entries, {figures['jurors']} jurors, "
        f"{figures['criteria']} criteria, {args.reviews} reviews per entry"
    )
    print(
        f"assign: {figures['assignments']} assignments in {figures['assign_s'] * 1000:.0f} ms, "
        f"{figures['assign_q']} queries; loads differ by {figures['load_spread']}, "
        f"{figures['uncovered']} entries short of reviews"
    )
    print(
        f"results (screening, {figures['reviews']} reviews): {figures['compute_s'] * 1000:.0f} ms, "
        f"{figures['compute_q']} queries; snapshot {figures['digest']}…"
    )
    print(
        f"results (final, Schulze, 10 finalists × {figures['jurors']} jurors = {figures['final_reviews']} reviews): "
        f"{figures['final_s'] * 1000:.0f} ms, {figures['final_q']} queries"
    )


if __name__ == "__main__":
    main()
