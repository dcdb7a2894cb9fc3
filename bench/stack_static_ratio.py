"""Anonymous page through nginx -> gunicorn (page cache) against nginx serving
the same bytes as a static file, on the stack of deploy/stack.py.

    .venv/bin/python bench/stack_static_ratio.py                 # starts a stack, measures, stops it
    .venv/bin/python bench/stack_static_ratio.py --dir /tmp/smartregion-stack   # a running stack
    .venv/bin/python bench/stack_static_ratio.py --seconds 10 --connections 16

Both are measured in one run with the same client: threads, each with one
keep-alive HTTP/1.1 connection to nginx, one request at a time. The client
is Python and shares the machine's cores, so for the static file it is
often the limit: the ratio printed is an upper bound of the gap's inverse
(nginx alone may be faster still).
"""

import argparse
import http.client
import importlib.util
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("deploy_stack", ROOT / "deploy" / "stack.py")
stack_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack_module)


def load(port: int, path: str, seconds: float, connections: int) -> dict:
    latencies: list[float] = []
    errors = []
    lock = threading.Lock()
    start = threading.Barrier(connections + 1)
    end_at = [0.0]

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        start.wait()
        while time.monotonic() < end_at[0]:
            began = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(response.status)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                errors.append(repr(error))
                connection.close()
                continue
            mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    end_at[0] = time.monotonic() + seconds
    start.wait()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / seconds,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)] if latencies else None,
        "errors": len(errors),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, help="folder of a running stack (default: start one)")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--warmup", type=float, default=1)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args(argv)

    own = args.dir is None
    stack = stack_module.Stack(args.dir or Path(tempfile.mkdtemp(prefix="smartregion-stack-bench-")))
    if own:
        print("starting the stack ...", flush=True)
        stack.start()
    try:
        port = stack.ports["nginx"]
        page = stack.seed["idea_path"]
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", page)
        response = connection.getresponse()
        body = response.read()
        assert response.status == 200, response.status
        # The same bytes as a file under STATIC_ROOT, which nginx serves.
        (stack.folder / "static" / "bench-page.html").write_bytes(body)
        static = "/static/bench-page.html"
        results = {}
        for name, path in [("app (page cache)", page), ("nginx static file", static)]:
            load(port, path, args.warmup, args.connections)
            results[name] = load(port, path, args.seconds, args.connections)
        print(f"{len(body)} bytes, {args.connections} connections, {args.seconds} s each")
        for name, figures in results.items():
            print(
                f"  {name:18} {figures['rps']:8.0f} req/s  p50 {figures['p50_ms']:6.1f} ms"
                f"  p99 {figures['p99_ms']:6.1f} ms  errors {figures['errors']}"
            )
        app, static_rps = results["app (page cache)"]["rps"], results["nginx static file"]["rps"]
        print(f"ratio app / static: {app / static_rps:.3f}")
    finally:
        if own:
            stack.stop()


if __name__ == "__main__":
    main()
