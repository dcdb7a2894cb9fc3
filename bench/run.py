"""Benchmark of the participation pages: seed, serve with gunicorn, measure.

For each size (1,000 and 10,000 ideas by default) it prepares a separate
SQLite database in bench/results/ (the demo from `seed_demo`, plus the ideas
from bench/seed.py; reused when present), starts gunicorn on 127.0.0.1 with
the production settings, and measures requests per second and p50/p99
latency of a minimal Django view (the baseline), the home page, the
Ideenspeicher and an idea page, anonymous and logged in, with a small
asyncio load generator (one keep-alive connection per client, reopened when
the server closes it). It prints a table and writes the figures as JSON to
bench/results/.

    .venv/bin/python bench/run.py                  # both sizes, 10 s per page
    .venv/bin/python bench/run.py --ideas 1000 --seconds 3
"""

import argparse
import asyncio
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"

# Targets of the issue.
FRACTION_ANONYMOUS = 0.6
FRACTION_LOGGED_IN = 0.25
P99_MS = 60
SIZE_TOLERANCE = 0.10
# Mixed mode (issue 12): the share of the read-only throughput the
# anonymous Ideenspeicher and idea pages keep at this many writes a
# second, and the writes' median latency.
MIXED_TARGETS = {2: 0.8, 10: 0.5}
MIXED_PAGES = ("ideenspeicher", "idea")
WRITE_P50_MS = 100


@dataclass
class Result:
    ideas: int
    page: str
    who: str
    path: str
    requests: int = 0
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    statuses: dict = field(default_factory=dict)
    cache_hits: int = 0
    fraction: float | None = None
    # Of the minimal view for the same kind of visitor (a logged-in request
    # pays for its session and user in the minimal view too).
    fraction_same: float | None = None
    # Mixed mode (--writes): the writes per second paced during the
    # measurement (0: read only), the read throughput as a fraction of the
    # read-only run of the same page in the same round, and the writes'
    # own figures (answers other than 2xx/3xx count as write errors).
    writes_per_second: float = 0
    read_fraction: float | None = None
    writes: int = 0
    write_p50_ms: float = 0.0
    write_p99_ms: float = 0.0
    write_errors: int = 0
    write_statuses: dict = field(default_factory=dict)


# --- Preparing the databases -------------------------------------------------


def server_env(db: Path, ideas: int) -> dict:
    """The environment of every Django process of one run: production
    settings (DEBUG off) with what a laptop needs instead of a proxy and
    TLS."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{db}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": HOST,
        "PAGE_CACHE_DIR": str(RESULTS / f"pagecache-{ideas}"),
        "BENCH_STATIC_ROOT": str(RESULTS / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("REDIS_URL", None)
    return env


def manage(env: dict, *args: str, quiet=True):
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def copy_database(source: Path, target: Path):
    """A consistent copy, WAL included (the backup API, not a file copy)."""
    target.unlink(missing_ok=True)
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def prepare(ideas: int, reseed: bool) -> dict:
    """The database with `ideas` bench ideas and its meta data (the idea to
    measure, the accounts). Reused unless `reseed`; migrated in any case."""
    RESULTS.mkdir(exist_ok=True)
    base = RESULTS / "base.sqlite3"
    db = RESULTS / f"bench-{ideas}.sqlite3"
    meta_file = RESULTS / f"bench-{ideas}.json"
    if reseed:
        for path in (meta_file, db, base):
            path.unlink(missing_ok=True)
    if meta_file.exists() and db.exists():
        print(f"[{ideas}] reusing {db.relative_to(ROOT)}", flush=True)
        manage(server_env(db, ideas), "migrate", "--no-input")
        return json.loads(meta_file.read_text())
    if not base.exists():
        print("[base] migrate and seed_demo (once) ...", flush=True)
        env = server_env(base, 0)
        manage(env, "migrate", "--no-input")
        manage(env, "seed_demo", "--force")
    print(f"[{ideas}] seeding {ideas} ideas into {db.relative_to(ROOT)} ...", flush=True)
    started = time.monotonic()
    copy_database(base, db)
    env = server_env(db, ideas)
    manage(env, "migrate", "--no-input")
    subprocess.run([PYTHON, "-m", "bench.seed", str(ideas), "--meta", str(meta_file)], cwd=ROOT, env=env, check=True)
    print(f"[{ideas}] seeded in {time.monotonic() - started:.0f} s", flush=True)
    return json.loads(meta_file.read_text())


# --- The server -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(ideas: int, workers: int, worker_class: str, threads: int):
    db = RESULTS / f"bench-{ideas}.sqlite3"
    env = server_env(db, ideas)
    shutil.rmtree(env["PAGE_CACHE_DIR"], ignore_errors=True)
    port = free_port()
    log = (RESULTS / f"gunicorn-{ideas}.log").open("w")
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "smartregion.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--chdir",
        str(ROOT),
        "--timeout",
        "60",
    ]
    if worker_class == "gthread":
        command += ["--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {log.name}")
            try:
                status, _, _ = request(port, "GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not answer /healthz within 60 s; see {log.name}")
            time.sleep(0.2)
        yield port
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def request(port, method, path, body=None, headers=None, source=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30, source_address=(source, 0) if source else None)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def cookies_of(headers) -> dict:
    jar = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            jar[key.strip()] = rest.split(";", 1)[0]
    return jar


def log_in(port: int, email: str, password: str, source: str | None = None) -> str:
    """Log in through the allauth form; returns the Cookie header. `source`:
    the loopback address to connect from (allauth allows 30 logins a minute
    per address; the writers of the mixed mode are more people than that)."""
    status, headers, body = request(port, "GET", "/konto/login/", source=source)
    jar = cookies_of(headers)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not match or "csrftoken" not in jar:
        raise SystemExit(f"Login page: status {status}, no CSRF token")
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": match.group(1).decode(), "login": email, "password": password}
    )
    status, headers, _ = request(
        port,
        "POST",
        "/konto/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={jar['csrftoken']}",
        },
        source=source,
    )
    jar |= cookies_of(headers)
    if status != 302 or "sessionid" not in jar:
        raise SystemExit(f"Login as {email} failed: status {status}")
    return "; ".join(f"{key}={value}" for key, value in jar.items())


def writers(port: int, ideas: int, meta: dict, args) -> tuple[list, list, set]:
    """Log in the writers of the mixed mode (bench participants after the
    readers, each from a loopback address of its own) and list the
    ideas they write on: the newest `--write-ideas` of the bench ideas,
    with their authors, and the supports these already have."""
    if str(ROOT) not in sys.path:  # run as a script: bench/ is on the path, not the root
        sys.path.insert(0, str(ROOT))
    from bench.seed import pool_email

    db = RESULTS / f"bench-{ideas}.sqlite3"
    first = args.connections  # the readers are the first participants
    emails = [pool_email(first + number) for number in range(args.writers)]
    with contextlib.closing(sqlite3.connect(db)) as connection:
        users = dict(
            connection.execute(
                f"SELECT email, id FROM accounts_user WHERE email IN ({','.join('?' * len(emails))})", emails
            )
        )
        store = meta["idea_path"].split("/ideen/")[0] + "/"
        rows = connection.execute(
            "SELECT i.id, i.author_id FROM ideas_idea i JOIN participation_process p ON p.id = i.process_id "
            "WHERE p.slug = ? AND i.title LIKE '%(%)' ORDER BY i.id DESC LIMIT ?",
            (store.strip("/").split("/")[-1], args.write_ideas),
        ).fetchall()
        supported = set(
            connection.execute(
                f"SELECT idea_id, user_id FROM ideas_support WHERE idea_id IN ({','.join('?' * len(rows))})",
                [pk for pk, _ in rows],
            )
        )
    people = []
    for number, email in enumerate(emails):
        cookie = log_in(port, email, meta["password"], source=f"127.0.1.{number % 250 + 1}")
        token = cookies_of([("set-cookie", part) for part in cookie.split("; ")])["csrftoken"]
        people.append((cookie, token, users[email]))
    return people, [(pk, author, f"{store}ideen/{pk}/") for pk, author in rows], supported


# --- The load generator ----------------------------------------------------------


async def read_response(reader):
    """Status, whether the server keeps the connection, whether the page
    came from the page cache. Reads the whole body (Content-Length, chunked,
    or until the server closes)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    keep = headers.get("connection", "").lower() != "close" and lines[0].startswith("HTTP/1.1")
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()
        keep = False
    return status, keep, headers.get("x-page-cache") == "hit"


async def client(port, raw_request, warm_until, stop_at, latencies, statuses, hits):
    reader = writer = None
    loop = asyncio.get_running_loop()
    while loop.time() < stop_at:
        if writer is None:
            reader, writer = await asyncio.open_connection(HOST, port)
        started = loop.time()
        writer.write(raw_request)
        try:
            status, keep, hit = await read_response(reader)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
            writer = None
            continue
        finished = loop.time()
        if started >= warm_until and finished <= stop_at:
            latencies.append(finished - started)
            statuses[status] = statuses.get(status, 0) + 1
            hits[0] += hit
        if not keep:
            writer.close()
            writer = None
    if writer is not None:
        writer.close()


@dataclass
class WritePlan:
    """What the writers of the mixed mode do: `rate` writes a second,
    alternately a support and a comment, each by one of `people` (Cookie
    header, CSRF token, user id) on one of `ideas` (pk, author id, path).
    A support is always new: never the author's, never a pair in
    `supported`, which starts with the database's supports of those ideas."""

    rate: float
    people: list
    ideas: list
    supported: set
    serial: int = 0
    chance: random.Random = field(default_factory=lambda: random.Random(12))

    def next_request(self) -> bytes:
        self.serial += 1
        pick = self.chance
        if self.serial % 2:
            for _ in range(1000):
                cookie, token, user = pick.choice(self.people)
                pk, author, path = pick.choice(self.ideas)
                if user != author and (pk, user) not in self.supported:
                    break
            else:
                raise SystemExit("No idea left to support: use more --writers or --write-ideas.")
            self.supported.add((pk, user))
            action = f"{path}unterstuetzen/"
            form = {"csrfmiddlewaretoken": token, "support": "1"}
        else:
            cookie, token, user = pick.choice(self.people)
            pk, author, path = pick.choice(self.ideas)
            action = f"/kommentare/idee/{pk}/neu/"
            form = {
                "csrfmiddlewaretoken": token,
                "text": f"Beitrag {self.serial} aus dem Lasttest: Das würde ich gern nutzen.",
                "submission_key": str(uuid.uuid4()),
                "next": path,
            }
        body = urllib.parse.urlencode(form).encode()
        head = (
            f"POST {action} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\nCookie: {cookie}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body


async def write_once(port, raw, warm_until, stop_at, latencies, statuses):
    loop = asyncio.get_running_loop()
    started = loop.time()
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(raw)
        status, _, _ = await read_response(reader)
    except (asyncio.IncompleteReadError, ConnectionError):
        status = 0  # counted as an error
    finally:
        writer.close()
    if started >= warm_until and started < stop_at:
        latencies.append(loop.time() - started)
        statuses[status] = statuses.get(status, 0) + 1


async def paced_writes(port, plan, warm_until, stop_at, latencies, statuses):
    """One write every 1/rate seconds on the clock, whatever the answers
    take (each in a task of its own, on a new connection), from the start
    of the warm-up to the end of the measurement; those started in the
    measured seconds count."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    tasks = []
    number = 0
    while (due := start + number / plan.rate) < stop_at:
        await asyncio.sleep(max(0, due - loop.time()))
        raw = plan.next_request()
        tasks.append(asyncio.create_task(write_once(port, raw, warm_until, stop_at, latencies, statuses)))
        number += 1
    await asyncio.gather(*tasks)


async def load(port, path, cookies, connections, warmup, seconds, plan=None):
    loop = asyncio.get_running_loop()
    warm_until = loop.time() + warmup
    stop_at = warm_until + seconds
    latencies, statuses, hits = [], {}, [0]
    write_latencies, write_statuses = [], {}
    tasks = []
    for number in range(connections):
        lines = [f"GET {path} HTTP/1.1", f"Host: {HOST}", "Connection: keep-alive", "Accept: text/html"]
        if cookies:
            lines.append(f"Cookie: {cookies[number % len(cookies)]}")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode()
        tasks.append(client(port, raw, warm_until, stop_at, latencies, statuses, hits))
    if plan is not None:
        tasks.append(paced_writes(port, plan, warm_until, stop_at, write_latencies, write_statuses))
    await asyncio.gather(*tasks)
    return latencies, statuses, hits[0], write_latencies, write_statuses


def percentile(values, share):
    return values[min(len(values) - 1, int(len(values) * share))] * 1000 if values else 0.0


def measure(port, ideas, page, who, path, cookies, args, plan=None) -> Result:
    latencies, statuses, hits, write_latencies, write_statuses = asyncio.run(
        load(port, path, cookies, args.connections, args.warmup, args.seconds, plan)
    )
    latencies.sort()
    count = len(latencies)
    result = Result(ideas=ideas, page=page, who=who, path=path, requests=count, seconds=args.seconds)
    if count:
        result.rps = count / args.seconds
        result.p50_ms = percentile(latencies, 0.5)
        result.p99_ms = percentile(latencies, 0.99)
    result.statuses = {str(status): number for status, number in sorted(statuses.items())}
    result.errors = sum(number for status, number in statuses.items() if status != 200)
    result.cache_hits = hits
    if plan is not None:
        write_latencies.sort()
        result.writes_per_second = plan.rate
        result.writes = len(write_latencies)
        result.write_p50_ms = percentile(write_latencies, 0.5)
        result.write_p99_ms = percentile(write_latencies, 0.99)
        result.write_statuses = {str(status): number for status, number in sorted(write_statuses.items())}
        result.write_errors = sum(number for status, number in write_statuses.items() if not 200 <= status < 400)
    return result


# --- Report -----------------------------------------------------------------------


def verdict(result: Result) -> str:
    if result.page == "minimal":
        return ""
    if result.errors:
        return "ERRORS"
    target = FRACTION_ANONYMOUS if result.who == "anonymous" else FRACTION_LOGGED_IN
    misses = []
    if result.fraction is None or result.fraction < target:
        misses.append(f"fraction<{target}")
    if result.p99_ms >= P99_MS:
        misses.append(f"p99>={P99_MS}")
    return "ok" if not misses else "MISS " + ",".join(misses)


def mixed_verdict(r: Result) -> str:
    misses = []
    target = MIXED_TARGETS.get(r.writes_per_second)
    targeted = r.who == "anonymous" and r.page in MIXED_PAGES and target is not None
    if targeted and (r.read_fraction is None or r.read_fraction < target):
        misses.append(f"reads<{target:.0%}")
    if r.write_p50_ms >= WRITE_P50_MS:
        misses.append(f"writes p50>={WRITE_P50_MS}")
    if r.write_errors:
        misses.append("write errors")
    if r.errors:
        misses.append("read errors")
    return "ok" if not misses else "MISS " + ",".join(misses)


def report_mixed(mixed: list[Result], read_only: list[Result]):
    print()
    print(
        "Reads while logged-in people write supports and comments (paced); 'kept' is the share of the "
        "read-only req/s of the same round."
    )
    targets = ", ".join(f"{rate:g}/s >= {share:.0%}" for rate, share in MIXED_TARGETS.items())
    print(
        f"Targets: anonymous {' and '.join(MIXED_PAGES)} keep {targets}; writes p50 < {WRITE_P50_MS} ms, "
        "every write answered 2xx/3xx."
    )
    header = (
        f"{'ideas':>6}  {'page':<14} {'who':<10} {'w/s':>4} {'req/s':>8} {'kept':>5} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'writes':>6} {'w p50':>7} {'w p99':>7} {'w bad':>6}  target"
    )
    print(header)
    print("-" * len(header))
    alone = {(r.ideas, r.page, r.who): r for r in read_only}
    for r in sorted(mixed, key=lambda r: (r.ideas, r.who != "anonymous", r.page, r.writes_per_second)):
        base = alone.get((r.ideas, r.page, r.who))
        if base and r.writes_per_second == min(m.writes_per_second for m in mixed):
            print(
                f"{r.ideas:>6}  {r.page:<14} {r.who:<10} {0:>4} {base.rps:>8.1f} {'':>5} {base.p50_ms:>7.1f} "
                f"{base.p99_ms:>7.1f}  (read only, median round)"
            )
        kept = f"{r.read_fraction:.0%}" if r.read_fraction is not None else "-"
        bad = ",".join(f"{s}:{n}" for s, n in r.write_statuses.items() if not 200 <= int(s) < 400) or "0"
        print(
            f"{r.ideas:>6}  {r.page:<14} {r.who:<10} {r.writes_per_second:>4g} {r.rps:>8.1f} {kept:>5} "
            f"{r.p50_ms:>7.1f} {r.p99_ms:>7.1f} {r.writes:>6} {r.write_p50_ms:>7.1f} {r.write_p99_ms:>7.1f} "
            f"{bad:>6}  {mixed_verdict(r)}"
        )


def report(results: list[Result], args, cores: int, workers: int):
    print()
    print(
        f"cores {cores}, gunicorn {workers} {args.worker_class} workers, {args.connections} connections, "
        f"{args.warmup:g} s warm-up + {args.seconds:g} s per page, median of {args.rounds} round(s)"
    )
    header = (
        f"{'ideas':>6}  {'page':<14} {'who':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'fraction':>8} {'same':>6} {'cached':>7} {'non-200':>8}  target"
    )
    print(header)
    print("-" * len(header))
    mixed = [r for r in results if r.writes_per_second]
    results = [r for r in results if not r.writes_per_second]
    for r in results:
        fraction = f"{r.fraction:.2f}" if r.fraction is not None else "-"
        same = f"{r.fraction_same:.2f}" if r.fraction_same is not None else "-"
        cached = f"{r.cache_hits / r.requests:.0%}" if r.requests else "-"
        errors = ",".join(f"{s}:{n}" for s, n in r.statuses.items() if s != "200") or "0"
        print(
            f"{r.ideas:>6}  {r.page:<14} {r.who:<10} {r.rps:>8.1f} {r.p50_ms:>8.1f} {r.p99_ms:>8.1f} "
            f"{fraction:>8} {same:>6} {cached:>7} {errors:>8}  {verdict(r)}"
        )
    sizes = sorted({r.ideas for r in results})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print()
        print(f"{large} ideas compared with {small} (target: within {SIZE_TOLERANCE:.0%})")
        by_key = {(r.ideas, r.page, r.who): r for r in results}
        for r in results:
            if r.ideas != small or r.page == "minimal":
                continue
            other = by_key.get((large, r.page, r.who))
            if not other or not r.rps:
                continue
            ratio = other.rps / r.rps
            ok = ratio >= 1 - SIZE_TOLERANCE
            print(
                f"  {r.page:<14} {r.who:<10} req/s {r.rps:8.1f} -> {other.rps:8.1f} ({ratio - 1:+.0%}), "
                f"p99 {r.p99_ms:6.1f} -> {other.p99_ms:6.1f} ms  {'ok' if ok else 'MISS'}"
            )
    if mixed:
        report_mixed(mixed, results)
    if cores != 2:
        print(f"\nNote: the p99 target is stated for 2 cores; this machine has {cores}.")


# --- Main --------------------------------------------------------------------------


def page_path(meta: dict, page: str, path: str | None) -> str:
    """The address of `page` in the database of `meta`: the idea page and
    the page of its process (/beteiligung/<slug>/) come from the meta."""
    if page == "idea":
        return meta["idea_path"]
    if page == "process":
        return meta["idea_path"].split("/ideen/")[0] + "/"
    return path


def static_is_current() -> bool:
    """Whether bench/results/static has a manifest newer than every static
    source file (collectstatic takes a while even when nothing changed)."""
    manifest = RESULTS / "static" / "staticfiles.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    sources = [ROOT / "smartregion" / "static", ROOT / "vendor"]
    return all(path.stat().st_mtime <= built for folder in sources for path in folder.rglob("*") if path.is_file())


def collectstatic():
    print("collectstatic ...", flush=True)
    manage(server_env(RESULTS / "base.sqlite3", 0), "collectstatic", "--no-input")


def main(argv=None):
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, nargs="+", default=[1000, 10000], help="sizes to measure")
    parser.add_argument("--seconds", type=float, default=10, help="measured seconds per page")
    parser.add_argument("--warmup", type=float, default=2, help="warm-up seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1, help="repeat the measurements, report the median")
    parser.add_argument("--workers", type=int, default=2 * cores, help="gunicorn workers (default 2 x cores)")
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4, help="threads per worker with gthread")
    parser.add_argument("--pages", nargs="+", help="only these pages (minimal is always measured)")
    parser.add_argument("--anonymous-only", action="store_true")
    parser.add_argument(
        "--writes",
        type=float,
        nargs="+",
        default=[],
        metavar="N",
        help="mixed mode: measure each page again while logged-in people write N supports and comments a second",
    )
    parser.add_argument("--writers", type=int, default=80, help="participants who write in the mixed mode")
    parser.add_argument("--write-ideas", type=int, default=100, help="newest bench ideas the writes go to")
    parser.add_argument("--reseed", action="store_true", help="build the databases again")
    parser.add_argument("--seed-only", action="store_true", help="prepare the databases, measure nothing")
    parser.add_argument(
        "--cpu", action="store_true", help="also print CPU time and queries per request (bench/cpu.py)"
    )
    args = parser.parse_args(argv)

    RESULTS.mkdir(exist_ok=True)
    metas = {ideas: prepare(ideas, args.reseed) for ideas in args.ideas}
    if args.seed_only:
        return
    if not static_is_current():
        collectstatic()
    load_before = os.getloadavg()[0]

    # Every size has its own server, all running at once (idle workers
    # cost memory only), and each page is measured for one size right after
    # the other: a change in the machine's load then hits both alike.
    pages = [
        ("minimal", "/bench/minimal/"),
        ("home", "/"),
        ("ideenspeicher", "/ideenspeicher/"),
        ("process", None),
        ("idea", None),
    ]
    if args.pages:
        pages = [page for page in pages if page[0] == "minimal" or page[0] in args.pages]
    runs = {}
    with contextlib.ExitStack() as servers:
        ports = {
            ideas: servers.enter_context(gunicorn(ideas, args.workers, args.worker_class, args.threads))
            for ideas in metas
        }
        sessions, plans = {}, {}
        for ideas, port in ports.items():
            meta = metas[ideas]
            if not args.anonymous_only:
                # One session per connection, as different people would.
                users = meta["users"][: args.connections]
                sessions[ideas] = [log_in(port, email, meta["password"]) for email in users]
            if args.writes:
                print(f"[{ideas}] logging in {args.writers} writers ...", flush=True)
                plans[ideas] = writers(port, ideas, meta, args)
            # Every worker loads its templates and opens its first
            # connections before anything counts.
            print(f"[{ideas}] warming up the workers ...", flush=True)
            for page, path in pages:
                path = page_path(meta, page, path)
                asyncio.run(load(port, path, None, args.connections, max(args.warmup, 1), 0))
        whos = ["anonymous"] if args.anonymous_only else ["anonymous", "logged in"]
        for round_ in range(1, args.rounds + 1):
            for who in whos:
                for page, path in pages:
                    for ideas, port in ports.items():
                        print(f"[{ideas}] round {round_}: {page} {who} ...", flush=True)
                        cookies = sessions.get(ideas) if who == "logged in" else None
                        path_ = page_path(metas[ideas], page, path)
                        alone = measure(port, ideas, page, who, path_, cookies, args)
                        runs.setdefault((ideas, page, who, 0), []).append(alone)
                        if page == "minimal":
                            continue
                        for rate in args.writes:
                            print(f"[{ideas}] round {round_}: {page} {who} with {rate:g} writes/s ...", flush=True)
                            plan = WritePlan(rate, *plans[ideas])
                            plan.serial = round_ * 100_000 + int(rate * 1000)  # other comments each time
                            mixed = measure(port, ideas, page, who, path_, cookies, args, plan)
                            mixed.read_fraction = mixed.rps / alone.rps if alone.rps else None
                            runs.setdefault((ideas, page, who, rate), []).append(mixed)
    # Of several rounds, the one with the median throughput.
    results = [sorted(rounds, key=lambda r: r.rps)[len(rounds) // 2] for rounds in runs.values()]
    for r in results:
        baseline = next(b for b in results if b.ideas == r.ideas and b.page == "minimal" and b.who == "anonymous")
        r.fraction = r.rps / baseline.rps if baseline.rps else None
        same = next(b for b in results if b.ideas == r.ideas and b.page == "minimal" and b.who == r.who)
        r.fraction_same = r.rps / same.rps if same.rps else None
    results.sort(key=lambda r: (r.ideas, r.who != "anonymous"))

    report(results, args, cores, args.workers)
    load_after = os.getloadavg()[0]
    print(f"Load average (1 min) before {load_before:.1f}, after {load_after:.1f}", end="")
    busy = max(load_before, load_after) > 0.5 * cores
    print(" -- other processes were busy: figures are noisy." if busy else ".")
    if args.cpu:
        for ideas in metas:
            db = RESULTS / f"bench-{ideas}.sqlite3"
            subprocess.run(
                [PYTHON, "-m", "bench.cpu", str(RESULTS / f"bench-{ideas}.json")],
                cwd=ROOT,
                env=server_env(db, ideas) | {"PAGE_CACHE_DIR": str(RESULTS / f"pagecache-cpu-{ideas}")},
                check=True,
            )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"results-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "cores": cores,
                "workers": args.workers,
                "load_average": [load_before, load_after],
                "args": vars(args),
                "results": [asdict(r) for r in results],
            },
            indent=2,
        )
    )
    print(f"\nFigures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
