"""Editors mark winners with the jury's public statement and publish the
results; the process page shows the winners only from then on."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury import actions, ranking
from smartregion.jury.tests.jury_setup import jury_process, ranking_url
from smartregion.participation.models import Moderation, Phase
from smartregion.participation.tests.factories import PhaseFactory

pytestmark = pytest.mark.django_db

STATEMENT = "Die Mitfahrbank verbindet die Dörfer ohne neue Buslinie."
RESULTS = "Die Jury hat 40 Ideen gelesen und drei ausgezeichnet."


@pytest.fixture
def process(juror):
    return jury_process(juror, weights=(1, 2), title="Ideenwettbewerb 2021")


@pytest.fixture
def as_editor(client, editor):
    return log_in_with_second_factor(client, editor)


def mark_url(process, idea):
    return f"/redaktion/jury/{process.slug}/rangliste/{idea.pk}/auszeichnen/"


def unmark_url(process, idea):
    return f"/redaktion/jury/{process.slug}/rangliste/{idea.pk}/auszeichnung-entfernen/"


def publish_url(process):
    return f"/redaktion/jury/{process.slug}/ergebnisse/"


def test_an_editor_marks_a_winner_with_a_statement(as_editor, process):
    idea = IdeaFactory(process=process, title="Mitfahrbank")
    response = as_editor.post(mark_url(process, idea), {f"winner-{idea.pk}-statement": f"  {STATEMENT}  "})
    assert response.status_code == 302
    assert response["Location"] == ranking_url(process) + f"#idee-{idea.pk}"
    idea.refresh_from_db()
    assert idea.status == Idea.Status.WINNER
    assert idea.jury_statement == STATEMENT
    assert idea.status_changed_at is not None


def test_a_winner_needs_a_statement(as_editor, process):
    idea = IdeaFactory(process=process)
    response = as_editor.post(mark_url(process, idea), {f"winner-{idea.pk}-statement": "   "})
    assert response.status_code == 200
    assert "warum die Jury diese Idee auszeichnet" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == Idea.Status.SUBMITTED
    assert idea.jury_statement == ""


def test_a_withdrawn_idea_cannot_win(as_editor, process):
    idea = IdeaFactory(process=process, status=Idea.Status.WITHDRAWN)
    as_editor.post(mark_url(process, idea), {f"winner-{idea.pk}-statement": STATEMENT})
    idea.refresh_from_db()
    assert idea.status == Idea.Status.WITHDRAWN


def test_an_editor_takes_an_award_back(as_editor, process):
    idea = IdeaFactory(process=process, status=Idea.Status.WINNER, jury_statement=STATEMENT)
    response = as_editor.post(unmark_url(process, idea))
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.SHORTLISTED
    assert idea.jury_statement == ""


def test_an_idea_of_another_process_is_not_found(as_editor, process):
    elsewhere = IdeaFactory()
    assert as_editor.post(mark_url(process, elsewhere), {}).status_code == 404


@pytest.mark.parametrize("person", ["juror", "moderator"])
def test_only_editors_mark_winners_and_publish(client, request, person, process):
    log_in_with_second_factor(client, request.getfixturevalue(person))
    idea = IdeaFactory(process=process)
    client.post(mark_url(process, idea), {f"winner-{idea.pk}-statement": STATEMENT})
    client.post(publish_url(process), {"results-statement": RESULTS})
    idea.refresh_from_db()
    process.refresh_from_db()
    assert idea.status == Idea.Status.SUBMITTED
    assert process.results_statement == ""
    assert not process.has_begun("jury.results")


def test_the_writes_are_post_only(as_editor, process):
    idea = IdeaFactory(process=process)
    assert as_editor.get(mark_url(process, idea)).status_code == 405
    assert as_editor.get(publish_url(process)).status_code == 405


# Publishing.


def test_publishing_ends_the_jury_phase_and_starts_a_results_phase(as_editor, process):
    jury_phase = process.phases.get()
    response = as_editor.post(publish_url(process), {"results-statement": RESULTS})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.results_statement == RESULTS
    assert process.has_begun("jury.results")
    assert not process.is_open("jury.rate")
    jury_phase.refresh_from_db()
    assert jury_phase.ends_at <= timezone.now()
    results = process.phases.get(opens=["jury.results"])
    assert results.title == "Ergebnisse"
    assert results.ends_at is None
    assert [phase.pk for phase in process.ordered_phases()] == [jury_phase.pk, results.pk]


def test_publishing_needs_a_statement(as_editor, process):
    response = as_editor.post(publish_url(process), {"results-statement": ""})
    assert response.status_code == 200
    assert "Bitte schreiben Sie eine Erklärung zu den Ergebnissen." in response.content.decode()
    process.refresh_from_db()
    assert not process.has_begun("jury.results")
    assert process.phases.count() == 1


def test_publishing_again_only_changes_the_statement(process):
    actions.publish_results(process, RESULTS)
    actions.publish_results(process, "Neue Erklärung")
    process.refresh_from_db()
    assert process.results_statement == "Neue Erklärung"
    assert process.phases.filter(opens=["jury.results"]).count() == 1


def test_the_results_phase_is_named_in_the_site_language_whoever_publishes(process):
    from django.utils import translation

    with translation.override("en"):
        actions.publish_results(process, RESULTS)

    assert process.phases.get(opens=["jury.results"]).title == "Ergebnisse"


def test_a_results_phase_begun_already_is_kept(juror):
    now = timezone.now()
    process = jury_process(juror, switches=("jury.results",))
    actions.publish_results(process, RESULTS, now=now)
    assert process.phases.count() == 1


def test_a_planned_later_phase_still_comes(juror):
    now = timezone.now()
    process = jury_process(juror)
    later = PhaseFactory(
        process=process,
        title="Umsetzung",
        starts_at=now + dt.timedelta(days=30),
        ends_at=now + dt.timedelta(days=60),
        opens=["ideas.comment"],
        sort_order=5,
    )
    results = actions.publish_results(process, RESULTS, now=now)
    assert results.ends_at == later.starts_at
    process = type(process).objects.get(pk=process.pk)
    assert [phase.title for phase in process.ordered_phases()][-2:] == ["Ergebnisse", "Umsetzung"]
    assert process.is_open("ideas.comment", now + dt.timedelta(days=31))
    assert process.has_begun("jury.results", now + dt.timedelta(days=31))


def test_publishing_between_phases_adds_the_results_phase(juror):
    now = timezone.now()
    process = jury_process(juror)
    Phase.objects.filter(process=process).update(ends_at=now - dt.timedelta(days=1))
    results = actions.publish_results(process, RESULTS, now=now)
    assert results.starts_at == now and results.opens == ["jury.results"]


# The public page.


def test_the_process_page_shows_the_winners_only_once_published(as_editor, process, page_tree):
    from django.test import Client

    winner = IdeaFactory(process=process, title="Mitfahrbank")
    IdeaFactory(process=process, title="Dorfladen")
    actions.mark_winner(winner, STATEMENT)
    visitor = Client()

    content = visitor.get(process.get_absolute_url()).content.decode()
    assert "Mitfahrbank" in content
    assert "Die ausgezeichneten Ideen" not in content
    assert STATEMENT not in content

    as_editor.post(publish_url(process), {"results-statement": RESULTS})

    content = visitor.get(process.get_absolute_url()).content.decode()
    assert "Die ausgezeichneten Ideen" in content
    assert RESULTS in content
    assert STATEMENT in content
    assert f'href="{winner.get_absolute_url()}"' in content


def test_published_winners_are_the_public_winners_only(process):
    shown = IdeaFactory(process=process, status=Idea.Status.WINNER, jury_statement=STATEMENT)
    IdeaFactory(process=process, status=Idea.Status.WINNER, moderation=Moderation.HIDDEN)
    IdeaFactory(process=process, status=Idea.Status.SHORTLISTED)
    IdeaFactory(status=Idea.Status.WINNER)
    assert ranking.published_winners(process) == [shown]


def test_the_results_fragment_shows_each_winner_with_its_statement(process):
    winner = IdeaFactory(
        process=process, title="Repair-Café <im Dorf>", status=Idea.Status.WINNER, jury_statement="Gut.\n\nSehr gut."
    )
    html = render_to_string("jury/includes/results.html", {"winners": [winner], "process": process})
    assert "Die ausgezeichneten Ideen" in html
    assert "<article" in html
    assert f'<a href="{winner.get_absolute_url()}">Repair-Café &lt;im Dorf&gt;</a>' in html
    assert "<p>Gut.</p>" in html and "<p>Sehr gut.</p>" in html


def test_the_results_fragment_says_when_nobody_won(process):
    html = render_to_string("jury/includes/results.html", {"winners": [], "process": process})
    assert "Die Jury hat keine Idee ausgezeichnet." in html
