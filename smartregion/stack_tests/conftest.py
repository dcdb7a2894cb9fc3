"""The stack tests run against the production topology of deploy/ started by
deploy/stack.py: PostgreSQL, Redis, an SMTP sink, two gunicorn app servers,
the task worker and nginx, on loopback ports. The stack starts once per
session (`stack` fixture). A missing binary or a service that does not come
up fails the tests: they are never skipped."""

import importlib.util
import itertools
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]

_spec = importlib.util.spec_from_file_location("deploy_stack", ROOT / "deploy" / "stack.py")
stack_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack_module)

# Each client logs in from its own (made-up) address, so that allauth's
# login limit per address does not count the whole test session as one
# visitor. The app servers trust one proxy (TRUSTED_PROXY_COUNT=1): sent
# straight to gunicorn, the last X-Forwarded-For entry is the address.
_addresses = (f"192.0.2.{n % 250 + 1}" for n in itertools.count())


class Client(requests.Session):
    """A visitor: keeps its cookies, fills the CSRF token into POSTs."""

    def __init__(self, base_url: str):
        super().__init__()
        self.base_url = base_url
        self.headers["X-Forwarded-For"] = next(_addresses)

    def request(self, method, url, *args, **kwargs):
        kwargs.setdefault("timeout", 30)
        # Every answer as it is (Session.get would follow redirects).
        kwargs["allow_redirects"] = False
        # The production cookies are marked Secure, which requests keeps to
        # HTTPS; the stack speaks plain HTTP on loopback, so they go along
        # by hand (the one host has them all).
        if self.cookies:
            headers = kwargs.setdefault("headers", {})
            headers["Cookie"] = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)
        return super().request(method, url if url.startswith("http") else self.base_url + url, *args, **kwargs)

    def at(self, base_url: str) -> "Client":
        """The same visitor (cookies, address) on another server."""
        other = Client(base_url)
        other.cookies = self.cookies
        other.headers["X-Forwarded-For"] = self.headers["X-Forwarded-For"]
        return other

    def post_form(self, path: str, data: dict, **kwargs):
        token = self.cookies.get("csrftoken")
        assert token, "no CSRF cookie: GET a page with a form first"
        return self.post(path, data={"csrfmiddlewaretoken": token, **data}, **kwargs)

    def log_in(self, email: str, password: str):
        page = self.get("/konto/login/")
        assert page.status_code == 200, page.status_code
        answer = self.post_form("/konto/login/", {"login": email, "password": password})
        assert answer.status_code == 302, f"login of {email} answered {answer.status_code}"
        return self

    def is_logged_in(self) -> bool:
        answer = self.get("/konto/")
        return answer.status_code == 200


def support_count(html: str, idea_id: int) -> int:
    found = re.search(rf'id="support-count-{idea_id}"><strong>(\d+)</strong>', html)
    assert found, "no support count on the page"
    return int(found.group(1))


@pytest.fixture(scope="session")
def stack():
    folder = Path(tempfile.mkdtemp(prefix="smartregion-stack-"))
    running = stack_module.Stack(folder)
    try:
        running.start()
    except Exception as error:
        logs = folder / "log"
        pytest.fail(f"the stack did not start ({error}); logs in {logs}", pytrace=False)
    yield running
    running.stop()
    # The logs and mails stay for a look after a failure; the bulk goes.
    for bulky in ["postgres", "static"]:
        shutil.rmtree(folder / bulky, ignore_errors=True)


@pytest.fixture
def client_for(stack):
    """client_for("nginx") or client_for(0) / client_for(1): a new visitor of
    nginx or of one app server directly."""

    def make(where) -> Client:
        return Client(stack.urls["nginx"] if where == "nginx" else stack.urls["web"][where])

    return make
