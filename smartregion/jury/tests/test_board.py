"""The juror's board in the backend: every idea on the jury list with the
juror's progress; the others' ratings of an idea stay hidden until the
juror has rated it fully; only assigned jurors, only while the jury phase
runs."""

import pytest

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.models import JuryRating
from smartregion.jury.tests.factories import JuryCriterionFactory, JuryRatingFactory
from smartregion.jury.tests.jury_setup import board_url, jury_process, new_juror, rate_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_juror(db):
    return new_juror(email="zweiter.juror@example.org", name="Zweiter Juror")


@pytest.fixture
def process(juror, other_juror):
    return jury_process(juror, other_juror, weights=(1, 2))


@pytest.fixture
def as_juror(client, juror):
    return log_in_with_second_factor(client, juror)


def criteria(process):
    return list(process.jury_criteria.order_by("sort_order"))


def rate(idea, juror, *scores):
    for criterion, score in zip(criteria(idea.process), scores, strict=False):
        JuryRatingFactory(idea=idea, criterion=criterion, juror=juror, score=score, note="")


def test_the_board_shows_the_progress_over_the_ideas(as_juror, juror, process):
    ideas = [IdeaFactory(process=process, title=f"Idee {n}") for n in range(5)]
    rate(ideas[0], juror, 4, 5)
    rate(ideas[1], juror, 2, 3)
    rate(ideas[2], juror, 3)  # one of two criteria: not rated yet
    response = as_juror.get(board_url(process))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Sie haben 2 von 5 Ideen bewertet." in content
    assert "teilweise bewertet (1 von 2 Kriterien)" in content
    for idea in ideas:
        assert f'href="{rate_url(process, idea)}"' in content
    assert "Kriterium 2" in content and "Gewicht 2" in content


def test_the_others_ratings_of_an_idea_count_for_nobody_elses_progress(as_juror, other_juror, process):
    idea = IdeaFactory(process=process)
    rate(idea, other_juror, 5, 5)
    response = as_juror.get(board_url(process))
    assert "Sie haben 0 von 1 Idee bewertet." in response.content.decode()


def test_the_others_ratings_stay_hidden_until_the_juror_has_rated_the_idea(as_juror, juror, other_juror, process):
    idea = IdeaFactory(process=process)
    rate(idea, other_juror, 1, 4)
    response = as_juror.get(rate_url(process, idea))
    content = response.content.decode()
    assert "sobald Sie diese Idee in allen Kriterien bewertet haben" in content
    assert "Zweiter Juror" not in content
    assert not response.context["others"]

    # Half rated: still hidden.
    rate(idea, juror, 3)
    response = as_juror.get(rate_url(process, idea))
    assert "Zweiter Juror" not in response.content.decode()
    assert not response.context["others"]

    first, second = criteria(process)
    JuryRatingFactory(idea=idea, criterion=second, juror=juror, score=2)
    response = as_juror.get(rate_url(process, idea))
    content = response.content.decode()
    assert "sobald Sie diese Idee" not in content
    assert "Zweiter Juror" in content
    assert [entry["row"] for entry in response.context["others"]] == [[1, 4]]
    # The means of everybody: (3 + 1) / 2 and (2 + 4) / 2.
    assert response.context["means"] == [2.0, 3.0]


def test_a_criterion_added_later_hides_the_others_again_until_rated(as_juror, juror, other_juror, process):
    idea = IdeaFactory(process=process)
    rate(idea, juror, 3, 3)
    rate(idea, other_juror, 5, 5)
    assert as_juror.get(rate_url(process, idea)).context["others"]
    JuryCriterionFactory(process=process, name="Nachhaltigkeit", sort_order=9)
    response = as_juror.get(rate_url(process, idea))
    assert not response.context["others"]
    assert "Zweiter Juror" not in response.content.decode()


def test_a_juror_of_another_process_finds_nothing(client, process):
    stranger = new_juror(email="fremd@example.org", name="Fremde Jurorin")
    jury_process(stranger)
    idea = IdeaFactory(process=process)
    log_in_with_second_factor(client, stranger)
    assert client.get(board_url(process)).status_code == 404
    assert client.get(rate_url(process, idea)).status_code == 404
    response = client.post(rate_url(process, idea), {})
    assert response.status_code == 404
    assert not JuryRating.objects.exists()


def test_an_editor_has_no_board(client, editor, process):
    log_in_with_second_factor(client, editor)
    assert client.get(board_url(process)).status_code == 404


def test_a_moderator_finds_no_board(client, moderator, process):
    log_in_with_second_factor(client, moderator)
    assert client.get(board_url(process)).status_code == 404


def test_a_citizen_does_not_reach_the_backend(client, citizen, process):
    client.force_login(citizen)
    response = client.get(board_url(process))
    assert response.status_code == 302
    assert "Sie haben" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, process):
    response = client.get(board_url(process))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_juror_needs_the_second_factor(client, juror, process):
    client.force_login(juror)
    response = client.get(board_url(process))
    assert response.status_code == 302
    assert "/konto/" in response["Location"]


@pytest.mark.parametrize("switches", [(), ("ideas.submit",), ("jury.results",)])
def test_the_board_is_closed_outside_the_jury_phase(as_juror, juror, switches):
    process = jury_process(juror, switches=switches)
    idea = IdeaFactory(process=process)
    response = as_juror.get(board_url(process), follow=True)
    assert response.redirect_chain[0] == ("/redaktion/jury/", 302)
    assert "gerade nicht" in response.content.decode()
    response = as_juror.get(rate_url(process, idea))
    assert response.status_code == 302
    criterion = process.jury_criteria.get()
    response = as_juror.post(rate_url(process, idea), {f"score_{criterion.pk}": "4"})
    assert response.status_code == 302
    assert not JuryRating.objects.exists()


def test_with_the_shortlist_the_board_shows_only_shortlisted_ideas(as_juror, juror):
    process = jury_process(juror, jury_shortlist_only=True)
    submitted = IdeaFactory(process=process, title="Nicht in der Auswahl")
    shortlisted = IdeaFactory(process=process, title="In der Auswahl", status=Idea.Status.SHORTLISTED)
    response = as_juror.get(board_url(process))
    content = response.content.decode()
    assert "In der Auswahl" in content
    assert "Nicht in der Auswahl" not in content
    assert "Sie haben 0 von 1 Idee bewertet." in content
    assert "nur die Ideen in der Auswahl" in content
    assert as_juror.get(rate_url(process, shortlisted)).status_code == 200
    assert as_juror.get(rate_url(process, submitted)).status_code == 404


def test_withdrawn_and_hidden_ideas_are_not_on_the_board(as_juror, process):
    from smartregion.participation.models import Moderation

    IdeaFactory(process=process, title="Zurückgezogene Idee", status=Idea.Status.WITHDRAWN)
    IdeaFactory(process=process, title="Ausgeblendete Idee", moderation=Moderation.HIDDEN)
    IdeaFactory(process=process, title="Sichtbare Idee")
    content = as_juror.get(board_url(process)).content.decode()
    assert "Sichtbare Idee" in content
    assert "Zurückgezogene Idee" not in content
    assert "Ausgeblendete Idee" not in content
    assert "Sie haben 0 von 1 Idee bewertet." in content


def test_the_jury_menu_shows_for_jurors_while_their_jury_is_open(as_juror, juror, process):
    from smartregion.jury.admin_views import may_see_jury_menu

    assert may_see_jury_menu(juror)
    content = as_juror.get("/redaktion/").content.decode()
    assert '"url": "/redaktion/jury/"' in content


def test_the_jury_menu_is_hidden_from_jurors_without_an_open_jury(client):
    from smartregion.jury.admin_views import may_see_jury_menu

    resting = new_juror(email="ruhend@example.org")
    jury_process(resting, switches=("ideas.submit",))
    assert not may_see_jury_menu(resting)
    content = log_in_with_second_factor(client, resting).get("/redaktion/").content.decode()
    assert '"url": "/redaktion/jury/"' not in content


def test_the_jury_menu_shows_for_editors(client, editor, moderator):
    from smartregion.jury.admin_views import may_see_jury_menu

    assert may_see_jury_menu(editor)
    assert not may_see_jury_menu(moderator)


def test_the_jury_index_lists_the_jurors_processes(as_juror, juror, process):
    closed = jury_process(juror, switches=("jury.results",), title="Abgeschlossener Wettbewerb")
    content = as_juror.get("/redaktion/jury/").content.decode()
    assert f'href="{board_url(process)}"' in content
    assert "Abgeschlossener Wettbewerb" in content
    assert f'href="{board_url(closed)}"' not in content


@pytest.mark.parametrize("other_count", [1, 6])
def test_the_rating_page_queries_do_not_grow_with_the_jurors(
    client, juror, process, other_count, django_assert_num_queries
):
    idea = IdeaFactory(process=process)
    rate(idea, juror, 3, 4)
    for number in range(other_count):
        rate(idea, new_juror(email=f"weitere{number}@example.org", name=f"Weitere {number}"), 2, 5)
    log_in_with_second_factor(client, juror)
    client.get(rate_url(process, idea))
    # As on the board (test_jury_ranking.BOARD_QUERIES), with the idea (its
    # municipality and focus area joined), its ratings with their jurors
    # (one prefetch) and the criteria in place of the board's ideas and
    # counts.
    with django_assert_num_queries(18):
        response = client.get(rate_url(process, idea))
    assert len(response.context["others"]) == other_count


@pytest.mark.parametrize("ideas, text", [(1, "von 1 Idee bewertet"), (2, "von 2 Ideen bewertet")])
def test_the_jury_board_counts_ideas_in_the_right_number(client, juror, ideas, text):
    process = jury_process(juror)
    IdeaFactory.create_batch(ideas, process=process)
    log_in_with_second_factor(client, juror)

    assert text in client.get(board_url(process)).content.decode()
