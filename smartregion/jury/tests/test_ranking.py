"""The jury's ranking: weighted mean over the criteria of the mean score per
criterion, how many jurors rated each idea fully, and their spread; the
ranking page for editors; query counts of the board and the ranking that do
not grow with the ideas and ratings."""

import pytest

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury import ranking as jury_ranking
from smartregion.jury.models import JuryRating
from smartregion.jury.tests.factories import JuryRatingFactory
from smartregion.jury.tests.jury_setup import board_url, jury_process, new_juror, ranking_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def jurors(db):
    return [new_juror(email=f"jury{n}@example.org", name=f"Jury {n}") for n in range(1, 4)]


@pytest.fixture
def process(jurors):
    # "Wirkung" weighs 1, "Machbarkeit" weighs 3.
    return jury_process(*jurors, weights=(1, 3))


def criteria(process):
    return list(process.jury_criteria.order_by("sort_order"))


def rate(idea, juror, *scores):
    for criterion, score in zip(criteria(idea.process), scores, strict=False):
        JuryRatingFactory(idea=idea, criterion=criterion, juror=juror, score=score)


@pytest.fixture
def rated(process, jurors):
    """Three ideas, rated by hand:

    Bürgerbus: juror 1 gives 5 and 3, juror 2 gives 4 and 2, juror 3 rates
    only the first criterion with 3.
      means per criterion: (5 + 4 + 3) / 3 = 4 and (3 + 2) / 2 = 2.5
      score: (1 × 4 + 3 × 2.5) / (1 + 3) = 11.5 / 4 = 2.875
      fully rated by jurors 1 and 2, whose weighted means are
      (5 + 3 × 3) / 4 = 3.5 and (4 + 3 × 2) / 4 = 2.5: spread 1.0
    Dorfladen: juror 1 gives 2 and 5: score (2 + 15) / 4 = 4.25, one juror,
      spread 0
    Repair-Café: nobody rated it: no score, last.
    """
    one, two, three = jurors
    bus = IdeaFactory(process=process, title="Bürgerbus")
    shop = IdeaFactory(process=process, title="Dorfladen")
    cafe = IdeaFactory(process=process, title="Repair-Café")
    rate(bus, one, 5, 3)
    rate(bus, two, 4, 2)
    rate(bus, three, 3)
    rate(shop, one, 2, 5)
    return {"bus": bus, "shop": shop, "cafe": cafe}


def test_the_ranking_computes_weighted_means_counts_and_spread(process, rated):
    wirkung, machbarkeit = criteria(process)
    ranking = jury_ranking.ranking(process)
    assert [entry.idea.title for entry in ranking] == ["Dorfladen", "Bürgerbus", "Repair-Café"]
    shop, bus, cafe = ranking

    assert shop.score == pytest.approx(4.25)
    assert shop.jurors_rated == 1
    assert shop.spread == pytest.approx(0.0)
    assert shop.rank == 1

    assert bus.criterion_means == {wirkung.pk: pytest.approx(4.0), machbarkeit.pk: pytest.approx(2.5)}
    assert bus.score == pytest.approx(2.875)
    assert bus.jurors_rated == 2
    assert bus.spread == pytest.approx(1.0)
    assert bus.rank == 2

    assert cafe.score is None and cafe.spread is None and cafe.rank is None
    assert cafe.jurors_rated == 0


def test_a_criterion_nobody_rated_yet_does_not_pull_the_score_down(process, jurors):
    wirkung, machbarkeit = criteria(process)
    idea = IdeaFactory(process=process)
    JuryRatingFactory(idea=idea, criterion=wirkung, juror=jurors[0], score=4)
    (entry,) = jury_ranking.ranking(process)
    assert entry.score == pytest.approx(4.0)
    assert entry.jurors_rated == 0
    assert entry.spread is None


def test_ratings_of_a_deleted_juror_count_in_the_mean_but_not_as_a_juror(process, jurors):
    idea = IdeaFactory(process=process)
    rate(idea, jurors[0], 5, 5)
    rate(idea, jurors[1], 1, 1)
    jurors[1].delete()
    assert JuryRating.objects.filter(juror__isnull=True).count() == 2
    (entry,) = jury_ranking.ranking(process)
    assert entry.score == pytest.approx(3.0)
    assert entry.jurors_rated == 1


def test_the_ranking_leaves_out_ideas_not_on_the_jury_list(process, jurors):
    IdeaFactory(process=process, title="Zurückgezogen", status=Idea.Status.WITHDRAWN)
    IdeaFactory(title="Anderes Verfahren")
    IdeaFactory(process=process, title="Dabei")
    assert [entry.idea.title for entry in jury_ranking.ranking(process)] == ["Dabei"]


def test_the_ranking_page_shows_scores_counts_spread_and_status(client, editor, process, rated):
    log_in_with_second_factor(client, editor)
    response = client.get(ranking_url(process))
    assert response.status_code == 200
    content = response.content.decode()
    # German number format; 2.875 shown with two places.
    assert "2,88" in content and "4,25" in content
    assert "2 von 3" in content and "1 von 3" in content
    assert "1,00" in content
    assert content.index("Dorfladen") < content.index("Bürgerbus") < content.index("Repair-Café")
    assert "eingereicht" in content
    assert "Ergebnisse veröffentlichen" in content


@pytest.mark.parametrize("person", ["juror", "moderator"])
def test_only_editors_see_the_ranking(client, request, person, process, rated):
    log_in_with_second_factor(client, request.getfixturevalue(person))
    response = client.get(ranking_url(process))
    assert response.status_code == 302
    assert "Dorfladen" not in response.content.decode()


def test_an_unknown_process_has_no_ranking(client, editor):
    log_in_with_second_factor(client, editor)
    assert client.get("/redaktion/jury/gibt-es-nicht/rangliste/").status_code == 404


# Query counts.


def seed(process, jurors, count):
    """`count` ideas, each rated by every juror on every criterion."""
    for number in range(count):
        idea = IdeaFactory(process=process, title=f"Idee {number}")
        for juror in jurors:
            rate(idea, juror, 1 + number % 5, 1 + (number + 2) % 5)


def count_queries(client, url, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


# The board (18): the session, the user, its user and group permissions,
# the second factor's authenticator, Wagtail's user profile; the process
# and its phases; the juror's groups and assigned processes (rules); the
# criteria, the ideas with their municipality, the juror's rated criteria
# per idea (one aggregate); Wagtail's locales and page and collection
# permissions; the menu's Jury item (the juror's processes and their
# phases).
BOARD_QUERIES = 18


@pytest.mark.parametrize("count", [3, 30])
def test_the_board_queries_do_not_grow_with_the_ideas(client, process, jurors, count, django_assert_num_queries):
    seed(process, jurors, count)
    log_in_with_second_factor(client, jurors[0])
    client.get(board_url(process))  # warm Wagtail's per-process caches
    response = count_queries(client, board_url(process), django_assert_num_queries, BOARD_QUERIES)
    assert f"Sie haben {count} von {count} Ideen bewertet." in response.content.decode()


# The ranking (18): the same six queries for the request and the second
# factor; the editor's groups; the process and its phases; the criteria, the
# ideas, the means per idea and criterion and the sums per idea and juror
# (two aggregates), the number of jurors; Wagtail's locales, page and
# collection permissions and its explorer's root page.
RANKING_QUERIES = 18


@pytest.mark.parametrize("count", [3, 30])
def test_the_ranking_queries_do_not_grow_with_the_ideas_and_ratings(
    client, editor, process, jurors, count, django_assert_num_queries
):
    seed(process, jurors, count)
    log_in_with_second_factor(client, editor)
    client.get(ranking_url(process))
    response = count_queries(client, ranking_url(process), django_assert_num_queries, RANKING_QUERIES)
    assert response.content.decode().count('class="jury-winner"') == count


def test_the_ranking_itself_takes_four_queries(process, jurors, django_assert_num_queries):
    seed(process, jurors, 20)
    with django_assert_num_queries(4):
        ranking = jury_ranking.ranking(process)
    assert len(ranking) == 20
    assert all(entry.jurors_rated == 3 for entry in ranking)
