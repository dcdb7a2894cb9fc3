"""The news index: all published news, newest first, ten per page
(?seite=2), with a link to the RSS feed."""

import datetime as dt

import pytest

from smartregion.cms.models import NEWS_PER_PAGE
from smartregion.cms.tests.factories import ImageFactory, NewsPageFactory
from smartregion.region.tests.factories import MunicipalityFactory


def news_on_days(page_tree, count, start=dt.date(2024, 1, 1)):
    return [
        NewsPageFactory(
            parent=page_tree.news_index, title=f"Nachricht {number:02d}", date=start + dt.timedelta(days=number)
        )
        for number in range(count)
    ]


@pytest.mark.django_db
def test_it_lists_the_news_newest_first(client, page_tree):
    news_on_days(page_tree, 3)

    response = client.get("/aktuelles/")

    assert response.status_code == 200
    assert [item.title for item in response.context["news_page"]] == ["Nachricht 02", "Nachricht 01", "Nachricht 00"]
    text = response.text
    assert text.index("Nachricht 02") < text.index("Nachricht 01") < text.index("Nachricht 00")
    assert '<time datetime="2024-01-03">3. Januar 2024</time> · Projektbüro' in text


@pytest.mark.django_db
def test_news_of_the_same_day_are_ordered_newest_created_first(client, page_tree):
    first = NewsPageFactory(parent=page_tree.news_index, title="Früher angelegt", date=dt.date(2024, 5, 1))
    second = NewsPageFactory(parent=page_tree.news_index, title="Später angelegt", date=dt.date(2024, 5, 1))

    response = client.get("/aktuelles/")

    assert [item.pk for item in response.context["news_page"]] == [second.pk, first.pk]


@pytest.mark.django_db
def test_it_shows_ten_news_per_page_and_the_rest_on_page_two(client, page_tree):
    news_on_days(page_tree, NEWS_PER_PAGE + 2)

    first = client.get("/aktuelles/")
    second = client.get("/aktuelles/?seite=2")

    assert len(first.context["news_page"]) == NEWS_PER_PAGE
    assert "Nachricht 11" in first.text
    assert "Nachricht 01" not in first.text
    assert 'href="?seite=2" rel="next"' in first.text
    assert "Seite 1 von 2" in first.text
    assert [item.title for item in second.context["news_page"]] == ["Nachricht 01", "Nachricht 00"]
    assert 'href="?seite=1" rel="prev"' in second.text
    assert "Seite 2 von 2" in second.text


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", ["99", "abc", "-1"])
def test_a_page_number_out_of_range_or_not_a_number_still_answers(client, page_tree, page_number):
    news_on_days(page_tree, NEWS_PER_PAGE + 2)

    response = client.get(f"/aktuelles/?seite={page_number}")

    assert response.status_code == 200
    assert len(response.context["news_page"]) in (2, NEWS_PER_PAGE)


@pytest.mark.django_db
def test_it_leaves_out_unpublished_news(client, page_tree):
    news_on_days(page_tree, 1)
    NewsPageFactory(parent=page_tree.news_index, title="Entwurf").unpublish()

    response = client.get("/aktuelles/")

    assert "Entwurf" not in response.text


@pytest.mark.django_db
def test_without_news_it_says_so(client, page_tree):
    response = client.get("/aktuelles/")

    assert response.status_code == 200
    assert "Noch keine Nachrichten." in response.text


@pytest.mark.django_db
def test_it_links_the_feed(client, page_tree):
    response = client.get("/aktuelles/")

    assert '<a href="/aktuelles/feed/">Nachrichten als RSS-Feed abonnieren</a>' in response.text


# Queries of the news index, whatever the number of news:
#  1 the site for the host name, with its root page (Wagtail's serve)
#  2 the home page, specific
#  3 its child "aktuelles", 4 that child, specific
#  5 aliases among the ancestors, 6 view restrictions of the page
#  7 view restrictions of all pages, for .public() on the news
#  8 count of the news (paginator)
#  9 RegionSettings
# 10 site navigation: the live home page (with the tree fields
#    get_children needs)
# 11 site navigation: the menu pages
# 12 the news of the page, with teaser images (select_related)
# 13 SiteLinks (footer)
NEWS_INDEX_QUERIES = 13


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_more_news(client, page_tree, no_page_cache, django_assert_num_queries):
    news_on_days(page_tree, 2)
    client.get("/aktuelles/")  # fills Wagtail's cache of site root paths and creates the settings rows

    with django_assert_num_queries(NEWS_INDEX_QUERIES):
        client.get("/aktuelles/")

    mendig = MunicipalityFactory()
    for _ in range(20):
        NewsPageFactory(parent=page_tree.news_index, teaser_image=ImageFactory(), municipalities=[mendig])
    # Create the renditions; later renders read them from the cache.
    client.get("/aktuelles/")
    client.get("/aktuelles/?seite=2")

    with django_assert_num_queries(NEWS_INDEX_QUERIES):
        response = client.get("/aktuelles/")
    assert len(response.context["news_page"]) == NEWS_PER_PAGE

    with django_assert_num_queries(NEWS_INDEX_QUERIES):
        client.get("/aktuelles/?seite=2")
