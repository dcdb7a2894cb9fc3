"""Fixtures of the end-to-end tests: one headless Chromium (Debian's
/usr/bin/chromium, Playwright cannot download its own build here) per test
session, and a live server with the demo content per test.

Run only these tests with `make test PYTEST_ARGS='-m browser'`, or skip them
with `PYTEST_ARGS='-m "not browser"'`.
"""

import base64
import io
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's sync API keeps an asyncio event loop running in the test
# thread; without this Django refuses every database query made there (the
# fixtures seed the database) as coming "from an async context".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# A 1x1 transparent PNG, served instead of real map tiles.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)

# Every browser test needs a transactional database (the live server runs in
# another thread) whose initial content (Wagtail's root page, locale and
# default site from the migrations) comes back after each test's flush.
browser_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium (apt-get install chromium). "
            "Deselect them with -m 'not browser' if you cannot install it.",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright runs, the test thread sees other connection objects
    # than before (Django keeps them in context variables, and Playwright
    # switches context). The test database's serialized initial content,
    # which the serialized rollback of the browser tests restores, is an
    # attribute of the connection: carry it over.
    initial_content = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, content in initial_content.items():
            connections[alias]._test_serialized_contents = content
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # The connections opened in Playwright's context would keep the test
        # database from being dropped at the end of the session.
        connections.close_all()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `make install` (npm ci installs axe-core).", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def demo(live_server):
    """The demo content (with the boundaries of its municipalities, from
    the region folder smartregion/demo/regions/myk10/), created in the test
    database the live server uses."""
    call_command("seed_demo", force=True, stdout=io.StringIO())
    return live_server


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_local(url, server_origin):
    return url.startswith(("data:", "blob:", "about:")) or origin(url) == server_origin


def block_foreign(server_origin):
    """A route handler that lets requests to the live server through and
    aborts all others, so no test touches the network."""

    def handle(route):
        if is_local(route.request.url, server_origin):
            route.continue_()
        else:
            route.abort()

    return handle


# Reports every Content-Security-Policy violation of a page to the test. Added
# to each page before its own scripts run; the browser's own injection is not
# subject to the page's policy.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => {
    window.__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
        + `at ${event.sourceFile}:${event.lineNumber} ${event.sample || ""}`
    );
});
"""


class BrowserProblems:
    """What went wrong in the browser while a test ran: violations of the
    Content Security Policy, uncaught script errors and, in the contexts
    that ask for it (the staff backend), messages the console shows as
    errors. Any of them fails the test."""

    def __init__(self):
        self.found = []

    def watch(self, context, console_errors):
        context.expose_function("__reportCspViolation", lambda text: self.found.append(f"CSP violation: {text}"))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("page", lambda page: self._watch_page(page, console_errors))

    def _watch_page(self, page, console_errors):
        page.on("pageerror", lambda error: self.found.append(f"script error on {page.url}: {error}"))
        if console_errors:
            page.on("console", lambda message: self._console(page, message))

    def _console(self, page, message):
        if message.type != "error":
            return
        # A form sent back with its errors answers 400 on purpose, and the
        # browser logs the status of the page itself as an error; a failed
        # script, style or image (another address) still counts.
        if message.text.startswith("Failed to load resource") and message.location.get("url") == page.url:
            return
        self.found.append(f"console error on {page.url}: {message.text}")

    def assert_none(self):
        assert not self.found, "The browser reported problems:\n" + "\n".join(self.found)


@pytest.fixture
def new_context(browser, demo):
    """Factory of browser contexts bound to the live server; every request to
    another host is aborted (page.on("request") still sees it).

    The page's Content Security Policy applies (axe is injected past it), and
    every violation of it or uncaught script error fails the test; with
    `console_errors=True` so does every error in the console (for the staff
    backend, where a blocked or broken script shows nowhere else)."""
    contexts = []
    problems = BrowserProblems()

    def make(console_errors=False, **options):
        options.setdefault("base_url", demo.url)
        options.setdefault("locale", "de-DE")
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.route("**/*", block_foreign(origin(demo.url)))
        problems.watch(context, console_errors)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    problems.assert_none()


@pytest.fixture
def staff_page(new_context, settings):
    """Factory: a page of a new browser context in which `user` has logged in
    to the backend the real way (password, then the code of the
    authenticator app whose secret is `secret`) and landed on `next_path`.
    Console errors fail the test there."""
    # A code typed in the last moment of its 30-second period is checked in
    # the next one; one period of tolerance keeps the clock out of the test.
    settings.MFA_TOTP_TOLERANCE = 1

    def make(user, secret, next_path="/redaktion/", password=None, **options):
        page = new_context(console_errors=True, **options).new_page()
        log_in_to_backend(page, user, secret, next_path, password=password)
        return page

    return make


def log_in_to_backend(page, user, secret, next_path, password=None):
    """Password, then the code of the authenticator app, as staff log in."""
    from smartregion.accounts.tests.factories import PASSWORD, totp_code

    page.goto(next_path)
    page.wait_for_url(re.compile(r".*/konto/login/.*"))
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(password or PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r".*/konto/2fa/authenticate/.*"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"**{next_path}")


def run_axe(page, axe_source):
    """Run axe-core on the page and return the violations of WCAG 2.1 A and AA."""
    # The backend fades its messages in; axe would measure the contrast of a
    # colour halfway through the transition.
    # (A promise, not page.wait_for_function: its polling evaluates strings,
    # which the page's policy refuses as eval.)
    page.evaluate(
        """() => Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.target && a.effect.target.closest('.messages'))
            .map(a => a.finished.catch(() => null)))"""
    )
    # Evaluated by the browser itself, which the page's Content Security
    # Policy does not restrict: the tests need not switch the policy off.
    page.evaluate("source => (0, eval)(source)", axe_source)
    result = page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    return result["violations"]


class Axe:
    """Runs axe on each page state it is shown and keeps every finding, so
    one run reports all problems of all states. A page wider than the
    window (sideways scrolling) counts as a finding too."""

    def __init__(self, axe_source):
        self.axe_source = axe_source
        self.problems = []

    def check(self, page, name):
        violations = run_axe(page, self.axe_source)
        if violations:
            self.problems.append(f"{name} ({page.url}):\n{format_violations(violations)}")
        width = page.viewport_size["width"]
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            self.problems.append(f"{name} ({page.url}) scrolls sideways at {width} px: {scroll_width} px wide")

    def assert_clean(self):
        assert not self.problems, "axe found violations:\n" + "\n".join(self.problems)


def format_violations(violations):
    """axe's violations as readable lines: rule, impact, help, and for each
    element its CSS selector, its markup and what is wrong with it."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            html = " ".join(node.get("html", "").split())
            summary = "; ".join(line.strip() for line in node.get("failureSummary", "").splitlines() if line.strip())
            summary = summary.replace(":; ", ": ")
            lines.append(f"    at {target}: {html[:160]}")
            lines.append(f"       {summary}")
    return "\n".join(lines)
