"""/kommunen/karte.geojson: what the overview map draws, a seat point per
municipality and its boundary once imported."""

from io import StringIO

import pytest
from django.core.management import call_command

from smartregion.region.models import Municipality
from smartregion.region.tests.factories import MunicipalityFactory
from smartregion.region.tests.geojson import SQUARE, collection, feature, write


@pytest.fixture
def mendig(db):
    return MunicipalityFactory(
        name="Verbandsgemeinde Mendig",
        slug="mendig",
        key="071375004",
        kind=Municipality.Kind.ASSOCIATION,
        seat_name="Mendig",
        seat_lat=50.37444,
        seat_lon=7.28083,
    )


@pytest.mark.django_db
def test_it_is_a_feature_collection_with_a_seat_point_per_municipality(client, mendig):
    MunicipalityFactory(name="Andernach", slug="andernach", seat_lat=50.43972, seat_lon=7.40167)

    response = client.get("/kommunen/karte.geojson")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert [f["geometry"]["type"] for f in data["features"]] == ["Point", "Point"]
    point = next(f for f in data["features"] if f["properties"]["name"] == "Verbandsgemeinde Mendig")
    assert point == {
        "type": "Feature",
        "properties": {
            "name": "Verbandsgemeinde Mendig",
            "url": "/kommunen/mendig/",
            "kind": "Verbandsgemeinde",
            "seat": "Mendig",
        },
        # GeoJSON order: longitude first.
        "geometry": {"type": "Point", "coordinates": [7.28083, 50.37444]},
    }


@pytest.mark.django_db
def test_it_adds_the_boundary_once_imported(client, mendig, tmp_path):
    call_command("import_boundaries", str(write(tmp_path, collection(feature("071375004")))), stdout=StringIO())

    data = client.get("/kommunen/karte.geojson").json()

    polygons = [f for f in data["features"] if f["geometry"]["type"] == "Polygon"]
    assert len(polygons) == 1
    assert polygons[0]["properties"] == {
        "name": "Verbandsgemeinde Mendig",
        "url": "/kommunen/mendig/",
        "kind": "Verbandsgemeinde",
    }
    assert polygons[0]["geometry"]["coordinates"] == SQUARE
    assert [f["geometry"]["type"] for f in data["features"]].count("Point") == 1


@pytest.mark.django_db
def test_without_municipalities_it_is_an_empty_collection(client):
    assert client.get("/kommunen/karte.geojson").json() == {"type": "FeatureCollection", "features": []}


@pytest.mark.django_db
def test_it_refuses_post(client):
    assert client.post("/kommunen/karte.geojson").status_code == 405


@pytest.mark.django_db
def test_it_needs_one_query_however_many_municipalities(client, mendig, django_assert_num_queries):
    # 1 the municipalities with their boundaries
    with django_assert_num_queries(1):
        client.get("/kommunen/karte.geojson")

    for _ in range(15):
        MunicipalityFactory(boundary={"type": "Polygon", "coordinates": SQUARE}, places=["Ort"])

    with django_assert_num_queries(1):
        response = client.get("/kommunen/karte.geojson")
    assert len(response.json()["features"]) == 31
