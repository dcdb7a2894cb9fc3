"""The RSS feed of the news index at /aktuelles/feed/."""

import datetime as dt

import feedparser
import pytest

from smartregion.cms.tests.factories import NewsPageFactory


@pytest.mark.django_db
def test_it_lists_the_news_newest_first_with_titles_and_links(client, page_tree):
    NewsPageFactory(parent=page_tree.news_index, title="Ältere Nachricht", slug="aelter", date=dt.date(2024, 2, 1))
    NewsPageFactory(
        parent=page_tree.news_index,
        title="Neuere Nachricht",
        slug="neuer",
        date=dt.date(2024, 3, 1),
        teaser="Der Anreißer der neueren Nachricht.",
        author_role="Projektbüro",
    )

    response = client.get("/aktuelles/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title.endswith(": Aktuelles")
    assert feed.feed.link == "http://testserver/aktuelles/"
    assert [entry.title for entry in feed.entries] == ["Neuere Nachricht", "Ältere Nachricht"]
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/aktuelles/neuer/",
        "http://testserver/aktuelles/aelter/",
    ]
    assert feed.entries[0].summary == "Der Anreißer der neueren Nachricht."
    assert feed.entries[0].published_parsed[:3] == (2024, 3, 1)


@pytest.mark.django_db
def test_it_leaves_out_unpublished_news(client, page_tree):
    NewsPageFactory(parent=page_tree.news_index, title="Entwurf").unpublish()

    feed = feedparser.parse(client.get("/aktuelles/feed/").content)

    assert feed.entries == []


@pytest.mark.django_db
def test_it_holds_at_most_twenty_items(client, page_tree):
    for _ in range(22):
        NewsPageFactory(parent=page_tree.news_index)

    feed = feedparser.parse(client.get("/aktuelles/feed/").content)

    assert len(feed.entries) == 20
