"""/kommunen/<slug>/: the facts about one municipality, its member places,
the news about it and empty states for what is still to come."""

import datetime as dt
from decimal import Decimal

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.region.models import Municipality
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.fixture
def vordereifel(db):
    return MunicipalityFactory(
        name="Verbandsgemeinde Vordereifel",
        slug="vordereifel",
        kind=Municipality.Kind.ASSOCIATION,
        key="071375003",
        population=16438,
        population_date=dt.date(2023, 12, 31),
        area_km2=Decimal("167.67"),
        seat_name="Mayen",
        seat_note="außerhalb der Verbandsgemeinde",
        regional_guide="Regionallotsin 1 (Mayen, Mendig, Vordereifel)",
        places=["Virneburg", "Acht", "Monreal"],
    )


@pytest.mark.django_db
def test_it_shows_the_facts(client, page_tree, vordereifel):
    response = client.get("/kommunen/vordereifel/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Verbandsgemeinde Vordereifel</h1>" in text
    assert '<p class="lead">Verbandsgemeinde</p>' in text
    assert '<dd>16.438 <span class="meta">(Stand 31.12.2023)</span></dd>' in text
    assert "<dd>167,67 km²</dd>" in text
    assert "<dd>Mayen (außerhalb der Verbandsgemeinde)</dd>" in text
    assert "<dd>Regionallotsin 1 (Mayen, Mendig, Vordereifel)</dd>" in text
    assert "<dd>071375003</dd>" in text


@pytest.mark.django_db
def test_it_lists_the_member_places_by_name(client, page_tree, vordereifel):
    response = client.get("/kommunen/vordereifel/")

    assert "<li>Acht</li><li>Monreal</li><li>Virneburg</li>" in response.text.replace(" ", "").replace("\n", "")


@pytest.mark.django_db
def test_a_town_without_member_places_has_no_places_section(client, page_tree):
    MunicipalityFactory(name="Andernach", slug="andernach", kind=Municipality.Kind.LARGE_TOWN, regional_guide="")

    response = client.get("/kommunen/andernach/")

    assert "Ortsgemeinden" not in response.text
    assert "Ansprechpartnerin im Projekt" not in response.text


@pytest.mark.django_db
def test_it_shows_empty_states_for_news_ideas_events_and_projects(client, page_tree, vordereifel):
    response = client.get("/kommunen/vordereifel/")

    text = response.text
    assert "Noch keine Nachrichten zu diesem Thema." in text
    assert "Hier sind noch keine Ideen veröffentlicht." in text
    assert "Zurzeit sind hier keine Veranstaltungen eingetragen." in text
    assert "Die Maßnahmen der Digitalen Agenda werden hier noch nicht nach Kommunen gezeigt." in text


@pytest.mark.django_db
def test_it_lists_the_published_news_mentioning_it_newest_first(client, page_tree, vordereifel):
    other = MunicipalityFactory(name="Bendorf")
    news_index = page_tree.news_index
    NewsPageFactory(
        parent=news_index,
        title="Dorfladen in Monreal",
        slug="dorfladen",
        date=dt.date(2024, 2, 1),
        municipalities=[vordereifel],
    )
    NewsPageFactory(
        parent=news_index,
        title="Mitfahrbank in Virneburg",
        date=dt.date(2024, 4, 1),
        municipalities=[vordereifel, other],
    )
    NewsPageFactory(parent=news_index, title="Nur Bendorf", municipalities=[other])
    NewsPageFactory(parent=news_index, title="Entwurf", municipalities=[vordereifel]).unpublish()

    response = client.get("/kommunen/vordereifel/")

    news = next(filled for filled in response.context["sections"] if filled.section.key == "news")
    assert [item.title for item in news.items] == ["Mitfahrbank in Virneburg", "Dorfladen in Monreal"]
    assert '<a href="/aktuelles/dorfladen/">Dorfladen in Monreal</a>' in response.text
    assert "Nur Bendorf" not in response.text
    assert "Entwurf" not in response.text
    assert "Noch keine Nachrichten zu diesem Thema." not in response.text


@pytest.mark.django_db
def test_an_unknown_municipality_is_not_found(client, page_tree):
    response = client.get("/kommunen/atlantis/")

    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


@pytest.mark.django_db
def test_it_refuses_post(client, vordereifel):
    assert client.post("/kommunen/vordereifel/").status_code == 405


def add_rows(page_tree, municipality, news, municipalities):
    for _ in range(news):
        NewsPageFactory(parent=page_tree.news_index, municipalities=[municipality])
    for number in range(municipalities):
        MunicipalityFactory(places=[f"Ort {number}a", f"Ort {number}b"])


# Queries of a municipality page, whatever the number of rows:
#  1 the municipality, without its boundary
#  2 its member places, by name (prefetch)
#  3 view restrictions of all pages, for .public() on the news
#  4 the five newest news mentioning it
#  5 RegionSettings
#  6 site navigation: the live home page (with the tree fields
#    get_children needs)
#  7 site navigation: the menu pages
#  8 the five newest public ideas of the municipality (ideas section; their
#    topics add a query only when there are ideas, see
#    ideas/tests/test_idea_sections.py)
#  9 the next five events of the municipality (events section)
# 10 the site for the host name ({% pageurl %} of the news)
# 11 SiteLinks (footer)
MUNICIPALITY_DETAIL_QUERIES = 11


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_more_rows(client, page_tree, vordereifel, django_assert_num_queries):
    add_rows(page_tree, vordereifel, news=2, municipalities=2)
    client.get("/kommunen/vordereifel/")  # fills Wagtail's cache of site root paths and creates the settings rows

    with django_assert_num_queries(MUNICIPALITY_DETAIL_QUERIES):
        client.get("/kommunen/vordereifel/")

    add_rows(page_tree, vordereifel, news=20, municipalities=15)
    for number in range(20):
        vordereifel.places.create(name=f"Weiterer Ort {number}")

    with django_assert_num_queries(MUNICIPALITY_DETAIL_QUERIES):
        response = client.get("/kommunen/vordereifel/")
    assert response.text.count('<a href="/aktuelles/') == 5
