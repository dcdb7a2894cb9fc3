"""The home page: region name, intro, the three newest news, focus areas,
the next steps of the project and all municipalities."""

import datetime as dt

import pytest

from smartregion.cms.tests.factories import ImageFactory, NewsPageFactory, TimelineEntryFactory
from smartregion.region.models import RegionSettings
from smartregion.region.tests.factories import FocusAreaFactory, MunicipalityFactory


@pytest.fixture
def region(db):
    region = RegionSettings.load()
    region.name = "Smarte Region MYK10"
    region.territory = "Landkreis Mayen-Koblenz"
    region.save()
    return region


@pytest.mark.django_db
def test_it_shows_the_region_and_the_intro(client, page_tree, region):
    response = client.get("/")

    assert response.status_code == 200
    assert response.templates[0].name == "cms/home_page.html"
    assert '<h1 id="hero-title">Smarte Region MYK10</h1>' in response.text
    assert "Die Region wird digital – machen Sie mit." in response.text
    assert "Landkreis Mayen-Koblenz" in response.text


@pytest.mark.django_db
def test_it_shows_the_three_newest_news_and_links_to_all(client, page_tree):
    for day in (1, 4, 2, 3):
        NewsPageFactory(parent=page_tree.news_index, title=f"Nachricht vom {day}. März", date=dt.date(2024, 3, day))

    response = client.get("/")

    shown = [item.title for item in response.context["news"]]
    assert shown == ["Nachricht vom 4. März", "Nachricht vom 3. März", "Nachricht vom 2. März"]
    assert "Nachricht vom 1. März" not in response.text
    assert '<a class="more" href="/aktuelles/">Alle Nachrichten</a>' in response.text


@pytest.mark.django_db
def test_it_leaves_out_unpublished_news(client, page_tree):
    draft = NewsPageFactory(parent=page_tree.news_index, title="Noch geheim")
    draft.unpublish()

    response = client.get("/")

    assert "Noch geheim" not in response.text
    assert "Noch keine Nachrichten." in response.text


@pytest.mark.django_db
def test_it_shows_focus_areas_municipalities_and_upcoming_steps(client, page_tree):
    FocusAreaFactory(title="Innovative Mobilität", slug="innovative-mobilitaet")
    MunicipalityFactory(name="Andernach", slug="andernach")
    TimelineEntryFactory(title="Beteiligung startet", date=dt.date.today() + dt.timedelta(days=10))
    TimelineEntryFactory(title="Längst vorbei", date=dt.date.today() - dt.timedelta(days=10))

    response = client.get("/")

    assert '<a href="/zukunftsaufgaben/innovative-mobilitaet/">Innovative Mobilität</a>' in response.text
    assert '<a href="/kommunen/andernach/">Andernach</a>' in response.text
    assert "Beteiligung startet" in response.text
    assert "Längst vorbei" not in response.text


@pytest.mark.django_db
def test_it_has_empty_states(client, page_tree):
    response = client.get("/")

    assert "Noch keine Nachrichten." in response.text
    assert "Zurzeit sind keine weiteren Schritte angekündigt." in response.text


@pytest.mark.django_db
def test_it_announces_the_news_feed(client, page_tree):
    response = client.get("/")

    assert '<link rel="alternate" type="application/rss+xml" title="Aktuelles" href="/aktuelles/feed/">' in (
        response.text
    )


def add_rows(page_tree, news, municipalities, with_images=False):
    for _ in range(news):
        NewsPageFactory(parent=page_tree.news_index, teaser_image=ImageFactory() if with_images else None)
    for number in range(municipalities):
        MunicipalityFactory(places=[f"Ort {number}a", f"Ort {number}b"])
    FocusAreaFactory()
    TimelineEntryFactory()


# Queries of the home page, whatever the number of rows:
#  1 the site for the host name, with its root page (Wagtail's serve)
#  2 the home page, specific
#  3 aliases among the ancestors, 4 view restrictions of the page
#    (Wagtail's serve checks them before rendering)
#  5 view restrictions of all pages, for .public() on the news
#  6 the news index (link to all news and the feed)
#  7 RegionSettings (title, header, footer)
#  8 site navigation: the live home page (with the tree fields
#    get_children needs)
#  9 site navigation: the menu pages
# 10 focus areas
# 11 the three newest news, with their teaser images (select_related)
# 12 upcoming timeline entries
# 13 municipalities
# 14 SiteLinks (footer)
HOME_QUERIES = 14


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_more_rows(client, page_tree, no_page_cache, django_assert_num_queries):
    add_rows(page_tree, news=2, municipalities=2)
    client.get("/")  # fills Wagtail's cache of site root paths and creates the settings rows

    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")

    add_rows(page_tree, news=20, municipalities=15)

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert len(response.context["news"]) == 3


@pytest.mark.django_db
def test_teaser_images_add_no_query_per_news_item(client, page_tree, no_page_cache, django_assert_num_queries):
    add_rows(page_tree, news=1, municipalities=0, with_images=True)
    client.get("/")  # creates the rendition; later renders read it from the cache

    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")

    add_rows(page_tree, news=5, municipalities=0, with_images=True)
    client.get("/")

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/")
    assert response.text.count('class="teaser__image"') == 3
