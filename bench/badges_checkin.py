"""Badges and the door: milliseconds per badge, and check-ins per second.

    .venv/bin/python bench/badges_checkin.py [--badges 500] [--checkins 400] [--concurrency 8]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/casablanca .venv/bin/python bench/badges_checkin.py

Builds a fresh database (PostgreSQL `casablanca_door` when DATABASE_URL is set,
else a temporary SQLite file), loads seed_demo and adds `--badges` confirmed
in-person registrations (names in Latin and Arabic script). Then:
1. renders them as one batch (A4 sheets of four) with WeasyPrint and prints
   the milliseconds per badge, and the time of a single A6 badge;
2. starts gunicorn (`--no-control-socket`) and sends `--checkins` POSTs to
   /api/v1/checkin/ with a scanner device's token (issued through
   events.attendance.devices), each with another badge's QR text,
   `--concurrency` at a time, and prints requests/s, the
   p50/p99 latency and how the answers split: all of them should be "ok"
   (each badge goes in once); anything else is printed as a warning.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_bench import free_port, gunicorn_start, manage, percentile, run_django, wait_until_up

BASE_DIR = Path(__file__).resolve().parent.parent

SETUP = """
import json, time
from django.contrib.auth import get_user_model
from events.attendance.checkin import badge_payload
from events.attendance.badges import badges_pdf
from events.attendance.devices import device_issue
from events.models import Edition, Registration, TicketType
edition = Edition.objects.get(is_current=True)
ticket = TicketType.objects.create(edition=edition, name_fr="Pass benchmark", mode="in_person", price=0, role="speaker")
User = get_user_model()
first = ["Salma", "Youssef", "Imane", "Omar", "Leila", "Mehdi", "Khadija", "Anas"]
first_ar = ["سلمى", "يوسف", "إيمان", "عمر", "ليلى", "مهدي", "خديجة", "أنس"]
last = ["Bennani", "Alaoui", "Chraibi", "Lahlou", "Amrani", "Kettani", "Filali", "Berrada"]
last_ar = ["بناني", "العلوي", "الشرايبي", "لحلو", "العمراني", "الكتاني", "الفيلالي", "برادة"]
users = User.objects.bulk_create([User(email=f"badge{{n}}@example.org") for n in range({badges})])
registrations = Registration.objects.bulk_create([
    Registration(edition=edition, user=user, ticket_type=ticket, status="confirmed", reference=f"CSC7-B{{n:05d}}",
        price=0, first_name=first[n % 8], last_name=last[(n // 8) % 8], name_ar=f"{{first_ar[n % 8]}} {{last_ar[(n // 8) % 8]}}",
        organisation="Université Hassan II", consented_at=edition.starts_at)
    for n, user in enumerate(users)])
registrations = list(Registration.objects.filter(ticket_type=ticket).select_related("ticket_type", "edition"))
badges_pdf(registrations[:4], sheet=True)  # warm fonts and templates
started = time.perf_counter()
pdf = badges_pdf(registrations, sheet=True)
batch = time.perf_counter() - started
started = time.perf_counter()
for registration in registrations[:20]:
    badges_pdf([registration])
single = (time.perf_counter() - started) / 20
_device, token = device_issue(edition=edition, name="Bench scanner", actor=None)
print(json.dumps({{"batch_s": batch, "single_s": single, "pdf_bytes": len(pdf), "count": len(registrations),
    "payloads": [badge_payload(r) for r in registrations], "token": token}}))
"""


def checkins(port: int, payloads: list[str], concurrency: int, token: str) -> tuple[float, list[float], dict]:
    auth = f"Bearer {token}"
    queue = iter(enumerate(payloads))
    lock = threading.Lock()
    latencies: list[float] = []
    outcomes: dict[str, int] = {}

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                item = next(queue, None)
            if item is None:
                return
            index, payload = item
            body = json.dumps({"token": payload, "scan_id": f"bench-{index}"})
            started = time.perf_counter()
            conn.request(
                "POST",
                "/api/v1/checkin/",
                body=body,
                headers={"Authorization": auth, "Content-Type": "application/json"},
            )
            response = conn.getresponse()
            answer = (
                json.loads(response.read())
                if response.status == 200
                else {"outcome": f"http {response.status}"}
            )
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                outcomes[answer["outcome"]] = outcomes.get(answer["outcome"], 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(payloads) / (time.perf_counter() - started), latencies, outcomes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--badges", type=int, default=500)
    parser.add_argument("--checkins", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(BASE_DIR)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    tmp = tempfile.TemporaryDirectory(prefix="csc-door-")
    database = env.get("DATABASE_URL")
    if database:
        base, _, _name = database.rpartition("/")
        database = f"{base}/casablanca_door"
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "DROP DATABASE IF EXISTS casablanca_door"], check=True
        )
        subprocess.run(["psql", f"{base}/postgres", "-qc", "CREATE DATABASE casablanca_door"], check=True)
    else:
        database = f"sqlite:///{tmp.name}/door.sqlite3"
    env["DATABASE_URL"] = database
    env["STATIC_ROOT"] = f"{tmp.name}/static"
    manage("collectstatic", "--no-input", env=env)
    manage("migrate", "--no-input", env=env)
    manage("seed_demo", "--force", env=env)
    setup = run_django(env, SETUP.format(badges=args.badges))
    payloads = setup["payloads"][: args.checkins]

    port = free_port()
    server = gunicorn_start(env, port, workers=args.workers, threads=4)
    try:
        wait_until_up(port)
        rate, latencies, outcomes = checkins(port, payloads, args.concurrency, setup["token"])
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()

    print(f"database: {database.split(':', 1)[0]}; gunicorn: {args.workers} workers x 4 threads")
    print(
        f"badges: {setup['count']} in one batch (A4 sheets of four): {setup['batch_s']:.1f} s, "
        f"{setup['batch_s'] * 1000 / setup['count']:.1f} ms per badge, {setup['pdf_bytes'] / 1024:.0f} KiB; "
        f"a single A6 badge: {setup['single_s'] * 1000:.0f} ms"
    )
    print(
        f"check-ins: {len(payloads)} at concurrency {args.concurrency}: {rate:.1f} requests/s, "
        f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms; "
        f"answers: {outcomes}"
    )
    if set(outcomes) != {"ok"}:
        print(f"WARNING: some check-ins were not 'ok': {outcomes}")


if __name__ == "__main__":
    main()
