"""Every page type of the demo, one test each:

- axe-core finds no violation of WCAG 2.1 A/AA, in a desktop window and, for
  the main pages, in a 320 px wide one, where nothing scrolls sideways;
- with the site's real Content-Security-Policy in force, the page requests
  nothing from another host than its own and the policy blocks nothing.

All problems of a page are collected and reported together."""

import pytest

from .conftest import browser_db, format_violations, run_axe
from .pages import EXPECTED_STATUS, NARROW, PAGES, resolve

pytestmark = [pytest.mark.browser, browser_db]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}


def open_page(context, name, path):
    page = context.new_page()
    response = page.goto(path, wait_until="load")
    assert response is not None, f"No response for {path}"
    expected = EXPECTED_STATUS.get(name, 200)
    assert response.status == expected, f"{path} answered {response.status}, expected {expected}"
    return page


def check_requests(new_context, name, path):
    """Requests to other hosts and Content-Security-Policy violations."""
    context = new_context(viewport=DESKTOP)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    blocked = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            blocked.append(message.text)

    context.on("console", on_console)
    page = open_page(context, name, path)
    page.wait_for_load_state("networkidle")
    server = page.evaluate("location.origin")
    assert requests, f"No request recorded for {path}"
    problems = []
    foreign = [url for url in requests if not url.startswith((server + "/", "data:", "blob:"))]
    if foreign:
        problems.append("requests to other hosts:\n" + "\n".join(f"    {url}" for url in foreign))
    if blocked:
        problems.append("blocked by the Content-Security-Policy:\n" + "\n".join(f"    {text}" for text in blocked))
    return problems


def check_axe(new_context, axe_source, name, path, viewport):
    context = new_context(viewport=viewport)
    page = open_page(context, name, path)
    width = viewport["width"]
    problems = []
    if width <= 400:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            problems.append(f"scrolls sideways at {width} px: the document is {scroll_width} px wide")
    violations = run_axe(page, axe_source)
    if violations:
        problems.append(f"axe found {len(violations)} violation(s) at {width} px:\n{format_violations(violations)}")
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_page(new_context, axe_source, name):
    path = resolve(name)
    problems = check_requests(new_context, name, path)
    problems += check_axe(new_context, axe_source, name, path, DESKTOP)
    if name in NARROW:
        problems += check_axe(new_context, axe_source, name, path, PHONE)
    assert not problems, f"{path}:\n" + "\n".join(f"* {problem}" for problem in problems)


def test_english_interface_declares_its_language(new_context):
    page = new_context().new_page()
    response = page.goto("/en/")
    assert response.status == 200
    assert page.evaluate("document.documentElement.lang") == "en"
    page.goto("/")
    assert page.evaluate("document.documentElement.lang") == "de"
