"""/suche/: full-text search over municipalities (with their member places)
and published pages."""

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.cms.views import RESULTS_PER_PAGE
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.fixture
def pellenz(db):
    return MunicipalityFactory(
        name="Verbandsgemeinde Pellenz", slug="pellenz", places=["Kretz", "Kruft", "Nickenich", "Plaidt", "Saffig"]
    )


@pytest.fixture
def news_item(page_tree):
    return NewsPageFactory(
        parent=page_tree.news_index,
        title="Neues aus dem Projektbüro",
        slug="neues",
        teaser="Die Sprechstunde für Vereine beginnt im Herbst.",
    )


@pytest.mark.django_db
def test_it_finds_a_municipality_by_the_name_of_a_member_place(client, page_tree, pellenz):
    response = client.get("/suche/", {"q": "Kruft"})

    assert response.status_code == 200
    assert response.context["municipalities"] == [pellenz]
    assert '<a href="/kommunen/pellenz/">Verbandsgemeinde Pellenz</a>' in response.text
    assert "Ein Treffer für „Kruft“." in response.text


@pytest.mark.django_db
def test_it_finds_a_municipality_by_its_name(client, page_tree, pellenz):
    response = client.get("/suche/", {"q": "Pellenz"})

    assert response.context["municipalities"] == [pellenz]


@pytest.mark.django_db
def test_it_finds_a_news_item_by_a_word_of_its_teaser(client, page_tree, news_item):
    response = client.get("/suche/", {"q": "Sprechstunde"})

    assert response.status_code == 200
    assert [page.specific for page in response.context["results"]] == [news_item]
    assert '<a href="/aktuelles/neues/">Neues aus dem Projektbüro</a>' in response.text
    assert "Die Sprechstunde für Vereine beginnt im Herbst." in response.text


@pytest.mark.django_db
def test_it_pages_many_results_and_keeps_the_query_in_the_page_links(client, page_tree):
    for number in range(RESULTS_PER_PAGE + 1):
        NewsPageFactory(parent=page_tree.news_index, title=f"Glasfaser {number}", teaser="Glasfaser für alle Orte.")

    first = client.get("/suche/", {"q": "Glasfaser"})
    second = client.get("/suche/", {"q": "Glasfaser", "seite": "2"})

    assert len(first.context["results"]) == RESULTS_PER_PAGE
    assert f"{RESULTS_PER_PAGE + 1} Treffer für „Glasfaser“." in first.text
    assert 'href="?q=Glasfaser&amp;seite=2" rel="next"' in first.text
    assert len(second.context["results"]) == 1
    assert 'href="?q=Glasfaser&amp;seite=1" rel="prev"' in second.text


@pytest.mark.django_db
def test_it_does_not_find_unpublished_news(client, page_tree, news_item):
    news_item.unpublish()

    response = client.get("/suche/", {"q": "Sprechstunde"})

    assert "nichts gefunden" in response.text


@pytest.mark.django_db
def test_it_says_clearly_when_nothing_was_found(client, page_tree, pellenz, news_item):
    response = client.get("/suche/", {"q": "xqzvwk"})

    assert response.status_code == 200
    assert "Zu „xqzvwk“ haben wir nichts gefunden." in response.text
    assert '<a href="/themen/">Alle Themen</a>' in response.text
    assert '<a href="/kommunen/">Alle Kommunen</a>' in response.text


@pytest.mark.django_db
def test_without_a_query_it_shows_just_the_form(client, page_tree, pellenz):
    response = client.get("/suche/")

    assert response.status_code == 200
    assert '<input id="search-q" type="search" name="q" value="">' in response.text
    assert 'role="status"' not in response.text
    assert "nichts gefunden" not in response.text
    assert response.context["results"] is None


@pytest.mark.django_db
def test_a_blank_query_counts_as_no_query(client, page_tree):
    response = client.get("/suche/", {"q": "   "})

    assert "nichts gefunden" not in response.text
    assert response.context["query"] == ""


@pytest.mark.django_db
def test_it_escapes_the_query_in_the_page(client, page_tree):
    response = client.get("/suche/", {"q": "<script>alert(1)</script>"})

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


@pytest.mark.django_db
def test_it_keeps_search_pages_out_of_search_engines(client, page_tree):
    response = client.get("/suche/", {"q": "Kruft"})

    assert '<meta name="robots" content="noindex">' in response.text


@pytest.mark.django_db
def test_it_refuses_post(client, page_tree):
    assert client.post("/suche/", {"q": "Kruft"}).status_code == 405


# What people type, and what a probe sends: quotes, brackets, the full-text
# backends' operators and wildcards, lone hyphens.
ODD_QUERIES = [
    '"Smart',
    'Smart"',
    "(Kruft",
    "Kruft)",
    "*",
    "NOT",
    "AND OR",
    "Kruft NEAR",
    "-",
    "- Kruft",
    "'",
    "^",
    ":",
    "\\",
    "{}",
    "Kruft*",
    "a:b",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_characters_and_operators_are_searched_as_plain_words(client, page_tree, pellenz, news_item, query):
    response = client.get("/suche/", {"q": query})

    assert response.status_code == 200


@pytest.mark.django_db
def test_a_quote_in_front_of_a_word_does_not_keep_it_from_being_found(client, page_tree, pellenz):
    response = client.get("/suche/", {"q": '"Kruft'})

    assert response.context["municipalities"] == [pellenz]
