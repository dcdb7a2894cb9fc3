"""/kommunen/: every municipality of the region, with a map that loads only
after the visitor asks for it."""

import datetime as dt

import pytest

from smartregion.region.models import Municipality
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.mark.django_db
def test_it_lists_every_municipality_with_kind_and_population(client, page_tree):
    MunicipalityFactory(
        name="Andernach",
        slug="andernach",
        kind=Municipality.Kind.LARGE_TOWN,
        population=30408,
        population_date=dt.date(2023, 12, 31),
    )
    MunicipalityFactory(name="Verbandsgemeinde Mendig", slug="mendig")

    response = client.get("/kommunen/")

    assert response.status_code == 200
    assert '<h3><a href="/kommunen/andernach/">Andernach</a></h3>' in response.text
    assert '<p class="meta">große kreisangehörige Stadt</p>' in response.text
    assert "30.408 Einwohnerinnen und Einwohner (Stand 31.12.2023)" in response.text
    assert '<a href="/kommunen/mendig/">Verbandsgemeinde Mendig</a>' in response.text
    assert "2 Kommunen gehören zur Region." in response.text


@pytest.mark.django_db
def test_it_lists_them_by_name(client, page_tree):
    for name in ("Vallendar", "Andernach", "Mayen"):
        MunicipalityFactory(name=name)

    response = client.get("/kommunen/")

    assert [m.name for m in response.context["municipalities"]] == ["Andernach", "Mayen", "Vallendar"]


@pytest.mark.django_db
def test_the_map_waits_for_consent_and_points_to_its_data(client, page_tree):
    response = client.get("/kommunen/")

    assert 'data-geojson="/kommunen/karte.geojson"' in response.text
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in response.text
    assert '<div id="map" class="map__canvas" hidden' in response.text
    assert "data-map-load" in response.text
    # No tile is requested by the page itself.
    assert '<img src="https://tile.openstreetmap.org' not in response.text


@pytest.mark.django_db
def test_it_renders_without_a_page_tree(client):
    MunicipalityFactory(name="Bendorf")

    response = client.get("/kommunen/")

    assert response.status_code == 200
    assert "Bendorf" in response.text


@pytest.mark.django_db
def test_it_refuses_post(client):
    assert client.post("/kommunen/").status_code == 405


def add_municipalities(count):
    for number in range(count):
        MunicipalityFactory(places=[f"Ort {number}a", f"Ort {number}b", f"Ort {number}c"])


# Queries of the municipality list, whatever the number of municipalities:
# 1 RegionSettings (header, map centre)
# 2 site navigation: the live home page (with the tree fields
#   get_children needs)
# 3 site navigation: the menu pages
# 4 the municipalities, without their boundaries
# 5 SiteLinks (footer)
MUNICIPALITY_LIST_QUERIES = 5


@pytest.mark.django_db
def test_its_query_count_does_not_grow_with_more_municipalities(client, page_tree, django_assert_num_queries):
    add_municipalities(2)
    client.get("/kommunen/")  # creates the settings rows

    with django_assert_num_queries(MUNICIPALITY_LIST_QUERIES):
        client.get("/kommunen/")

    add_municipalities(15)

    with django_assert_num_queries(MUNICIPALITY_LIST_QUERIES):
        response = client.get("/kommunen/")
    assert len(response.context["municipalities"]) == 17
