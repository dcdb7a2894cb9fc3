"""Real services for the fault tests: a redis-server that a test stops and
starts again, and a database connection to a PostgreSQL port where nothing
listens (the shared cluster is never stopped)."""

import contextlib
import shutil
import socket
import subprocess
import time

import pytest
from django.db import connections

from smartregion.lib.db.postgresql import base as postgresql

REDIS_SERVER = shutil.which("redis-server")
needs_redis = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is not installed")


def free_port() -> int:
    """A loopback port where nothing listens (right now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2) as conn:
        conn.sendall(b"PING\r\n")
        return conn.recv(16).startswith(b"+PONG")
    return False


class RedisServer:
    """A redis-server on a loopback port, without persistence (a cache
    comes back empty), that a test can stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not _answers(self.port):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.02)

    def kill(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None


@contextlib.contextmanager
def silent_server():
    """A loopback port that accepts TCP connections and never answers,
    like a database host that hangs; yields the port."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield server.getsockname()[1]


@contextlib.contextmanager
def database_unreachable(port=None, connect_timeout=2):
    """The default connection points to a PostgreSQL port where nothing
    listens, as if the server were stopped: every query raises the driver's
    real "connection refused" (or, with the `port` of a silent_server(),
    waits `connect_timeout` seconds first). The real connection comes back
    afterwards."""
    original = connections["default"]
    settings_dict = {
        **original.settings_dict,
        "ENGINE": "smartregion.lib.db.postgresql",
        "NAME": "smartregion",
        "USER": "smartregion",
        "PASSWORD": "unused",
        "HOST": "127.0.0.1",
        "PORT": str(port or free_port()),
        "OPTIONS": {"connect_timeout": connect_timeout},
        "CONN_MAX_AGE": 0,
    }
    postgresql.forget_failure()
    broken = postgresql.DatabaseWrapper(settings_dict, alias="default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        postgresql.forget_failure()
        connections["default"] = original
