"""Small GeoJSON documents for the boundary tests."""

import json

# A rectangle of about 1.4 by 1.1 km near Mendig.
SQUARE = [[[7.27, 50.37], [7.29, 50.37], [7.29, 50.38], [7.27, 50.38], [7.27, 50.37]]]
# Two triangles touching in one point: a self-intersecting ring.
BOWTIE = [[[7.0, 50.0], [7.1, 50.1], [7.1, 50.0], [7.0, 50.1], [7.0, 50.0]]]


def feature(key, coordinates=SQUARE, geometry_type="Polygon", key_property="key"):
    return {
        "type": "Feature",
        "properties": {key_property: key, "name": f"Gemeinde {key}"},
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def write(tmp_path, data, name="grenzen.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
