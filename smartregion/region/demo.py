"""Demo data of the first region, "Smarte Region MYK10" (Landkreis
Mayen-Koblenz). Only `manage.py seed_demo` uses it; the product itself knows
no region."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from wagtail.search import index

from smartregion.region.models import FocusArea, Municipality, Place, RegionSettings, Topic

REGION = {
    "name": "Smarte Region MYK10",
    "short_name": "MYK10",
    "territory": "Landkreis Mayen-Koblenz",
    "population": 219001,
    "population_date": dt.date(2023, 12, 31),
    "area_km2": Decimal("817.67"),
    "contact_email": "smarte.region@kvmyk.de",
    "map_center_lat": 50.37,
    "map_center_lon": 7.42,
    "map_zoom": 10,
    "boundary_attribution": "Gemeindegrenzen: © GeoBasis-DE / BKG 2021 (Daten verändert), dl-de/by-2-0",
}

# Generalised boundaries (BKG VG5000, 2021) of the ten municipalities; see the
# "source" and "license" properties in the file.
BOUNDARIES = Path(__file__).resolve().parent / "demo_data" / "myk10-municipalities.geojson"

GUIDE_1 = "Regionallotsin 1 (Mayen, Mendig, Vordereifel)"
GUIDE_2 = "Regionallotsin 2 (Bendorf, Vallendar, Weißenthurm)"
GUIDE_3 = "Regionallotsin 3 (Andernach, Pellenz)"
GUIDE_4 = "Regionallotsin 4 (Maifeld, Rhein-Mosel)"

K = Municipality.Kind
# slug, name, kind, key, population, as of, area, seat, seat note, lat, lon, guide
MUNICIPALITIES = [
    ("andernach", "Andernach", K.LARGE_TOWN, "07137003", 30408, "2023-12-31", "53.34", "Andernach", "", 50.43972, 7.40167, GUIDE_3),
    ("bendorf", "Bendorf", K.FREE_TOWN, "07137203", 16893, "2020-12-31", "24.07", "Bendorf", "", 50.42972, 7.57028, GUIDE_2),
    ("mayen", "Mayen", K.LARGE_TOWN, "07137068", 19882, "2023-12-31", "58.19", "Mayen", "", 50.32962, 7.22126, GUIDE_1),
    ("maifeld", "Verbandsgemeinde Maifeld", K.ASSOCIATION, "071375002", 25084, "2022-12-31", "161.76", "Polch", "", 50.30111, 7.31667, GUIDE_4),
    ("mendig", "Verbandsgemeinde Mendig", K.ASSOCIATION, "071375004", 13724, "2023-12-31", "53.94", "Mendig", "", 50.37444, 7.28083, GUIDE_1),
    ("pellenz", "Verbandsgemeinde Pellenz", K.ASSOCIATION, "071375001", 17089, "2022-12-31", "55.35", "Plaidt", "", 50.39028, 7.38944, GUIDE_3),
    ("rhein-mosel", "Verbandsgemeinde Rhein-Mosel", K.ASSOCIATION, "071375009", 27267, "2023-12-31", "164.31", "Kobern-Gondorf", "", 50.31000, 7.46000, GUIDE_4),
    ("vallendar", "Verbandsgemeinde Vallendar", K.ASSOCIATION, "071375007", 16331, "2023-12-31", "26.34", "Vallendar", "", 50.39714, 7.62202, GUIDE_2),
    ("vordereifel", "Verbandsgemeinde Vordereifel", K.ASSOCIATION, "071375003", 16438, "2023-12-31", "167.67", "Mayen", "außerhalb der Verbandsgemeinde", 50.32962, 7.22126, GUIDE_1),
    ("weissenthurm", "Verbandsgemeinde Weißenthurm", K.ASSOCIATION, "071375008", 35279, "2022-12-31", "52.65", "Weißenthurm", "", 50.41444, 7.46056, GUIDE_2),
]  # fmt: skip

PLACES = {
    "maifeld": "Einig, Gappenach, Gering, Gierschnach, Kalt, Kerben, Kollig, Lonnig, Mertloch, Münstermaifeld, "
    "Naunheim, Ochtendung, Pillig, Polch, Rüber, Trimbs, Welling, Wierschem",
    "mendig": "Bell, Mendig, Rieden, Thür, Volkesfeld",
    "pellenz": "Kretz, Kruft, Nickenich, Plaidt, Saffig",
    "rhein-mosel": "Alken, Brey, Brodenbach, Burgen, Dieblich, Hatzenport, Kobern-Gondorf, Lehmen, Löf, Macken, "
    "Niederfell, Nörtershausen, Oberfell, Rhens, Spay, Waldesch, Winningen, Wolken",
    "vallendar": "Niederwerth, Urbar, Vallendar, Weitersburg",
    "vordereifel": "Acht, Anschau, Arft, Baar, Bermel, Boos, Ditscheid, Ettringen, Hausten, Herresbach, Hirten, "
    "Kehrig, Kirchwald, Kottenheim, Langenfeld, Langscheid, Lind, Luxem, Monreal, Münk, Nachtsheim, "
    "Reudelsterz, Sankt Johann, Siebenbach, Virneburg, Weiler, Welschenbach",
    "weissenthurm": "Bassenheim, Kaltenengers, Kettig, Mülheim-Kärlich, Sankt Sebastian, Urmitz, Weißenthurm",
}

FOCUS_AREAS = [
    (
        "gleichwertige-entwicklung",
        "Gleichwertige Entwicklung aller Teilräume",
        "Stadt, Rheintal, Maifeld und Eifel sind sehr verschieden. Überall sollen Menschen gut leben, "
        "arbeiten und versorgt sein – digitale Angebote helfen, Wege und Unterschiede kleiner zu machen.",
    ),
    (
        "innovative-mobilitaet",
        "Innovative Mobilität",
        "Gut von A nach B kommen, auch ohne eigenes Auto: Angebote verknüpfen, Daten zum Verkehr nutzen "
        "und neue Formen wie Mitfahren auf dem Land erproben.",
    ),
    (
        "zukunftsfaehige-kommunen",
        "Zukunftsfähiger Wandel der Städte und Verbandsgemeinden",
        "Lebendige Ortskerne, Verwaltung mit Online-Diensten und Orte, an denen Menschen zusammenkommen: "
        "die Kommunen verändern sich, und die Menschen gestalten das mit.",
    ),
]

TOPICS = [
    ("arbeit", "Arbeit", "Arbeiten in der Region: Coworking, mobile Arbeit, Fachkräfte und Betriebe."),
    ("bildung", "Bildung", "Lernen in jedem Alter: Schule, Weiterbildung und digitale Kompetenzen."),
    ("freizeit", "Freizeit", "Kultur, Sport, Vereine und Tourismus – und wie man davon erfährt."),
    ("gemeinschaft", "Gemeinschaft", "Ehrenamt, Nachbarschaft und Zusammenhalt in Dörfern und Städten."),
    ("infrastruktur", "Infrastruktur", "Breitband, Mobilfunk, offene Daten und Sensoren für die Region."),
    ("medizin", "Medizin", "Gesundheit und Pflege nah am Wohnort, auch mit Telemedizin."),
    ("mobilitaet", "Mobilität", "Bus, Bahn, Rad, Mitfahren und Sharing – gut verknüpft."),
    ("umwelt", "Umwelt", "Klima, Energie und Natur: messen, sparen, schützen."),
    ("versorgung", "Versorgung", "Einkaufen, Dienstleistungen und Verwaltung vor Ort und online."),
    ("wirtschaft", "Wirtschaft", "Handel, Handwerk und Gründungen: Unternehmen in der digitalen Region."),
]


def seed():
    """Create what is missing of the region's vocabulary. What exists is left
    as it is (staff may have edited it), so a second run changes nothing."""
    region = RegionSettings.load()
    if not region.short_name:
        for field, value in REGION.items():
            setattr(region, field, value)
        region.save()
    for order, (slug, title, summary) in enumerate(FOCUS_AREAS, start=1):
        FocusArea.objects.get_or_create(slug=slug, defaults={"title": title, "summary": summary, "sort_order": order})
    for order, (slug, name, description) in enumerate(TOPICS, start=1):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    for slug, name, kind, key, population, as_of, area, seat, seat_note, lat, lon, guide in MUNICIPALITIES:
        municipality, created = Municipality.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "key": key,
                "population": population,
                "population_date": dt.date.fromisoformat(as_of),
                "area_km2": Decimal(area),
                "seat_name": seat,
                "seat_note": seat_note,
                "seat_lat": lat,
                "seat_lon": lon,
                "regional_guide": guide,
            },
        )
        if created:
            names = [place.strip() for place in PLACES.get(slug, "").split(",") if place.strip()]
            Place.objects.bulk_create(
                Place(municipality=municipality, name=name, sort_order=order) for order, name in enumerate(names)
            )
            # The search index holds the member places too; refresh it now
            # that they exist.
            index.insert_or_update_object(municipality)
    if not Municipality.objects.filter(boundary__isnull=False).exists():
        call_command("import_boundaries", str(BOUNDARIES), stdout=io.StringIO())
