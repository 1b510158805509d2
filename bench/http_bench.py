"""Serve the demo site with gunicorn and measure its pages.

    .venv/bin/python bench/http_bench.py [--requests 400] [--concurrency 8]

Builds a fresh database (PostgreSQL when DATABASE_URL is set, otherwise a
temporary SQLite file), loads seed_demo plus a large current edition
(bench/large_edition.py: 3 days, 6 rooms, 162 sessions, 80 speakers), starts
gunicorn on 127.0.0.1 with `--no-control-socket`, then for each page prints
requests/s, p50 and p99 latency, the ratio to a trivial view served by the
same gunicorn, and the number of SQL queries one request makes. "anonymous"
rows are what most visitors get (the page cache); "logged in" rows render
the page on every request. Traffic only goes to 127.0.0.1 and stops after
the given number of requests.
"""

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
ANONYMOUS, LOGGED_IN = "anonymous", "logged in"


def pages(large: dict) -> list[tuple[str, str, str]]:
    session = f"/fr/programme/session/{large['session_slug']}/"
    return [
        ("trivial view", "/bench/trivial", ANONYMOUS),
        ("healthz", "/healthz", ANONYMOUS),
        ("home (fr)", "/fr/", ANONYMOUS),
        ("home (ar)", "/ar/", LOGGED_IN),
        ("content page (fr)", "/fr/le-congres/", ANONYMOUS),
        ("log-in page (ar)", "/ar/accounts/login/", ANONYMOUS),
        ("programme (fr)", "/fr/programme/", ANONYMOUS),
        ("programme (fr)", "/fr/programme/", LOGGED_IN),
        ("programme filtered (ar)", "/ar/programme/?kind=workshop&q=12", LOGGED_IN),
        ("session page (fr)", session, ANONYMOUS),
        ("session page (fr)", session, LOGGED_IN),
        ("speakers index (en)", "/en/speakers/", ANONYMOUS),
        ("schedule.json", "/api/v1/editions/bench/schedule.json", ANONYMOUS),
        ("schedule.xml", "/api/v1/editions/bench/schedule.xml", ANONYMOUS),
        ("schedule.ics", "/api/v1/editions/bench/schedule.ics", ANONYMOUS),
        ("trivial view (again)", "/bench/trivial", ANONYMOUS),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL
    )


def gunicorn_start(env: dict, port: int, *, workers: int, threads: int = 1) -> subprocess.Popen:
    """gunicorn on 127.0.0.1 as in production (`--no-control-socket`), with a deep listen backlog."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--backlog",
            "2048",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
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


def hammer(port: int, path: str, total: int, concurrency: int, cookie: str) -> tuple[float, list[float]]:
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
            conn.request(
                "GET", path, headers={"Accept-Language": "fr", "Accept-Encoding": "gzip", "Cookie": cookie}
            )
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


def run_django(env: dict, script: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", "import django, json; django.setup()\n" + script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"the benchmark script failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def count_queries(env: dict, rows: list[tuple[str, str, str]], cookie: str) -> dict[str, int]:
    """Queries of one request, measured in-process after a warm-up, cache cleared."""
    script = (
        "from django.core.cache import cache\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        f"rows = {rows!r}\n"
        "result = {}\n"
        "for name, path, who in rows:\n"
        "    client = Client(headers={'host': '127.0.0.1'})\n"
        f"    if who == {LOGGED_IN!r}: client.cookies['sessionid'] = {cookie!r}\n"
        "    client.get(path)\n"
        "    cache.clear()\n"
        "    client.get(path)\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path)\n"
        "    cache.clear()\n"
        "    with CaptureQueriesContext(connection) as uncached:\n"
        "        client.get(path)\n"
        "    result[name + '|' + who] = [len(queries), len(uncached)]\n"
        "print(json.dumps(result))\n"
    )
    return run_django(env, script)


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
    large = run_django(env, "from bench.large_edition import build\nprint(json.dumps(build()))")
    rows = pages(large)
    cookie = large["session_cookie"]
    queries = count_queries(env, rows, cookie)

    port = free_port()
    server = gunicorn_start(env, port, workers=args.workers)
    try:
        wait_until_up(port)
        for _name, path, who in rows:  # warm every page once, so no row pays for the first
            hammer(port, path, 20, 2, f"sessionid={cookie}" if who == LOGGED_IN else "")
        time.sleep(2)
        results = []
        for name, path, who in rows:
            cookies = f"sessionid={cookie}" if who == LOGGED_IN else ""
            hammer(port, path, min(50, args.requests), args.concurrency, cookies)  # warm-up
            rate, latencies = hammer(port, path, args.requests, args.concurrency, cookies)
            results.append((name, who, rate, percentile(latencies, 0.5), percentile(latencies, 0.99)))
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()

    # The trivial view is measured first and last; the floor is the mean, so
    # that a slow start (or a warm end) of the machine does not skew ratios.
    floor = (results[0][2] + results[-1][2]) / 2
    print(
        f"database: {engine}; gunicorn workers: {args.workers}; concurrency: {args.concurrency}; "
        f"requests per page: {args.requests}; large edition: {large['sessions']} sessions, "
        f"{large['speakers']} speakers, {large['rooms']} rooms, {large['days']} days"
    )
    print(
        f"{'page':<25} {'visitor':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs trivial':>10} "
        f"{'queries':>8} {'uncached':>9}"
    )
    for name, who, rate, p50, p99 in results:
        cached, uncached = queries[f"{name}|{who}"]
        print(
            f"{name:<25} {who:<10} {rate:>8.1f} {p50 * 1000:>8.1f} {p99 * 1000:>8.1f} {rate / floor:>10.2f} "
            f"{cached:>8} {uncached:>9}"
        )


if __name__ == "__main__":
    main()
