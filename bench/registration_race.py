"""Contention benchmark: hundreds of people at once for the last seats.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casablanca \\
        .venv/bin/python bench/registration_race.py [--attempts 240] [--seats 50]

Builds a fresh PostgreSQL database (`casablanca_race`, next to DATABASE_URL's),
loads seed_demo, adds a free in-person ticket type with `--seats` seats and a
workshop with as many, and signs in `--attempts` new people. gunicorn serves
the site on 127.0.0.1 (`--no-control-socket`); every person first loads the
form (for its CSRF token), then all of them post at the same instant:
1. the registration form, for the ticket type's last seats;
2. the workshop booking, for the workshop's seats (everyone is registered by then).
For each round it prints attempts, wall time, attempts/s, confirmed per second,
latency p50/p95/p99, how answers split (confirmed, sold out, errors) and the
oversell count (seats given beyond capacity), which must be 0.
"""

import argparse
import http.client
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import free_port, gunicorn_start, manage, percentile, run_django, wait_until_up

BASE_DIR = Path(__file__).resolve().parent.parent
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SETUP = """
import datetime, json
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from events.models import Edition, Session, TicketType
edition = Edition.objects.get(is_current=True)
ticket = TicketType.objects.create(edition=edition, name_fr="Pass benchmark", name_en="Benchmark pass",
    mode="in_person", price=0, quota={seats})
start = datetime.datetime.combine(edition.start_date, datetime.time(17, 0),
    tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
workshop = Session.objects.create(edition=edition, slug="atelier-benchmark", kind="workshop",
    format="in_person", language="fr", title_fr="Atelier benchmark", starts_at=start,
    ends_at=start + datetime.timedelta(hours=1), capacity={seats}, is_published=True)
User = get_user_model()
cookies = []
for n in range({attempts}):
    user = User.objects.create_user(email=f"race{{n}}@example.org", password=None)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    cookies.append(session.session_key)
print(json.dumps({{"ticket": ticket.pk, "workshop": workshop.pk, "cookies": cookies}}))
"""

REGISTER_THE_REST = """
from django.contrib.auth import get_user_model
from events.registration import services as ops
from events.models import ACTIVE_STATUSES, Edition, Registration, TicketType
spare = TicketType.objects.create(edition=Edition.objects.get(is_current=True), name_fr="Pass illimité",
    mode="in_person", price=0)
for user in get_user_model().objects.filter(email__startswith="race"):
    if not Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES).exists():
        ops.registration_start(user=user, ticket_type=spare, attendee=ops.Attendee("Race", "Bench"))
print("{}")
"""

COUNT = """
import json
from events.models import Registration, WorkshopBooking
print(json.dumps({{
    "ticket": Registration.objects.filter(ticket_type_id={ticket}, status="confirmed").count(),
    "workshop": WorkshopBooking.objects.filter(session_id={workshop}, status="booked").count(),
}}))
"""

FORM = {
    "first_name": "Race",
    "last_name": "Bench",
    "country": "MA",
    "city": "Casablanca",
    "phone": "+212 6 00 00 00 00",
    "consent": "on",
}


class Person:
    def __init__(self, port: int, session_key: str):
        self.port = port
        self.cookies = {"sessionid": session_key}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response.status, response.headers.get("Location", ""), text

    def token(self, path: str) -> str:
        status, location, text = self.request("GET", path)
        match = CSRF_FIELD.search(text)
        if not match:
            raise SystemExit(f"no form on {path}: {status} {location}")
        return match.group(1)


def race(people: list[Person], path: str, form_path: str, form: dict, classify) -> dict:
    tokens = [person.token(form_path) for person in people]
    barrier = threading.Barrier(len(people) + 1)
    results: list[tuple[str, float]] = [("", 0.0)] * len(people)

    def attempt(index: int):
        barrier.wait()
        started = time.perf_counter()
        try:
            status, location, text = people[index].request(
                "POST", path, {**form, "csrfmiddlewaretoken": tokens[index]}
            )
            outcome = classify(status, location, text, people[index])
        except OSError as error:
            outcome = f"error {error.__class__.__name__}"
        results[index] = (outcome, time.perf_counter() - started)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(len(people))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    outcomes: dict[str, int] = {}
    for outcome, _latency in results:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    latencies = [latency for _outcome, latency in results]
    return {"wall": wall, "outcomes": outcomes, "latencies": latencies}


def classify_registration(status, location, text, person):
    if status == 302 and location.endswith("/register/me/"):
        return "confirmed"
    if status == 200 and "Sold out: there is no seat left for this ticket." in text:
        return "sold out"
    return f"other {status}"


def classify_booking(status, location, text, person):
    if status != 302:
        return f"other {status}"
    page = person.request("GET", "/en/register/me/")[2]
    if "Your seat in this workshop is booked." in page:
        return "confirmed"
    if "This workshop is full." in page:
        return "sold out"
    return "other 302"


def report(name: str, result: dict, attempts: int, seats: int, confirmed_in_db: int) -> None:
    outcomes = result["outcomes"]
    latencies = result["latencies"]
    confirmed = outcomes.get("confirmed", 0)
    errors = attempts - confirmed - outcomes.get("sold out", 0)
    print(
        f"{name:<13} {attempts:>8} {result['wall']:>8.2f} {attempts / result['wall']:>10.1f} "
        f"{confirmed / result['wall']:>12.1f} {percentile(latencies, 0.5) * 1000:>8.0f} "
        f"{percentile(latencies, 0.95) * 1000:>8.0f} {percentile(latencies, 0.99) * 1000:>8.0f} "
        f"{confirmed:>10} {outcomes.get('sold out', 0):>9} {errors:>7} {max(0, confirmed_in_db - seats):>10}"
    )
    if errors:
        print(f"  unexpected answers: {outcomes}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--attempts", type=int, default=240)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    args = parser.parse_args()

    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith("postgres"):
        raise SystemExit(
            "This benchmark needs PostgreSQL (row locks): "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/casablanca"
        )
    base, _, _name = database.rpartition("/")
    database = f"{base}/casablanca_race"
    subprocess.run(["psql", f"{base}/postgres", "-qc", "DROP DATABASE IF EXISTS casablanca_race"], check=True)
    subprocess.run(["psql", f"{base}/postgres", "-qc", "CREATE DATABASE casablanca_race"], check=True)
    tmp = tempfile.TemporaryDirectory(prefix="csc-race-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(BASE_DIR),
        "DATABASE_URL": database,
        "STATIC_ROOT": f"{tmp.name}/static",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage("collectstatic", "--no-input", env=env)
    manage("migrate", "--no-input", env=env)
    manage("seed_demo", "--force", env=env)
    setup = run_django(env, SETUP.format(seats=args.seats, attempts=args.attempts))

    port = free_port()
    server = gunicorn_start(env, port, workers=args.workers, threads=args.threads)
    try:
        wait_until_up(port)
        people = [Person(port, key) for key in setup["cookies"]]
        tickets = race(
            people,
            "/en/register/",
            "/en/register/",
            {**FORM, "ticket_type": setup["ticket"]},
            classify_registration,
        )
        run_django(env, REGISTER_THE_REST)
        path = f"/en/register/workshops/{setup['workshop']}/book/"
        workshops = race(people, path, "/en/register/me/", {}, classify_booking)
        counts = run_django(env, COUNT.format(ticket=setup["ticket"], workshop=setup["workshop"]))
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()

    print(
        f"database: postgresql; gunicorn: {args.workers} workers x {args.threads} threads; "
        f"{args.attempts} people at once for {args.seats} seats"
    )
    print(
        f"{'round':<13} {'attempts':>8} {'wall s':>8} {'attempts/s':>10} {'confirmed/s':>12} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'confirmed':>10} {'sold out':>9} {'errors':>7} "
        f"{'oversold':>10}"
    )
    report("ticket type", tickets, args.attempts, args.seats, counts["ticket"])
    report("workshop", workshops, args.attempts, args.seats, counts["workshop"])


if __name__ == "__main__":
    main()
