"""A single news item: date, author role, teaser, body and the topics and
municipalities it is about."""

import datetime as dt

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.region.tests.factories import MunicipalityFactory, TopicFactory


@pytest.fixture
def news_item(page_tree):
    return NewsPageFactory(
        parent=page_tree.news_index,
        title="Coworking in Mendig eröffnet",
        slug="coworking-mendig",
        date=dt.date(2024, 3, 15),
        author_role="Regionallotsin 1",
        teaser="Ein Ort zum Arbeiten nah am Wohnort.",
        body=[("text", "<p>Ab Montag stehen zwölf Arbeitsplätze bereit.</p>")],
        topics=[TopicFactory(name="Arbeit", slug="arbeit")],
        municipalities=[MunicipalityFactory(name="Verbandsgemeinde Mendig", slug="mendig")],
    )


@pytest.mark.django_db
def test_it_shows_the_news_item(client, news_item):
    response = client.get("/aktuelles/coworking-mendig/")

    assert response.status_code == 200
    assert "<h1>Coworking in Mendig eröffnet</h1>" in response.text
    assert '<time datetime="2024-03-15">15. März 2024</time> · Regionallotsin 1' in response.text
    assert '<p class="lead">Ein Ort zum Arbeiten nah am Wohnort.</p>' in response.text
    assert "Ab Montag stehen zwölf Arbeitsplätze bereit." in response.text


@pytest.mark.django_db
def test_it_links_its_topics_and_municipalities(client, news_item):
    response = client.get("/aktuelles/coworking-mendig/")

    assert '<a href="/themen/arbeit/">Arbeit</a>' in response.text
    assert '<a href="/kommunen/mendig/">Verbandsgemeinde Mendig</a>' in response.text


@pytest.mark.django_db
def test_it_has_breadcrumbs_back_to_the_news_index(client, news_item):
    response = client.get("/aktuelles/coworking-mendig/")

    assert '<li><a href="/">Start</a></li>' in response.text
    assert '<li><a href="/aktuelles/">Aktuelles</a></li>' in response.text


@pytest.mark.django_db
def test_an_unpublished_news_item_is_not_found(client, news_item):
    news_item.unpublish()

    response = client.get("/aktuelles/coworking-mendig/")

    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.text


@pytest.mark.django_db
def test_an_unknown_news_item_is_not_found(client, page_tree):
    assert client.get("/aktuelles/gibt-es-nicht/").status_code == 404
