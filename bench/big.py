"""The participation pages at 100,000 ideas on PostgreSQL, against 1,000.

Builds one PostgreSQL database per size (default 1,000 and 100,000 ideas in
the Ideenspeicher, each with 10 supports and 5 comments, one of them a
reply: 1,000,000 supports and 500,000 comments at the larger size) with
INSERT ... SELECT over generate_series, then measures in one process per
database, with Django's test client and every cache a dummy one, what each
page costs to build: the Ideenspeicher with every filter and sort, the map
data, the process page, the similar-idea check of the compare step and the
CSV export. It prints latency p50 and queries per request of each page and
the larger size against the smaller one.

    .venv/bin/python bench/big.py                        # build if missing, measure
    .venv/bin/python bench/big.py --rebuild              # build again
    .venv/bin/python bench/big.py --ideas 1000 20000     # other sizes

The server: BENCH_PG (default the local CI server,
postgres://smartregion:smartregion-ci@127.0.0.1:5432); the role needs
CREATEDB. Databases: sr_bench_base (migrated, the demo), sr_bench_<n>.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
PYTHON = sys.executable
SERVER = os.environ.get("BENCH_PG", "postgres://smartregion:smartregion-ci@127.0.0.1:5432")
TOLERANCE = 0.10

# Which ideas get which values: spread so that each filter selects a
# share of them that does not depend on the size.
STATUSES = ["submitted", "submitted", "submitted", "in_review", "in_implementation", "implemented", "not_pursued"]
ON_SITE_CHANNELS_EVERY = 10  # every tenth idea was collected on site


def env_for(database: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"{SERVER}/{database}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "BENCH_NO_CACHE": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "ERROR",
        "BENCH_STATIC_ROOT": str(RESULTS / "static"),
    }


def admin_sql(*statements: str):
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres") as connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def manage(database: str, *args: str):
    subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env_for(database),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare(ideas: int, rebuild: bool):
    """sr_bench_<ideas>, built from a template database with the demo
    unless it exists (and `rebuild` is off); migrated in any case."""
    name = f"sr_bench_{ideas}"
    if rebuild:
        admin_sql(f"DROP DATABASE IF EXISTS {name}")
        if ideas == min(ARGS.ideas):
            admin_sql("DROP DATABASE IF EXISTS sr_bench_base")
    if database_exists(name):
        print(f"[{ideas}] reusing {name}", flush=True)
        manage(name, "migrate", "--no-input")
        return
    if not database_exists("sr_bench_base"):
        print("[base] migrate and seed_demo ...", flush=True)
        admin_sql("CREATE DATABASE sr_bench_base")
        manage("sr_bench_base", "migrate", "--no-input")
        manage("sr_bench_base", "seed_demo", "--force")
    started = time.monotonic()
    admin_sql(f"CREATE DATABASE {name} TEMPLATE sr_bench_base")
    subprocess.run([PYTHON, "-m", "bench.big", "--build", str(ideas)], cwd=ROOT, env=env_for(name), check=True)
    print(f"[{ideas}] built in {time.monotonic() - started:.0f} s", flush=True)


# --- Building (in a Django process on the size's database) -----------------


def _insert_copies(cursor, table: str, template_id: int, overrides: dict, source: str, params: dict):
    """INSERT into `table` one row per row of `source` (a FROM clause that
    names the template row `t`), every column copied from the template
    row `template_id` unless `overrides` gives an SQL expression for it:
    the defaults of the model stay right without being repeated here."""
    from django.db import connection

    columns = [
        column.name for column in connection.introspection.get_table_description(cursor, table) if column.name != "id"
    ]
    values = ", ".join(overrides.get(column, f"t.{column}") for column in columns)
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} FROM {source} AND t.id = %(template)s",
        {**params, "template": template_id},
    )
    return cursor.rowcount


def build(count: int):
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from bench.seed import COMMENTS, HOW, TEXT, WHAT, WHERE, participants
    from smartregion.comments.models import Comment
    from smartregion.ideas.models import Idea
    from smartregion.participation.models import Process
    from smartregion.region.models import FocusArea, Municipality, Topic

    store = Process.objects.get(slug="ideenspeicher")
    municipalities = list(Municipality.objects.order_by("slug").values_list("pk", "seat_lat", "seat_lon"))
    topics = list(Topic.objects.order_by("sort_order").values_list("pk", flat=True))
    focus_areas = list(FocusArea.objects.order_by("pk").values_list("pk", flat=True))
    channels = [value for value, _ in Idea.Channel.choices if value != Idea.Channel.ONLINE]
    texts = [TEXT.format(what=what, where=where, how=how) for what in WHAT for where in WHERE[:1] for how in HOW[:1]]
    # The ideas span one year whatever their number, newest an hour ago.
    step_seconds = 365 * 24 * 3600 / count
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        pool = [user.pk for user in participants()]
        template = Idea.objects.create(process=store, author_id=pool[0], title="Vorlage", text="Vorlage")
        first_new = template.pk
        n_m = len(municipalities) + 1  # the last: the whole region
        added = _insert_copies(
            cursor,
            "ideas_idea",
            template.pk,
            {
                "author_id": "(%(pool)s::bigint[])[g %% 200 + 1]",
                "title": "(%(what)s::text[])[g %% 16 + 1] || ' ' || (%(where)s::text[])[(g / 16) %% 7 + 1]"
                " || ' ' || (%(how)s::text[])[(g / 7) %% 6 + 1] || ' (' || (g + 1) || ')'",
                "text": "(%(texts)s::text[])[g %% 16 + 1]",
                "municipality_id": "(%(muni)s::bigint[])[g %% %(n_m)s + 1]",
                "latitude": "CASE WHEN g %% %(n_m)s < %(n_m)s - 1 AND g %% 4 = 0 "
                "THEN (%(lat)s::float8[])[g %% %(n_m)s + 1] + 0.001 * (g %% 5) END",
                "longitude": "CASE WHEN g %% %(n_m)s < %(n_m)s - 1 AND g %% 4 = 0 "
                "THEN (%(lon)s::float8[])[g %% %(n_m)s + 1] + 0.001 * (g %% 3) END",
                "focus_area_id": "CASE WHEN g %% 3 = 0 THEN (%(focus)s::bigint[])[g / 3 %% %(n_f)s + 1] END",
                "status": "(%(statuses)s::text[])[g %% 7 + 1]",
                "channel": "CASE WHEN g %% 10 = 9 THEN (%(channels)s::text[])[g / 10 %% %(n_c)s + 1] "
                "ELSE 'online' END",
                "support_count": "10",
                "comment_count": "5",
                "created_at": "now() - (%(count)s - g) * %(step)s * interval '1 second'",
                "updated_at": "now() - (%(count)s - g) * %(step)s * interval '1 second'",
            },
            "ideas_idea t, generate_series(0, %(last)s) g WHERE true",
            {
                "pool": pool,
                "what": WHAT,
                "where": WHERE,
                "how": HOW,
                "texts": texts,
                "muni": [pk for pk, _, _ in municipalities] + [None],
                "lat": [lat for _, lat, _ in municipalities] + [None],
                "lon": [lon for _, _, lon in municipalities] + [None],
                "n_m": n_m,
                "focus": focus_areas,
                "n_f": len(focus_areas),
                "statuses": STATUSES,
                "channels": channels,
                "n_c": len(channels),
                "count": count,
                "step": step_seconds,
                "last": count - 1,
            },
        )
        print(f"  {added} ideas ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
        new = "i.id > %(first)s AND i.process_id = %(store)s"
        cursor.execute(
            f"INSERT INTO ideas_idea_topics (idea_id, topic_id) SELECT i.id, (%(topics)s::bigint[])[i.id %% "
            f"%(n_t)s + 1] FROM ideas_idea i WHERE {new}",
            {"topics": topics, "n_t": len(topics), "first": first_new, "store": store.pk},
        )
        # The author's place in the pool: supporters are the ten after it,
        # commenters start twenty after it.
        author_pos = "JOIN unnest(%(pool)s::bigint[]) WITH ORDINALITY AS p(uid, pos) ON p.uid = i.author_id"
        cursor.execute(
            "INSERT INTO ideas_support (idea_id, user_id, created_at) SELECT i.id, "
            f"(%(pool)s::bigint[])[(p.pos - 1 + 1 + k) %% 200 + 1], i.created_at FROM ideas_idea i {author_pos} "
            f"CROSS JOIN generate_series(0, 9) k WHERE {new}",
            {"pool": pool, "first": first_new, "store": store.pk},
        )
        print(f"  {cursor.rowcount} supports ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
        idea_type = ContentType.objects.get_for_model(Idea)
        comment = Comment.objects.create(content_type=idea_type, object_id=template.pk, author_id=pool[0], text="x")
        params = {"pool": pool, "first": first_new, "store": store.pk, "texts": COMMENTS}
        added = _insert_copies(
            cursor,
            "comments_comment",
            comment.pk,
            {
                "object_id": "i.id",
                "author_id": "(%(pool)s::bigint[])[(p.pos - 1 + 20 + k) %% 200 + 1]",
                "text": "(%(texts)s::text[])[k + 1]",
                "created_at": "i.created_at + (k + 1) * interval '10 minutes'",
            },
            f"comments_comment t, ideas_idea i {author_pos} CROSS JOIN generate_series(0, 3) k WHERE {new}",
            params,
        )
        added += _insert_copies(
            cursor,
            "comments_comment",
            comment.pk,
            {
                "object_id": "i.id",
                "parent_id": "c.id",
                "author_id": "i.author_id",
                "text": "(%(texts)s::text[])[5]",
                "created_at": "c.created_at + interval '5 minutes'",
            },
            "comments_comment t, ideas_idea i JOIN comments_comment c ON c.object_id = i.id "
            f"AND c.content_type_id = %(type)s AND c.text = (%(texts)s::text[])[1] WHERE {new}",
            {**params, "type": idea_type.pk},
        )
        print(f"  {added} comments ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
        comment.delete()
        template.delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"  vacuum analyze done ({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)


# --- Measuring (in a Django process on the size's database) ----------------


def pages():
    """(name, path, method) of every figure; `similar` is the query of the
    compare step (ideas.similar.find_similar through its fragment view)."""
    from smartregion.region.models import FocusArea, Municipality, Topic

    municipality = Municipality.objects.order_by("slug").values_list("slug", flat=True).first()
    focus = FocusArea.objects.order_by("pk").values_list("slug", flat=True).first()
    topic = Topic.objects.order_by("sort_order").values_list("slug", flat=True).first()
    store = "/ideenspeicher/"
    return [
        ("store", store),
        ("store sort support", f"{store}?sort=unterstuetzung"),
        ("store sort comments", f"{store}?sort=kommentare"),
        ("store page 50", f"{store}?seite=50"),
        ("store search", f"{store}?q=Dorfladen"),
        ("store search 2 words", f"{store}?q=Radweg+Schule"),
        ("store process", f"{store}?process=ideenspeicher"),
        ("store municipality", f"{store}?municipality={municipality}"),
        ("store whole region", f"{store}?municipality=ganze-region"),
        ("store focus area", f"{store}?focus_area={focus}"),
        ("store topic", f"{store}?topic={topic}"),
        ("store status", f"{store}?status=in_review"),
        ("store channel online", f"{store}?channel=online"),
        ("store channel on site", f"{store}?channel=vor-ort"),
        ("store combined", f"{store}?municipality={municipality}&topic={topic}&status=submitted&sort=unterstuetzung"),
        ("store map view", f"{store}?ansicht=karte"),
        ("map data", f"{store}karte.json"),
        ("map data filtered", f"{store}karte.json?municipality={municipality}&sort=unterstuetzung"),
        ("process page", "/beteiligung/ideenspeicher/"),
        (
            "similar (compare step)",
            "/beteiligung/ideenspeicher/ideen/aehnliche/?title=Dorfladen+im+Ortskern"
            "&text=Ein+kleiner+Laden+mit+Produkten+aus+der+Region",
        ),
        ("csv export", f"{store}ideen.csv"),
        ("csv filtered", f"{store}ideen.csv?municipality={municipality}&status=in_review"),
    ]


def measure(out: Path, requests: int):
    import importlib

    importlib.import_module("smartregion.wsgi")  # set up as the server's workers are
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    figures = {}
    for name, path in pages():
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code != 200:
            raise SystemExit(f"{path}: status {response.status_code}")
        times, queries = [], [0]

        def count(execute, sql, params, many, context, queries=queries):
            queries[0] += 1
            return execute(sql, params, many, context)

        rounds = max(3, requests // 4) if name.startswith("csv") else requests
        with connection.execute_wrapper(count):
            for _ in range(rounds):
                started = time.perf_counter()
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)
                else:
                    response.content  # noqa: B018  (rendered already; kept for symmetry)
                times.append(time.perf_counter() - started)
        figures[name] = {
            "path": path,
            "p50_ms": statistics.median(times) * 1000,
            "queries": queries[0] / rounds,
            "bytes": len(body),
        }
        print(f"  {name:<24} {figures[name]['p50_ms']:8.1f} ms {figures[name]['queries']:5.0f} queries", flush=True)
    out.write_text(json.dumps(figures, indent=2))


# --- Driver --------------------------------------------------------------------


def report(figures: dict):
    sizes = sorted(figures)
    small, large = sizes[0], sizes[-1]
    print()
    print(f"Each page {ARGS.requests} times in one process, every cache a dummy; p50 of the build time.")
    print(f"{large:,} ideas against {small:,} (target: p50 within {TOLERANCE:.0%}, the same queries)")
    header = f"{'page':<24} {f'{small} p50':>10} {'q':>4} {f'{large} p50':>11} {'q':>4} {'ratio':>6}  target"
    print(header)
    print("-" * len(header))
    for name, a in figures[small].items():
        b = figures[large][name]
        ratio = b["p50_ms"] / a["p50_ms"]
        ok = ratio <= 1 + TOLERANCE and b["queries"] <= a["queries"]
        print(
            f"{name:<24} {a['p50_ms']:>10.1f} {a['queries']:>4.0f} {b['p50_ms']:>11.1f} {b['queries']:>4.0f} "
            f"{ratio:>6.2f}  {'ok' if ok else 'MISS'}"
        )


def main(argv=None):
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ideas", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--requests", type=int, default=20, help="requests per page (CSV: a quarter)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    ARGS = parser.parse_args(argv)
    if ARGS.build:
        build(ARGS.build)
        return
    if ARGS.measure:
        import django

        django.setup()
        measure(ARGS.measure, ARGS.requests)
        return
    RESULTS.mkdir(exist_ok=True)
    if not (RESULTS / "static" / "staticfiles.json").exists():
        print("collectstatic ...", flush=True)
        manage("postgres", "collectstatic", "--no-input")
    for ideas in ARGS.ideas:
        prepare(ideas, ARGS.rebuild)
    load_before = os.getloadavg()[0]
    figures = {}
    for ideas in ARGS.ideas:
        print(f"[{ideas}] measuring ...", flush=True)
        out = RESULTS / f"big-{ideas}.json"
        subprocess.run(
            [PYTHON, "-m", "bench.big", "--measure", str(out), "--requests", str(ARGS.requests)],
            cwd=ROOT,
            env=env_for(f"sr_bench_{ideas}"),
            check=True,
        )
        figures[ideas] = json.loads(out.read_text())
    report(figures)
    print(f"Load average (1 min) before {load_before:.1f}, after {os.getloadavg()[0]:.1f}")


ARGS = None

if __name__ == "__main__":
    main()
