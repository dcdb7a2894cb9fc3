"""Start the production topology of deploy/ on one machine, on loopback ports.

    python deploy/stack.py start [--dir DIR]   # starts everything, prints the URLs, returns
    python deploy/stack.py stop [--dir DIR]    # stops what `start` started

What runs, each on its own free port of 127.0.0.1, all files in one folder
(default /tmp/smartregion-stack, or DIR):

- a fresh PostgreSQL cluster (initdb; as the `postgres` user when started by
  root, because PostgreSQL refuses to run as root),
- redis-server without persistence,
- an SMTP sink (aiosmtpd) that writes every mail it receives into mail/,
- `migrate`, `collectstatic` and a small seed (smartregion/stack_tests/seed.py),
- two gunicorn app servers and the django-tasks database worker, started with
  the same command lines as the systemd units in deploy/systemd/,
- nginx with a configuration generated from deploy/nginx/smartregion.conf.

The stack tests use the Python API: `Stack(folder).start()`, `.stop()`,
`.restart_web(0)`, `.mails()`, the URLs in `.urls`.
"""

import argparse
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYTHON = ROOT / ".venv" / "bin" / "python"
DEFAULT_DIR = Path(os.environ.get("STACK_DIR", "/tmp/smartregion-stack"))
SECRET_KEY = "stack-only-secret-key-not-for-production"
WEB_SERVERS = 2
DB_NAME = DB_USER = "smartregion"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float, process=None, what="") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it listened on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within {seconds} s")


def postgres_bin() -> Path:
    """The newest PostgreSQL server from Debian's packages (15 or later)."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/postgres"), key=lambda p: int(p.parent.parent.name))
    if not versions:
        raise RuntimeError("no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)")
    return versions[-1].parent


def unit_commands(unit: str, **variables: str) -> list[list[str]]:
    """The ExecStart lines of deploy/systemd/`unit` as argument lists for
    the stack: the installed paths become the checkout's, `${NAME}` the
    value in `variables` or the unit's own Environment= default."""
    text = (DEPLOY / "systemd" / unit).read_text().replace("\\\n", " ")
    defaults = dict(re.findall(r"^Environment=(\w+)=(\S*)$", text, flags=re.MULTILINE))
    values = {**defaults, **variables}
    commands = []
    for line in re.findall(r"^ExecStart=(.*)$", text, flags=re.MULTILINE):
        line = re.sub(r"\$\{(\w+)\}", lambda found: values[found.group(1)], line)
        words = line.replace("/srv/smartregion/.venv/bin/python", str(PYTHON)).split()
        commands.append(words)
    return commands


def nginx_config(site: str, *, port: int, web_ports: list[int], static: Path, media: Path) -> str:
    """The site file of deploy/nginx with the loopback port, the app servers'
    ports and the stack's folders put in; fails when the file no longer has
    a line it expects, so that the two cannot drift apart silently."""

    def swap(pattern: str, replacement: str, text: str, count: int = 1, flags: int = 0) -> str:
        new, found = re.subn(pattern, replacement, text, flags=re.MULTILINE | flags)
        if found != count:
            raise RuntimeError(f"deploy/nginx/smartregion.conf: expected {count} x {pattern!r}, found {found}")
        return new

    site = swap(r"^# BEGIN http-redirect$.*?^# END http-redirect$\n", "", site, flags=re.DOTALL)
    site = swap(r"^    listen 443 ssl http2;$", f"    listen 127.0.0.1:{port};", site)
    site = swap(r"^    listen \[::\]:443 ssl http2;\n", "", site)
    site = swap(r"^    ssl_certificate(_key)? .*;\n", "", site, count=2)
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in web_ports)
    site = swap(r"^(    server 127\.0\.0\.1:\d+ .*;\n)+", servers, site)
    site = swap(r"alias /var/lib/smartregion/static/;", f"alias {static}/;", site)
    site = swap(r"alias /var/lib/smartregion/media/;", f"alias {media}/;", site)
    return site


class Stack:
    """The topology in `folder`; `start()` writes its state to stack.json so
    that another process (`stack.py stop`) can stop it."""

    def __init__(self, folder: Path = DEFAULT_DIR):
        self.folder = Path(folder)
        self.state_file = self.folder / "stack.json"
        self.state: dict = json.loads(self.state_file.read_text()) if self.state_file.exists() else {}

    # -- what the tests use ---------------------------------------------------

    @property
    def ports(self) -> dict:
        return self.state["ports"]

    @property
    def urls(self) -> dict:
        """nginx, and each app server directly (web: a list)."""
        return {
            "nginx": f"http://127.0.0.1:{self.ports['nginx']}",
            "web": [f"http://127.0.0.1:{p}" for p in self.ports["web"]],
        }

    @property
    def seed(self) -> dict:
        return self.state["seed"]

    def env(self) -> dict:
        """The environment of the app servers and the worker: the variables
        of deploy/smartregion.env.example with the stack's values."""
        ports = self.ports
        nginx = f"http://127.0.0.1:{ports['nginx']}"
        direct = [f"http://127.0.0.1:{p}" for p in ports["web"]]
        env = {
            key: value
            for key, value in os.environ.items()
            if key in {"PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "TZ"}
        }
        env.update(
            DJANGO_SETTINGS_MODULE="smartregion.settings",
            DEBUG="0",
            SECRET_KEY=SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            CSRF_TRUSTED_ORIGINS=",".join([nginx, *direct]),
            SITE_URL=nginx,
            DATABASE_URL=f"postgres://{DB_USER}@127.0.0.1:{ports['postgres']}/{DB_NAME}",
            REDIS_URL=f"redis://127.0.0.1:{ports['redis']}/0",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(ports["smtp"]),
            DEFAULT_FROM_EMAIL="beteiligung@stack.invalid",
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=str(self.folder / "media"),
            DELETION_LOG_DIR=str(self.folder / "deletions"),
            # Plain HTTP on loopback: no redirect to HTTPS, no HSTS.
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            SECURE_HSTS_PRELOAD="0",
            BEHIND_PROXY="1",
            TRUSTED_PROXY_COUNT="1",
            LOG_LEVEL="WARNING",
            PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def mails(self) -> list:
        """The mails the SMTP sink received, oldest first."""
        folder = self.folder / "mail"
        return [message_from_bytes(path.read_bytes(), policy=policy.default) for path in sorted(folder.glob("*.eml"))]

    def served_requests(self, index: int) -> int:
        """How many requests app server `index` has answered (its access log)."""
        log = self.folder / "log" / f"access-web{index}.log"
        return log.read_bytes().count(b"\n") if log.exists() else 0

    def manage(self, *args: str, check=True, capture=False) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            check=check,
            text=True,
            capture_output=capture,
        )

    def psql(self, sql: str) -> str:
        """Run `sql` as the database's owner; returns the output (unaligned)."""
        result = subprocess.run(
            [str(postgres_bin() / "psql"), "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1"]
            + ["-p", str(self.ports["postgres"]), "-U", DB_USER, "-d", DB_NAME, "-c", sql],
            check=True,
            text=True,
            capture_output=True,
        )
        return result.stdout

    # -- the database cluster, for restore drills ---------------------------

    def database_url(self, name: str = DB_NAME) -> str:
        """The DATABASE_URL of database `name` in the stack's cluster."""
        return f"postgres://{DB_USER}@127.0.0.1:{self.ports['postgres']}/{name}"

    def pg_tool(self, tool: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
        """Run PostgreSQL's `tool` (pg_dump, pg_restore, createdb, ...) of
        the cluster's version against the cluster, as the database's owner."""
        kwargs.setdefault("check", True)
        kwargs.setdefault("capture_output", True)
        command = [str(postgres_bin() / tool), "-h", "127.0.0.1", "-p", str(self.ports["postgres"]), "-U", DB_USER]
        return subprocess.run([*command, *args], **kwargs)

    def run_unit(self, unit: str, **variables: str) -> None:
        """Run the ExecStart lines of a oneshot unit in the stack's
        environment, one after the other, as systemd would."""
        for command in unit_commands(unit, **variables):
            subprocess.run(command, cwd=ROOT, env=self.env(), check=True, capture_output=True, text=True)

    # -- start -----------------------------------------------------------------

    def start(self) -> "Stack":
        if self.state.get("pids"):
            raise RuntimeError(f"a stack runs in {self.folder} (stack.py stop --dir {self.folder})")
        started = time.monotonic()
        if self.folder.exists() and any(self.folder.iterdir()):
            # Only a folder a previous stack left (its stack.json) is emptied.
            if not self.state_file.exists():
                raise RuntimeError(f"{self.folder} is not empty and holds no stack: choose another --dir")
            shutil.rmtree(self.folder)
        for name in ["log", "run", "mail", "media", "static", "nginx", "deletions"]:
            (self.folder / name).mkdir(parents=True)
        # nginx's workers (nobody when started by root) and PostgreSQL read
        # below this folder.
        self.folder.chmod(0o755)
        self.state = {
            "ports": {
                "postgres": free_port(),
                "redis": free_port(),
                "smtp": free_port(),
                "nginx": free_port(),
                "web": [free_port() for _ in range(WEB_SERVERS)],
            },
            "pids": {},
        }
        timings = self.state["timings"] = {}

        def step(name, run):
            began = time.monotonic()
            run()
            timings[name] = round(time.monotonic() - began, 1)

        try:
            step("postgres", self._start_postgres)
            step("redis", self._start_redis)
            step("smtp", self._start_smtp)
            step("migrate+collectstatic", self._prepare)
            step("seed", self._seed)
            for index in range(WEB_SERVERS):
                step(f"web{index}", lambda index=index: self._start_web(index))
            step("worker", self._start_worker)
            step("nginx", self._start_nginx)
        except BaseException:
            self._save()
            self.stop()
            raise
        self.state["started_in"] = round(time.monotonic() - started, 1)
        self._save()
        return self

    def _prepare(self):
        # collectstatic needs no database: it runs while migrate does.
        with (self.folder / "log" / "collectstatic.log").open("wb") as log:
            collect = subprocess.Popen(
                [str(PYTHON), "manage.py", "collectstatic", "--no-input", "-v", "0"],
                cwd=ROOT,
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.manage("migrate", "--no-input", "-v", "0")
        if collect.wait() != 0:
            raise RuntimeError(f"collectstatic failed, see {self.folder / 'log' / 'collectstatic.log'}")

    def _seed(self):
        seed = self.manage("shell", "-c", "from smartregion.stack_tests.seed import main; main()", capture=True)
        self.state["seed"] = json.loads(seed.stdout.strip().splitlines()[-1])

    def _save(self):
        self.state_file.write_text(json.dumps(self.state, indent=2))

    def _spawn(self, name: str, command: list[str], **kwargs) -> subprocess.Popen:
        log = (self.folder / "log" / f"{name}.log").open("ab")
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Not ended by a Ctrl-C of the terminal that ran `start`.
            start_new_session=True,
            **kwargs,
        )
        log.close()
        self.state["pids"][name] = process.pid
        return process

    def _start_postgres(self):
        binaries = postgres_bin()
        data = self.folder / "postgres"
        data.mkdir()
        as_postgres = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam("postgres")
            os.chown(data, account.pw_uid, account.pw_gid)
            os.chown(self.folder / "run", account.pw_uid, account.pw_gid)
            as_postgres = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        subprocess.run(
            [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
            + ["--locale", "C.UTF-8", "--no-sync"],
            check=True,
            capture_output=True,
            **as_postgres,
        )
        port = self.ports["postgres"]
        # fsync off: a test cluster that is thrown away, never for production.
        self.state["postgres_data"] = str(data)
        self.state["postgres_as_root"] = bool(as_postgres)
        process = self._spawn(
            "postgres",
            [str(binaries / "postgres"), "-D", str(data), "-p", str(port), "-k", str(self.folder / "run")]
            + ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "full_page_writes=off"]
            + ["-c", "synchronous_commit=off", "-c", "max_connections=200"],
            **as_postgres,
        )
        self._wait_postgres(process)
        psql = [str(binaries / "psql"), "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
        subprocess.run(
            [*psql, "-d", "postgres", "-v", "ON_ERROR_STOP=1"]
            + ["-c", f"CREATE ROLE {DB_USER} LOGIN CREATEDB", "-c", f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}"],
            check=True,
            capture_output=True,
        )

    def _wait_postgres(self, process, seconds=30):
        ready = postgres_bin() / "pg_isready"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"postgres exited, see {self.folder / 'log' / 'postgres.log'}")
            check = subprocess.run(
                [str(ready), "-q", "-h", "127.0.0.1", "-p", str(self.ports["postgres"])], check=False
            )
            if check.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("PostgreSQL did not answer within 30 s")

    def _start_redis(self):
        port = self.ports["redis"]
        process = self._spawn(
            "redis",
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--dir", str(self.folder / "run")],
        )
        wait_for_port(port, 10, process, "redis-server")

    def _start_smtp(self):
        port = self.ports["smtp"]
        process = self._spawn(
            "smtp", [str(PYTHON), __file__, "smtp-sink", "--port", str(port), "--folder", str(self.folder / "mail")]
        )
        wait_for_port(port, 10, process, "the SMTP sink")

    def web_command(self, index: int) -> list[str]:
        """The ExecStart of deploy/systemd/smartregion-web@.service with the
        stack's port and files."""
        port = self.ports["web"][index]
        return [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "smartregion.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--graceful-timeout",
            "20",
            "--timeout",
            "30",
            "--access-logfile",
            str(self.folder / "log" / f"access-web{index}.log"),
            # gunicorn's control socket has one default path for every
            # instance of a user: a second instance would take it over.
            "--no-control-socket",
        ]

    def _start_web(self, index: int):
        process = self._spawn(f"web{index}", self.web_command(index), cwd=ROOT, env=self.env())
        wait_for_port(self.ports["web"][index], 30, process, f"gunicorn {index}")

    def _start_worker(self):
        self._spawn(
            "worker",
            [str(PYTHON), "manage.py", "db_worker", "--queue-name", "*", "--interval", "0.2"]
            + ["--no-reload", "--no-startup-delay"],
            cwd=ROOT,
            env=self.env(),
        )

    def _start_nginx(self):
        folder = self.folder / "nginx"
        site = nginx_config(
            (DEPLOY / "nginx" / "smartregion.conf").read_text(),
            port=self.ports["nginx"],
            web_ports=self.ports["web"],
            static=self.folder / "static",
            media=self.folder / "media",
        )
        (folder / "site.conf").write_text(site)
        temps = "\n".join(
            f"    {name}_temp_path {folder / name};" for name in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        )
        (folder / "nginx.conf").write_text(
            f"""# generated by deploy/stack.py from deploy/nginx/smartregion.conf
daemon off;
worker_processes 2;
pid {folder / "nginx.pid"};
error_log {self.folder / "log" / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log {self.folder / "log" / "nginx-access.log"};
{temps}
    include {folder / "site.conf"};
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        check = subprocess.run([nginx, "-t", "-q", "-c", str(folder / "nginx.conf")], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed: {check.stderr}")
        process = self._spawn("nginx", [nginx, "-c", str(folder / "nginx.conf")])
        wait_for_port(self.ports["nginx"], 10, process, "nginx")

    # -- changes while it runs -------------------------------------------------

    def stop_web(self, index: int, seconds: float = 30) -> None:
        """Stop app server `index` gracefully (SIGTERM: gunicorn stops
        accepting, finishes the requests it has, then exits)."""
        self._end(f"web{index}", signal.SIGTERM, seconds)

    def start_web(self, index: int) -> None:
        self._start_web(index)
        self._save()

    def restart_web(self, index: int) -> None:
        self.stop_web(index)
        self.start_web(index)

    # -- stop ------------------------------------------------------------------

    def _end(self, name: str, sig=signal.SIGTERM, seconds: float = 20) -> None:
        pid = self.state.get("pids", {}).pop(name, None)
        if pid is None:
            return
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                finished, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # not our child (stopped by `stack.py stop`)
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                finished = 0
            if finished:
                return
            time.sleep(0.05)
        os.kill(pid, signal.SIGKILL)

    def stop(self) -> None:
        """Stop everything `start` started, the front first; the folder stays
        (logs, mails) until the next start."""
        pids = self.state.get("pids", {})
        # nginx: QUIT is its graceful stop; PostgreSQL: INT is its fast stop.
        order = [
            ("nginx", signal.SIGQUIT),
            *[(name, signal.SIGTERM) for name in pids if name.startswith("web")],
            ("worker", signal.SIGTERM),
            ("smtp", signal.SIGTERM),
            ("redis", signal.SIGTERM),
            ("postgres", signal.SIGINT),
        ]
        for name, sig in order:
            self._end(name, sig)
        if self.state_file.parent.exists():
            self._save()


def smtp_sink(port: int, folder: Path) -> None:
    """An SMTP server that accepts every mail and writes it to `folder` as
    NNNNNN.eml (written to a temporary name first, then renamed)."""
    import asyncio

    from aiosmtpd.controller import Controller

    class Handler:
        count = 0

        async def handle_DATA(self, server, session, envelope):
            Handler.count += 1
            target = folder / f"{time.time_ns():020d}-{Handler.count:06d}.eml"
            partial = target.with_suffix(".part")
            partial.write_bytes(envelope.original_content or envelope.content)
            partial.rename(target)
            return "250 Message accepted for delivery"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["start", "stop", "smtp-sink"])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of the stack (default %(default)s)")
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.command == "smtp-sink":
        smtp_sink(args.port, args.folder)
        return
    stack = Stack(args.dir)
    if args.command == "stop":
        stack.stop()
        print(f"stopped; logs and mails stay in {args.dir}")
        return
    stack.start()
    print(f"started in {stack.state['started_in']} s ({stack.state['timings']}), files in {args.dir}")
    print(f"  nginx      {stack.urls['nginx']}")
    for index, url in enumerate(stack.urls["web"]):
        print(f"  gunicorn {index}  {url}")
    print(f"  PostgreSQL {stack.env()['DATABASE_URL']}")
    print(f"  Redis      {stack.env()['REDIS_URL']}")
    print(f"  SMTP sink  127.0.0.1:{stack.ports['smtp']} -> {args.dir / 'mail'}")
    print(f"  accounts   {', '.join(stack.seed['users'][:3])}, ... (password {stack.seed['password']})")
    print(f"stop with: python deploy/stack.py stop --dir {args.dir}")


if __name__ == "__main__":
    sys.exit(main())
