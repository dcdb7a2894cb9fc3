"""/themen/ with the focus areas and topics, a topic's page with its news,
and a focus area's page."""

import datetime as dt

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.region.tests.factories import FocusAreaFactory, TopicFactory


@pytest.fixture
def mobility(db):
    return TopicFactory(name="Mobilität", slug="mobilitaet", description="Bus, Bahn, Rad und Mitfahren.")


@pytest.mark.django_db
def test_the_index_lists_focus_areas_and_topics_in_their_order(client, page_tree, mobility):
    FocusAreaFactory(title="Innovative Mobilität", slug="innovative-mobilitaet", sort_order=2)
    FocusAreaFactory(title="Gleichwertige Entwicklung", slug="gleichwertige-entwicklung", sort_order=1)
    TopicFactory(name="Arbeit", slug="arbeit", sort_order=0)

    response = client.get("/themen/")

    assert response.status_code == 200
    assert [area.title for area in response.context["focus_areas"]] == [
        "Gleichwertige Entwicklung",
        "Innovative Mobilität",
    ]
    assert [topic.name for topic in response.context["topics"]] == ["Arbeit", "Mobilität"]
    assert '<a href="/zukunftsaufgaben/innovative-mobilitaet/">Innovative Mobilität</a>' in response.text
    assert '<a href="/themen/mobilitaet/">Mobilität</a>' in response.text


@pytest.mark.django_db
def test_the_index_has_empty_states(client, page_tree):
    response = client.get("/themen/")

    assert "Noch keine Zukunftsaufgaben eingetragen." in response.text
    assert "Noch keine Handlungsfelder eingetragen." in response.text


@pytest.mark.django_db
def test_a_topic_page_lists_its_published_news_newest_first(client, page_tree, mobility):
    other = TopicFactory(name="Bildung")
    NewsPageFactory(parent=page_tree.news_index, title="Bürgerbus fährt", date=dt.date(2024, 1, 5), topics=[mobility])
    NewsPageFactory(parent=page_tree.news_index, title="Mitfahrbank", date=dt.date(2024, 2, 5), topics=[mobility])
    NewsPageFactory(parent=page_tree.news_index, title="Nur Bildung", topics=[other])
    NewsPageFactory(parent=page_tree.news_index, title="Entwurf", topics=[mobility]).unpublish()

    response = client.get("/themen/mobilitaet/")

    assert response.status_code == 200
    assert "<h1>Mobilität</h1>" in response.text
    assert '<p class="lead">Bus, Bahn, Rad und Mitfahren.</p>' in response.text
    text = response.text
    assert text.index("Mitfahrbank") < text.index("Bürgerbus fährt")
    assert "Nur Bildung" not in text
    assert "Entwurf" not in text


@pytest.mark.django_db
def test_a_topic_without_news_says_so(client, page_tree, mobility):
    response = client.get("/themen/mobilitaet/")

    assert "Noch keine Nachrichten zu diesem Thema." in response.text


@pytest.mark.django_db
def test_a_focus_area_page_shows_it_and_links_the_others(client, page_tree):
    FocusAreaFactory(title="Innovative Mobilität", slug="innovative-mobilitaet", summary="Gut von A nach B kommen.")
    FocusAreaFactory(title="Gleichwertige Entwicklung", slug="gleichwertige-entwicklung")

    response = client.get("/zukunftsaufgaben/innovative-mobilitaet/")

    assert response.status_code == 200
    assert "<h1>Innovative Mobilität</h1>" in response.text
    assert '<p class="lead">Gut von A nach B kommen.</p>' in response.text
    assert [area.title for area in response.context["others"]] == ["Gleichwertige Entwicklung"]
    assert '<a href="/zukunftsaufgaben/gleichwertige-entwicklung/">Gleichwertige Entwicklung</a>' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/themen/gibt-es-nicht/", "/zukunftsaufgaben/gibt-es-nicht/"])
def test_an_unknown_slug_is_not_found(client, page_tree, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/themen/", "/themen/mobilitaet/", "/zukunftsaufgaben/innovative-mobilitaet/"])
def test_the_pages_refuse_post(client, mobility, url):
    FocusAreaFactory(slug="innovative-mobilitaet")

    assert client.post(url).status_code == 405
