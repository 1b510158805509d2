"""Serve the demo site with gunicorn and measure its pages.

    .venv/bin/python bench/http_bench.py [--requests 400] [--concurrency 8]

Builds a fresh database (PostgreSQL when DATABASE_URL is set, otherwise a
temporary SQLite file), loads seed_demo, starts gunicorn on 127.0.0.1 with
`--no-control-socket`, then for each page prints requests/s, p50 and p99
latency, the ratio to a trivial view served by the same gunicorn, and the
number of SQL queries one request makes. Traffic only goes to 127.0.0.1 and
stops after the given number of requests.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PAGES = [
    ("trivial view", "/bench/trivial"),
    ("healthz", "/healthz"),
    ("home (fr)", "/fr/"),
    ("home (ar)", "/ar/"),
    ("content page (fr)", "/fr/le-congres/"),
    ("news index (en)", "/en/news/"),
    ("log-in page (ar)", "/ar/accounts/login/"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_until_up(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not come up")


def hammer(port: int, path: str, total: int, concurrency: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            started = time.perf_counter()
            conn.request("GET", path, headers={"Accept-Language": "fr"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return total / (time.perf_counter() - started), latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def count_queries(env: dict) -> dict[str, int]:
    script = (
        "import django, json; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(headers={'host': '127.0.0.1'})\n"
        f"paths = {[path for _, path in PAGES]!r}\n"
        "result = {}\n"
        "for path in paths:\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path)\n"
        "    result[path] = len(queries)\n"
        "print(json.dumps(result))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, check=True, capture_output=True, text=True
    ).stdout
    import json

    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(BASE_DIR)}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    tmp = tempfile.TemporaryDirectory(prefix="csc-bench-")
    database = env.get("DATABASE_URL")
    if database:
        base, _, _name = database.rpartition("/")
        database = f"{base}/casablanca_bench"
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", "DROP DATABASE IF EXISTS casablanca_bench"], check=True
        )
        subprocess.run(["psql", f"{base}/postgres", "-qc", "CREATE DATABASE casablanca_bench"], check=True)
    else:
        database = f"sqlite:///{tmp.name}/bench.sqlite3"
    env["DATABASE_URL"] = database
    env["STATIC_ROOT"] = f"{tmp.name}/static"
    engine = database.split(":", 1)[0]

    manage("collectstatic", "--no-input", env=env)
    manage("migrate", "--no-input", env=env)
    manage("seed_demo", "--force", env=env)
    queries = count_queries(env)

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        wait_until_up(port)
        rows = []
        for name, path in PAGES:
            hammer(port, path, min(50, args.requests), args.concurrency)  # warm-up
            rate, latencies = hammer(port, path, args.requests, args.concurrency)
            rows.append((name, path, rate, percentile(latencies, 0.5), percentile(latencies, 0.99)))
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()

    floor = rows[0][2]
    print(
        f"database: {engine}; gunicorn workers: {args.workers}; concurrency: {args.concurrency}; "
        f"requests per page: {args.requests}"
    )
    print(f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs trivial':>10} {'queries':>8}")
    for name, path, rate, p50, p99 in rows:
        print(
            f"{name:<20} {rate:>8.1f} {p50 * 1000:>8.1f} {p99 * 1000:>8.1f} {rate / floor:>10.2f} "
            f"{queries[path]:>8}"
        )
    median = statistics.median(rate / floor for *_, rate, _p50, _p99 in rows[1:])
    print(f"median ratio to the trivial view: {median:.2f}")


if __name__ == "__main__":
    main()
