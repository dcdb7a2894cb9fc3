"""The jurors' panel on the backend's dashboard."""

import pytest

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.tests.factories import JuryRatingFactory
from smartregion.jury.tests.jury_setup import board_url, jury_process, new_juror
from smartregion.jury.wagtail_hooks import add_jury_panel
from smartregion.lib.tests.dashboard import dashboard_request, run_hook
from smartregion.participation.models import Moderation

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
