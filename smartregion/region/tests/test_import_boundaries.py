"""manage.py import_boundaries: attach municipality boundaries from a GeoJSON
FeatureCollection, matched by key; all or nothing."""

import json
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command
from shapely.geometry import Point, shape

from smartregion.region.models import Municipality
from smartregion.region.tests.factories import MunicipalityFactory
from smartregion.region.tests.geojson import BOWTIE, SQUARE, collection, feature, write

# The demo region's data: its municipalities and their real boundaries (read
# as files; the region app imports no other app).
DEMO_REGION = Path(__file__).resolve().parents[2] / "demo" / "regions" / "myk10"


def import_boundaries(path, *args):
    stdout, stderr = StringIO(), StringIO()
    call_command("import_boundaries", str(path), *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


@pytest.fixture
def mendig(db):
    return MunicipalityFactory(name="Verbandsgemeinde Mendig", key="071375004")


@pytest.fixture
def pellenz(db):
    return MunicipalityFactory(name="Verbandsgemeinde Pellenz", key="071375001")


def boundaries():
    return dict(Municipality.objects.values_list("key", "boundary"))


@pytest.mark.django_db
def test_it_attaches_each_boundary_to_the_municipality_with_its_key(tmp_path, mendig, pellenz):
    other_square = [[[x + 0.1, y] for x, y in SQUARE[0]]]
    path = write(tmp_path, collection(feature("071375004"), feature("071375001", other_square)))

    stdout, stderr = import_boundaries(path)

    assert boundaries() == {
        "071375004": {"type": "Polygon", "coordinates": SQUARE},
        "071375001": {"type": "Polygon", "coordinates": other_square},
    }
    assert "Boundaries attached to 2 municipalities." in stdout
    assert stderr == ""


@pytest.mark.django_db
def test_it_accepts_a_multipolygon(tmp_path, mendig):
    far_square = [[[x + 1, y] for x, y in SQUARE[0]]]
    path = write(tmp_path, collection(feature("071375004", [SQUARE, far_square], geometry_type="MultiPolygon")))

    import_boundaries(path)

    mendig.refresh_from_db()
    assert mendig.boundary["type"] == "MultiPolygon"
    assert shape(mendig.boundary).is_valid


@pytest.mark.django_db
def test_it_reads_the_key_from_another_property_when_told(tmp_path, mendig):
    path = write(tmp_path, collection(feature("071375004", key_property="ARS")))

    import_boundaries(path, "--key-property", "ARS")

    mendig.refresh_from_db()
    assert mendig.boundary == {"type": "Polygon", "coordinates": SQUARE}


@pytest.mark.django_db
def test_it_reports_unknown_keys_and_imports_the_rest(tmp_path, mendig):
    path = write(tmp_path, collection(feature("071375004"), feature("99999999")))

    stdout, stderr = import_boundaries(path)

    mendig.refresh_from_db()
    assert mendig.boundary is not None
    assert "No municipality with key 99999999; skipped." in stderr
    assert "Boundaries attached to 1 municipalities." in stdout


@pytest.mark.django_db
def test_running_it_again_replaces_the_boundary(tmp_path, mendig):
    import_boundaries(write(tmp_path, collection(feature("071375004"))))
    moved = [[[x + 0.5, y] for x, y in SQUARE[0]]]

    import_boundaries(write(tmp_path, collection(feature("071375004", moved)), name="neu.geojson"))

    mendig.refresh_from_db()
    assert mendig.boundary["coordinates"] == moved


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        feature("071375004"),
        {"type": "FeatureCollection"},
        {"type": "FeatureCollection", "features": {"0": feature("071375004")}},
        [feature("071375004")],
    ],
    ids=["a-single-feature", "no-features", "features-not-a-list", "a-bare-list"],
)
def test_it_rejects_anything_but_a_feature_collection(tmp_path, mendig, data):
    with pytest.raises(CommandError, match="not a GeoJSON FeatureCollection"):
        import_boundaries(write(tmp_path, data))

    assert boundaries() == {"071375004": None}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "broken",
    [None, "Feature", {"type": "Feature", "geometry": "Polygon"}],
    ids=["null", "a-string", "geometry-a-string"],
)
def test_it_rejects_a_feature_that_is_not_an_object_and_writes_nothing(tmp_path, mendig, broken):
    path = write(tmp_path, collection(feature("071375004"), broken))

    with pytest.raises(CommandError, match="Feature 2"):
        import_boundaries(path)

    assert boundaries() == {"071375004": None}


@pytest.mark.django_db
def test_it_rejects_an_invalid_polygon_and_writes_nothing(tmp_path, mendig, pellenz):
    # The valid first feature must not be written either.
    path = write(tmp_path, collection(feature("071375004"), feature("071375001", BOWTIE)))

    with pytest.raises(CommandError, match=r"Feature 2 \(071375001\) has an invalid geometry"):
        import_boundaries(path)

    assert boundaries() == {"071375004": None, "071375001": None}


@pytest.mark.django_db
def test_it_rejects_a_geometry_that_is_not_a_polygon(tmp_path, mendig):
    path = write(tmp_path, collection(feature("071375004", [7.28, 50.37], geometry_type="Point")))

    with pytest.raises(CommandError, match="is not a polygon"):
        import_boundaries(path)

    assert boundaries() == {"071375004": None}


@pytest.mark.django_db
def test_it_rejects_a_broken_polygon(tmp_path, mendig):
    path = write(tmp_path, collection(feature("071375004", [[[7.0, 50.0], [7.1, 50.1]]])))

    with pytest.raises(CommandError, match="Feature 1"):
        import_boundaries(path)

    assert boundaries() == {"071375004": None}


@pytest.mark.django_db
def test_it_rejects_a_file_that_is_not_json(tmp_path, mendig):
    path = tmp_path / "kaputt.geojson"
    path.write_text("{ this is not json", encoding="utf-8")

    with pytest.raises(CommandError, match="not valid JSON"):
        import_boundaries(path)


@pytest.mark.django_db
def test_it_rejects_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        import_boundaries(tmp_path / "fehlt.geojson")


@pytest.mark.django_db
def test_it_attaches_the_real_boundaries_of_the_ten_municipalities():
    region = yaml.safe_load((DEMO_REGION / "region.yaml").read_text(encoding="utf-8"))
    for item in region["municipalities"]:
        MunicipalityFactory(
            **{
                field: item.get(field, "")
                for field in ("slug", "name", "kind", "key", "seat_lat", "seat_lon", "seat_note")
            }
        )
    boundaries = DEMO_REGION / region["boundaries"]

    stdout, stderr = import_boundaries(boundaries)

    assert "Boundaries attached to 10 municipalities." in stdout
    assert stderr == ""
    keys_in_file = {f["properties"]["key"] for f in json.loads(boundaries.read_text())["features"]}
    assert keys_in_file == set(Municipality.objects.values_list("key", flat=True))
    for municipality in Municipality.objects.all():
        boundary = shape(municipality.boundary)
        assert boundary.is_valid, municipality.name
        assert boundary.geom_type in {"Polygon", "MultiPolygon"}
        if not municipality.seat_note:  # Vordereifel's seat lies outside it
            # The file is generalised (1:5,000,000); allow 2 to 3 km.
            assert boundary.buffer(0.03).contains(Point(municipality.seat_lon, municipality.seat_lat)), (
                municipality.name
            )
