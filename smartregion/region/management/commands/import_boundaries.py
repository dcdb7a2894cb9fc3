import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from shapely.geometry import mapping, shape

from smartregion.lib import pagecache
from smartregion.region.models import Municipality

POLYGONAL = {"Polygon", "MultiPolygon"}


class Command(BaseCommand):
    help = (
        "Attach boundaries from a GeoJSON FeatureCollection (WGS84) to municipalities, matched by the feature "
        "property 'key' (or --key-property) against Municipality.key. Features without a matching municipality "
        "are reported and skipped; nothing is written if a geometry is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="GeoJSON file")
        parser.add_argument("--key-property", default="key", help="feature property holding the municipality key")

    def handle(self, *args, path, key_property, **options):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
        except ValueError as exc:
            raise CommandError(f"{path} is not valid JSON: {exc}") from None
        if (
            not isinstance(data, dict)
            or data.get("type") != "FeatureCollection"
            or not isinstance(data.get("features"), list)
        ):
            raise CommandError(f"{path} is not a GeoJSON FeatureCollection")

        municipalities = {m.key: m for m in Municipality.objects.defer("boundary")}
        updates, unknown = [], []
        for number, feature in enumerate(data["features"], start=1):
            if not isinstance(feature, dict) or not isinstance(feature.get("properties") or {}, dict):
                raise CommandError(f"Feature {number} is not a GeoJSON feature object")
            key = str((feature.get("properties") or {}).get(key_property, "")).strip()
            geometry = feature.get("geometry") or {}
            if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONAL:
                raise CommandError(f"Feature {number} ({key or 'no key'}) is not a polygon")
            try:
                geom = shape(geometry)
            except Exception as exc:  # shapely raises several kinds
                raise CommandError(f"Feature {number} ({key}) has a broken geometry: {exc}") from None
            if not geom.is_valid:
                raise CommandError(f"Feature {number} ({key}) has an invalid geometry")
            municipality = municipalities.get(key)
            if municipality is None:
                unknown.append(key or f"#{number}")
                continue
            municipality.boundary = mapping(geom)
            updates.append(municipality)

        with transaction.atomic():
            Municipality.objects.bulk_update(updates, ["boundary"])
        pagecache.invalidate()
        for key in unknown:
            self.stderr.write(f"No municipality with key {key}; skipped.")
        self.stdout.write(self.style.SUCCESS(f"Boundaries attached to {len(updates)} municipalities."))
