"""The Ideenspeicher's pages need a fixed number of queries, however many
ideas, processes, municipalities and topics there are."""

import pytest
from django.core.cache import caches

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import FocusAreaFactory, MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db

STORE = "/ideenspeicher/"
FILTERS = {"municipality": "mayen", "topic": "mobilitaet", "q": "bank", "status": "submitted", "sort": "kommentare"}


def add_ideas(number, mayen, mobility, *, on_site_by):
    """`number` ideas in Mayen about mobility (so that every filter above
    matches them) spread over processes, focus areas and extra topics, half
    of them collected on site, all with a point."""
    processes = [ProcessFactory() for _ in range(max(1, number // 10))]
    area = FocusAreaFactory()
    for index in range(number):
        idea = IdeaFactory(
            title=f"Mitfahrbank {index}",
            process=processes[index % len(processes)],
            municipality=mayen,
            focus_area=area,
            topics=[mobility, TopicFactory()],
            latitude=50.3,
            longitude=7.2,
            support_count=index,
            **({"author": None, "channel": Idea.Channel.PAPER, "captured_by": on_site_by} if index % 2 else {}),
        )
        Idea.objects.filter(pk=idea.pk).update(comment_count=index)
    MunicipalityFactory()


def get(client, path, params=None):
    """A response from the view itself, not from the page cache, with any
    streamed content read."""
    caches["pages"].clear()
    response = client.get(path, params or {})
    assert response.status_code == 200
    if response.streaming:
        response.content_bytes = b"".join(response.streaming_content)
    return response


@pytest.fixture
def mobility(db):
    return TopicFactory(name="Mobilität", slug="mobilitaet")


# Queries of the list for an anonymous visitor, whatever the number of rows
# and filters:
#  1 the number of matching ideas (paginator)
#  2 RegionSettings
#  3 site navigation: the live home page
#  4 site navigation: the menu pages
#  5 choices of the process filter (published processes)
#  6 choices of the municipality filter
#  7 choices of the focus area filter
#  8 choices of the topic filter
#  9 the page of ideas with process, municipality and focus area joined
# 10 their topics (prefetch)
# 11 SiteLinks (footer)
# The filter choices are loaded once each, for validating the query string
# and for rendering the selects.
STORE_QUERIES = 11
# Logged in, the list is the anonymous visitor's page from the cache
# (pagecache.cache_shared_page) with the header's account slots filled in:
#  1 the session
#  2 the user
# (Whether the address is verified, which the banner of base.html asks, is
# remembered in the session after the first request:
# RememberVerifiedAddressMiddleware.)
STORE_QUERIES_LOGGED_IN_CACHED = 2
# Logged in with nothing in the cache: the anonymous render's queries and
# those two.
STORE_QUERIES_LOGGED_IN = STORE_QUERIES + STORE_QUERIES_LOGGED_IN_CACHED


@pytest.mark.parametrize("params", [{}, FILTERS, {**FILTERS, "ansicht": "karte", "seite": "2"}])
def test_the_list_needs_the_same_queries_with_ten_times_the_ideas(
    client, page_tree, mayen, mobility, guide_mayen, params, django_assert_num_queries
):
    add_ideas(3, mayen, mobility, on_site_by=guide_mayen)
    get(client, STORE)  # fills Wagtail's cache of site root paths

    with django_assert_num_queries(STORE_QUERIES):
        get(client, STORE, params)

    add_ideas(30, mayen, mobility, on_site_by=guide_mayen)

    with django_assert_num_queries(STORE_QUERIES):
        response = get(client, STORE, params)
    assert len(response.context["ideas"]) == (13 if params.get("seite") else 20)


def test_the_list_for_a_logged_in_member_from_the_cache_needs_the_same_queries_with_ten_times_the_ideas(
    client, page_tree, mayen, mobility, guide_mayen, citizen, django_assert_num_queries
):
    verify_email(citizen)
    client.force_login(citizen)
    add_ideas(3, mayen, mobility, on_site_by=guide_mayen)
    get(client, STORE, FILTERS)  # renders the page and puts it in the cache

    with django_assert_num_queries(STORE_QUERIES_LOGGED_IN_CACHED):
        response = client.get(STORE, FILTERS)
    assert response["X-Page-Cache"] == "hit"

    add_ideas(30, mayen, mobility, on_site_by=guide_mayen)
    get(client, STORE, FILTERS)

    with django_assert_num_queries(STORE_QUERIES_LOGGED_IN_CACHED):
        response = client.get(STORE, FILTERS)
    assert response["X-Page-Cache"] == "hit"
    content = response.content.decode()
    assert "Mitfahrbank 29" in content  # the page rendered with the new ideas
    assert "Mein Konto" in content


def test_the_list_for_a_logged_in_member_with_a_cold_cache_needs_the_same_queries_with_ten_times_the_ideas(
    client, page_tree, mayen, mobility, guide_mayen, citizen, no_page_cache, django_assert_num_queries
):
    verify_email(citizen)
    client.force_login(citizen)
    add_ideas(3, mayen, mobility, on_site_by=guide_mayen)
    get(client, STORE)

    with django_assert_num_queries(STORE_QUERIES_LOGGED_IN):
        response = get(client, STORE, FILTERS)
    assert response["X-Page-Cache"] == "miss"

    add_ideas(30, mayen, mobility, on_site_by=guide_mayen)

    with django_assert_num_queries(STORE_QUERIES_LOGGED_IN):
        response = get(client, STORE, FILTERS)
    assert response["X-Page-Cache"] == "miss"
    assert "Mein Konto" in response.content.decode()


# The map data, the CSV and the feed never load the filter choices: they
# take the slugs as the list's links give them.
#  map data: 1 the matching ideas with a point, as values
#  CSV:      1 the topics of all matching ideas; 2 the matching ideas, as
#            values, read in chunks from one cursor
#  feed:     1 RegionSettings (the feed's title); 2 the 50 newest matching
#            ideas with their process
@pytest.mark.parametrize(
    ("path", "queries"),
    [("/ideenspeicher/karte.json", 1), ("/ideenspeicher/ideen.csv", 2), ("/ideenspeicher/feed/", 2)],
)
@pytest.mark.parametrize("params", [{}, FILTERS])
def test_map_data_csv_and_feed_need_the_same_queries_with_ten_times_the_ideas(
    client, page_tree, mayen, mobility, guide_mayen, path, queries, params, django_assert_num_queries
):
    add_ideas(3, mayen, mobility, on_site_by=guide_mayen)
    get(client, path)  # creates the RegionSettings row

    with django_assert_num_queries(queries):
        get(client, path, params)

    add_ideas(30, mayen, mobility, on_site_by=guide_mayen)

    with django_assert_num_queries(queries):
        get(client, path, params)
