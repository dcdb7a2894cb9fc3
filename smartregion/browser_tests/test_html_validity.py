"""Every page type of the demo is valid HTML in both languages: the Nu HTML
Checker (vnu.jar from the npm package vnu-jar, run with Debian's Java)
reports no error.

The pages are fetched with Django's test client from the seeded demo, as a
visitor and as a logged-in citizen, written to a folder and checked in one
run of the checker (its start takes longer than checking a page). All
errors of all pages are reported together. No browser is needed, but Java
is: without it the test fails."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from .pages import EXPECTED_STATUS, PAGES, resolve

pytestmark = pytest.mark.django_db

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Pages with forms and personal content, beyond the portal's page types of
# pages.py: (name, path or a function of the seeded database, logged in?).
MORE_PAGES = [
    ("processes", "/beteiligung/", False),
    ("process", "process", False),
    ("idea", "idea", False),
    ("idea-for-a-member", "idea", True),
    ("idea-form", "idea-form", True),
    ("idea-store", "/ideenspeicher/", False),
    ("idea-store-filtered", "/ideenspeicher/?sortierung=unterstuetzung&weg=online", False),
    ("comment-thread", "comments", False),
    ("report-form", "report", True),
    ("hidden-idea", "hidden-idea", False),
    ("objection-form", "objection", True),
    ("events", "/veranstaltungen/", False),
    ("event-archive", "/veranstaltungen/archiv/", False),
    ("event", "event", False),
    ("event-for-a-member", "event", True),
    ("login", "/konto/login/", False),
    ("sign-up", "/konto/signup/", False),
    ("password-reset", "/konto/password/reset/", False),
    ("account", "/konto/", True),
    ("data-export", "/konto/daten/", True),
    ("delete-account", "/konto/loeschen/", True),
]

CITIZEN_EMAIL = "anna@demo.invalid"


def _find(kind):
    from smartregion.events.models import Event
    from smartregion.ideas.models import Idea
    from smartregion.participation.models import Process

    if kind == "process":
        return Process.objects.published().order_by("pk").first().get_absolute_url()
    if kind in ("idea", "idea-form", "comments", "report"):
        idea = Idea.objects.public().filter(comment_count__gt=0).order_by("pk").first()
        if kind == "idea":
            return idea.get_absolute_url()
        if kind == "comments":
            return f"/kommentare/idee/{idea.pk}/"
        if kind == "report":
            return f"/moderation/melden/idee/{idea.pk}/"
        process = next(p for p in Process.objects.published().with_phases() if p.is_open("ideas.submit"))
        return f"{process.get_absolute_url()}ideen/neu/"
    if kind in ("hidden-idea", "objection"):
        from smartregion.moderation.models import ModerationAction

        hide = ModerationAction.objects.filter(action=ModerationAction.Action.HIDE).latest("pk")
        if kind == "objection":
            return f"/moderation/widerspruch/{hide.pk}/"
        return Idea.objects.get(pk=hide.object_id).get_absolute_url()
    if kind == "event":
        return Event.objects.published().upcoming().order_by("starts_at").first().get_absolute_url()
    raise ValueError(kind)


def _hide_an_idea_of(citizen):
    """The placeholder of a hidden idea and the author's objection form are
    page types too: a moderator of the demo hides one of the citizen's
    ideas."""
    from smartregion.accounts.models import User
    from smartregion.ideas.models import Idea
    from smartregion.moderation import actions
    from smartregion.participation.models import HiddenReason

    moderator = User.objects.get(email="moderation@demo.invalid")
    idea = Idea.objects.public().filter(author=citizen).order_by("pk").first()
    actions.hide(idea, moderator, HiddenReason.OFF_TOPIC, "Bitte beim Thema bleiben.")


def _pages():
    """(name, path, logged in) of every page type, German and English."""
    pages = [(name, resolve(name), False) for name in PAGES if name != "english-home"]
    for name, path, member in MORE_PAGES:
        pages.append((name, path if path.startswith("/") else _find(path), member))
    return pages + [(f"{name} (en)", f"/en{path}", member) for name, path, member in pages]


def test_every_page_type_is_valid_html_in_both_languages(client, tmp_path, settings):
    settings.PAGE_CACHE_SECONDS = 0
    java = shutil.which("java")
    assert java, "Java is missing: the HTML checker needs it (apt-get install default-jre-headless)."
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make install` (npm ci installs vnu-jar)."
    call_command("seed_demo", force=True, stdout=io.StringIO())
    from smartregion.accounts.models import User

    citizen = User.objects.get(email=CITIZEN_EMAIL)
    _hide_an_idea_of(citizen)
    files = {}
    for index, (name, path, member) in enumerate(_pages()):
        if member:
            client.force_login(citizen)
        else:
            client.logout()
        response = client.get(path)
        expected = EXPECTED_STATUS.get(name.removesuffix(" (en)"), 200)
        assert response.status_code == expected, f"{name}: {path} answered {response.status_code}"
        file = tmp_path / f"{index:03d}.html"
        file.write_bytes(response.content)
        files[str(file)] = f"{name} {path}"

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    report = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))} line {m.get('lastLine')}: "
        f"{m.get('message')} [{(m.get('extract') or '').strip()[:120]}]"
        for m in errors
    ]
    assert not errors, f"The HTML checker found {len(errors)} error(s):\n" + "\n".join(report)
