"""The editors' panel on the backend's dashboard (the jurors' panel is
tested in jury/tests/test_dashboard_panel.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.ideas.wagtail_hooks import add_editor_panel
from smartregion.lib.tests.dashboard import dashboard_request, run_hook
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, process_with_phase

pytestmark = pytest.mark.django_db


# Editors.


def test_editors_see_the_ideas_awaiting_an_answer_and_the_phases_beginning_soon(editor):
    IdeaFactory.create_batch(2)
    IdeaFactory(status=Idea.Status.IN_REVIEW)
    IdeaFactory(moderation=Moderation.PENDING)
    IdeaFactory(moderation=Moderation.HIDDEN)
    now = timezone.now()
    soon = process_with_phase()
    PhaseFactory(process=soon, starts_at=now + dt.timedelta(days=8), ends_at=None)
    PhaseFactory(process=soon, starts_at=now + dt.timedelta(days=3), ends_at=now + dt.timedelta(days=4))
    PhaseFactory(process=soon, starts_at=now + dt.timedelta(days=5), ends_at=None)
    later = ProcessFactory()
    PhaseFactory(process=later, starts_at=now + dt.timedelta(days=9), ends_at=None)

    panel = run_hook(add_editor_panel, editor)["editors"]

    (ideas_label, ideas_count, ideas_url), (phases_label, phases_count, phases_url) = [
        (item.label, item.count, item.url) for item in panel.items
    ]
    assert (ideas_label, ideas_count, ideas_url) == (
        "Eingereichte Ideen ohne Antwort",
        2,
        "/redaktion/ideen/?status=submitted",
    )
    assert phases_count == 1
    assert phases_url == "/redaktion/beteiligungsverfahren/"


def test_only_editors_get_the_editors_panel(juror, moderator, guide_mayen, admin, citizen):
    for person in (juror, moderator, guide_mayen, admin, citizen):
        assert run_hook(add_editor_panel, person) == {}


@pytest.mark.parametrize("count", [1, 5])
def test_the_editors_panel_needs_three_queries_whatever_the_numbers(editor, django_assert_num_queries, count):
    IdeaFactory.create_batch(count)
    for _ in range(count):
        PhaseFactory(starts_at=timezone.now() + dt.timedelta(days=1))

    request = dashboard_request(editor)
    # The editor's groups, the ideas counted, the processes counted.
    with django_assert_num_queries(3):
        panels = run_hook(add_editor_panel, request)

    assert [item.count for item in panels["editors"].items] == [count, count]


# On the dashboard.


def test_an_editor_keeps_the_panels_about_pages(client, editor):
    log_in_with_second_factor(client, editor)

    response = client.get("/redaktion/")

    html = response.content.decode()
    assert "Wartet auf die Redaktion" in html
    assert "Wartet auf Ihre Bewertung" not in html
    names = {type(panel).__name__ for panel in response.context["panels"]}
    assert {"RecentEditsPanel", "LockedPagesPanel"} <= names
