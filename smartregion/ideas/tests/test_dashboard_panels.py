"""The jurors' and the editors' panels on the backend's dashboard."""

import datetime as dt

import pytest
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory, JuryRatingFactory
from smartregion.ideas.tests.jury_setup import board_url, jury_process
from smartregion.ideas.wagtail_hooks import add_editor_panel, add_jury_panel
from smartregion.lib.tests.dashboard import dashboard_request, run_hook
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, process_with_phase

pytestmark = pytest.mark.django_db


def _rate_fully(idea, juror):
    for criterion in idea.process.jury_criteria.all():
        JuryRatingFactory(idea=idea, criterion=criterion, juror=juror, score=3)


def _jury_items(juror):
    panel = run_hook(add_jury_panel, juror)["jury"]
    return {item.url: item.count for item in panel.items}


# Jurors.


def test_a_juror_sees_the_ideas_not_yet_rated_fully_per_process(juror, other_citizen):
    process = jury_process(juror, weights=(1, 2), title="Dorfideen")
    rated, half_rated, _unrated = IdeaFactory.create_batch(3, process=process)
    _rate_fully(rated, juror)
    JuryRatingFactory(idea=half_rated, criterion=process.jury_criteria.first(), juror=juror)
    other = jury_process(juror, title="Stadtideen")
    IdeaFactory(process=other)

    panel = run_hook(add_jury_panel, juror)["jury"]

    assert [(item.label, item.count, item.url) for item in panel.items] == [
        ("Noch nicht bewertete Ideen in „Dorfideen“", 2, board_url(process)),
        ("Noch nicht bewertete Ideen in „Stadtideen“", 1, board_url(other)),
    ]


def test_ratings_of_other_jurors_do_not_count_for_the_juror(juror):
    from smartregion.ideas.tests.jury_setup import new_juror

    colleague = new_juror(email="kollege@example.org")
    process = jury_process(juror, colleague)
    _rate_fully(IdeaFactory(process=process), colleague)

    assert _jury_items(juror) == {board_url(process): 1}


def test_withdrawn_hidden_and_unlisted_ideas_wait_for_no_juror(juror):
    process = jury_process(juror)
    IdeaFactory(process=process, status=Idea.Status.WITHDRAWN)
    IdeaFactory(process=process, moderation=Moderation.HIDDEN)
    shortlist = jury_process(juror, jury_shortlist_only=True)
    IdeaFactory(process=shortlist)
    IdeaFactory(process=shortlist, status=Idea.Status.SHORTLISTED)

    assert _jury_items(juror) == {board_url(process): 0, board_url(shortlist): 1}


def test_processes_whose_jury_does_not_rate_now_are_left_out(juror):
    closed = jury_process(juror, switches=("ideas.submit",))
    IdeaFactory(process=closed)
    not_assigned = jury_process()
    IdeaFactory(process=not_assigned)

    panel = run_hook(add_jury_panel, juror)["jury"]

    assert panel.items == []
    assert "keine Jury" in str(panel.empty_text)


def test_only_jurors_get_the_jury_panel(editor, moderator, guide_mayen, citizen):
    for person in (editor, moderator, guide_mayen, citizen):
        assert run_hook(add_jury_panel, person) == {}


@pytest.mark.parametrize("processes, ideas", [(1, 1), (3, 4)])
def test_the_jury_panel_needs_four_queries_whatever_the_numbers(juror, django_assert_num_queries, processes, ideas):
    for _ in range(processes):
        process = jury_process(juror, weights=(1, 1))
        for idea in IdeaFactory.create_batch(ideas, process=process):
            JuryRatingFactory(idea=idea, criterion=process.jury_criteria.first(), juror=juror)

    request = dashboard_request(juror)
    # The juror's groups, the processes, their phases, the unrated ideas
    # counted per process.
    with django_assert_num_queries(4):
        panels = run_hook(add_jury_panel, request)

    assert [item.count for item in panels["jury"].items] == [ideas] * processes


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


def test_a_juror_finds_the_panel_on_the_dashboard_and_no_panels_about_pages(client, juror):
    process = jury_process(juror, title="Dorfideen")
    IdeaFactory(process=process)
    log_in_with_second_factor(client, juror)

    response = client.get("/redaktion/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Wartet auf Ihre Bewertung" in html
    assert f'href="{board_url(process)}"' in html
    assert "Wartet auf die Redaktion" not in html
    names = {type(panel).__name__ for panel in response.context["panels"]}
    assert "RecentEditsPanel" not in names
    assert "LockedPagesPanel" not in names


def test_an_editor_keeps_the_panels_about_pages(client, editor):
    log_in_with_second_factor(client, editor)

    response = client.get("/redaktion/")

    html = response.content.decode()
    assert "Wartet auf die Redaktion" in html
    assert "Wartet auf Ihre Bewertung" not in html
    names = {type(panel).__name__ for panel in response.context["panels"]}
    assert {"RecentEditsPanel", "LockedPagesPanel"} <= names
