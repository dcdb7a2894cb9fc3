"""The loader reads a region from its folder: the pictures it names are
there, an unknown region is refused, and a second region is a second
folder."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from smartregion.cms.models import ContentPage, HomePage
from smartregion.demo import loader
from smartregion.events.models import Event
from smartregion.participation.models import Phase
from smartregion.region.models import Municipality

SECOND_REGION = {
    "region.yaml": """
settings:
  name: Zweite Region
  short_name: ZR
topics:
- {slug: umwelt, name: Umwelt, description: Klima und Natur.}
municipalities:
- {slug: musterstadt, name: Musterstadt, kind: free_town, key: "07000001", population: 1000,
   population_date: 2024-12-31, area_km2: "12.5", seat_name: Musterstadt, seat_lat: 50.0, seat_lon: 7.0,
   regional_guide: Lotse}
""",
    "pages.yaml": """
home: {type: HomePage, slug: start, title: Zweite Region, intro: Willkommen.}
site: {hostname: localhost, site_name: Zweite Region}
pages:
- {parent: '', slug: impressum, type: ContentPage, title: Impressum, body: [{heading: Anbieter}]}
site_links: {imprint: impressum}
""",
    "events.yaml": """
events:
- {title: Stadtrundgang, kind: werkstatt, summary: Ein Rundgang., starts_in_days: 3, starts: '10:00', ends: '12:00',
   municipality: musterstadt, registration: none}
""",
}


def test_every_picture_the_pages_name_is_a_file_of_the_region():
    region = loader.region_folder("myk10")
    pictures = {spec["title"]: spec["file"] for spec in region.read("images")["images"]}
    named = {ref.title for name in ("pages", "news") for ref in _image_refs(region.read(name))}

    assert named and named <= set(pictures)
    for file in pictures.values():
        assert (region.folder / "images" / file).read_bytes().startswith(b"\x89PNG")


def _image_refs(value):
    if isinstance(value, loader.ImageRef):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _image_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _image_refs(item)


def test_a_phase_opens_registered_actions_in_the_registry_order():
    assert loader.phase_opens(["jury.results", "ideas.submit"]) == ["ideas.submit", "jury.results"]
    with pytest.raises(KeyError):
        loader.phase_opens(["surveys.answer"])


@pytest.mark.django_db
def test_an_unknown_region_is_refused_with_the_known_ones(settings):
    settings.DEBUG = True

    with pytest.raises(CommandError, match="No demo region 'atlantis'.*myk10"):
        call_command("seed_demo", "--region", "atlantis", stdout=StringIO())

    assert not Municipality.objects.exists()


@pytest.mark.django_db
def test_a_second_region_is_a_second_folder(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    folder = tmp_path / "zweite"
    folder.mkdir()
    for name, text in SECOND_REGION.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(loader, "REGIONS", tmp_path)

    call_command("seed_demo", "--region", "zweite", stdout=StringIO())
    call_command("seed_demo", "--region", "zweite", stdout=StringIO())

    assert list(Municipality.objects.values_list("slug", flat=True)) == ["musterstadt"]
    assert HomePage.objects.get().title == "Zweite Region"
    assert list(ContentPage.objects.values_list("slug", flat=True)) == ["impressum"]
    assert Event.objects.get().municipality.slug == "musterstadt"
    assert not Phase.objects.exists()
