"""CPU time and database queries per request of each benchmark page, in one
process (Django's test client: no server, no network, no concurrency).

Throughput depends on everything else the machine does; the CPU time of one
request much less. run.py --cpu prints this table after its own, so that a
run on a busy machine still shows where a page stands:

    DATABASE_URL=sqlite:///bench/results/bench-1000.sqlite3 DJANGO_SETTINGS_MODULE=bench.settings \\
        python -m bench.cpu bench/results/bench-1000.json
"""

import argparse
import importlib
import json
import time
from pathlib import Path


def measure(client, path, requests):
    """(CPU ms per request, queries per request, bytes, status)."""
    from django.db import connection

    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    response = client.get(path)  # templates loaded, caches filled
    with connection.execute_wrapper(count):
        started = time.process_time()
        for _ in range(requests):
            client.get(path)
        cpu = time.process_time() - started
    return cpu / requests * 1000, queries[0] / requests, len(response.content), response.status_code


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("meta", type=Path, help="bench-<n>.json of the database")
    parser.add_argument("--requests", type=int, default=20, help="requests per page")
    args = parser.parse_args(argv)
    # Set up as the server's workers are (smartregion/wsgi.py: the start's
    # objects frozen out of the garbage collector's full passes), so that
    # one such pass does not land on a page's figures.
    importlib.import_module("smartregion.wsgi")
    from django.test import Client

    meta = json.loads(args.meta.read_text())
    anonymous = Client(HTTP_HOST="127.0.0.1")
    member = Client(HTTP_HOST="127.0.0.1")
    response = member.post("/konto/login/", {"login": meta["users"][0], "password": meta["password"]})
    if response.status_code != 302:
        raise SystemExit(f"Login failed: status {response.status_code}")
    pages = [
        ("minimal", "/bench/minimal/"),
        ("home", "/"),
        ("ideenspeicher", "/ideenspeicher/"),
        ("process", meta["idea_path"].split("/ideen/")[0] + "/"),
        ("idea", meta["idea_path"]),
    ]
    rows = []
    for who, client in [("anonymous", anonymous), ("logged in", member)]:
        for page, path in pages:
            rows.append((page, who, *measure(client, path, args.requests)))
    baseline = rows[0][2]
    print(f"\nIn one process, {meta['ideas']} ideas ({args.requests} requests per page):")
    print(f"  {'page':<14} {'who':<10} {'CPU ms':>7} {'x minimal':>9} {'queries':>7} {'KB':>6} status")
    for page, who, cpu, queries, size, status in rows:
        ratio = cpu / baseline
        print(f"  {page:<14} {who:<10} {cpu:>7.1f} {ratio:>9.1f} {queries:>7.0f} {size / 1024:>6.1f} {status}")


if __name__ == "__main__":
    main()
