"""The Ideenspeicher in Chromium: filtering with the keyboard only, the
list, the empty state of a filter and the map view (tiles only after
"Karte laden", markers a keyboard reaches), with axe-core on every state at
desktop width and at 320 px (WCAG 2.1 A/AA, no violation allowed)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.models import Municipality, Topic

from .conftest import TINY_PNG, Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}
PROCESS = "browser-ideenspeicher"


@pytest.fixture
def ideas(demo):
    """24 ideas of one process of its own (so that the demo's ideas do not
    matter): in Mendig or the whole region, some on site, one withdrawn,
    all but one with a point."""
    process = ProcessFactory(title="Ideenspeicher im Browsertest", slug=PROCESS)
    mendig = Municipality.objects.get(slug="mendig")
    topic = Topic.objects.order_by("sort_order").first()
    guide = UserFactory()
    created = []
    for number in range(24):
        fields = {
            "process": process,
            "title": f"Mitfahrbank Nummer {number}" if number % 3 == 0 else f"Dorfladen Nummer {number}",
            "text": "Eine Bank am Ortsausgang, auf der man zeigt, dass man mitgenommen werden möchte.",
            "municipality": mendig if number % 2 == 0 else None,
            "latitude": None if number == 5 else 50.30 + number / 200,
            "longitude": None if number == 5 else 7.20 + number / 200,
            "support_count": number,
            "topics": [topic] if topic else None,
        }
        if number % 4 == 1:
            fields.update(author=None, channel=Idea.Channel.PAPER, captured_by=guide)
        if number == 20:
            fields["status"] = Idea.Status.WITHDRAWN
        created.append(IdeaFactory(**fields))
    return created


def params(page):
    return {key: values[0] for key, values in parse_qs(urlsplit(page.url).query).items()}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "320px"])
def test_filtering_with_the_keyboard_the_list_and_the_empty_state_pass_axe(new_context, axe_source, ideas, viewport):
    axe = Axe(axe_source)
    page = new_context(viewport=viewport).new_page()

    page.goto(f"/ideenspeicher/?process={PROCESS}")
    assert page.get_by_role("heading", name="24 Ideen").is_visible()
    assert page.locator(".idea-card").count() == 20
    assert page.locator(".idea-card--withdrawn").count() == 1
    assert page.get_by_role("link", name="Nächste Seite").is_visible()
    axe.check(page, "list")

    # Keyboard only: type the words, move on with Tab, pick the
    # municipality by typing its name, submit with Enter.
    search = page.get_by_label("Suchbegriffe")
    search.focus()
    page.keyboard.type("mitfahrbank")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_process"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_municipality"
    page.keyboard.type("Verbandsgemeinde Mendig")
    assert page.locator("#id_municipality").input_value() == "mendig"
    for _ in range(6):  # focus area, topic, status, channel, sort, button
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Ideen anzeigen"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert params(page) == {"q": "mitfahrbank", "process": PROCESS, "municipality": "mendig", "sort": "neueste"}
    expected = [idea.title for idea in ideas if "Mitfahrbank" in idea.title and idea.municipality_id]
    titles = page.locator(".idea-card__title").all_inner_texts()
    assert sorted(titles) == sorted(expected)
    assert page.get_by_label("Suchbegriffe").input_value() == "mitfahrbank"
    axe.check(page, "filtered list")

    page.goto(f"/ideenspeicher/?process={PROCESS}&q=xyzzy")
    assert page.get_by_text("Keine Idee passt zu Ihrer Auswahl.", exact=False).is_visible()
    axe.check(page, "filtered, empty")
    page.get_by_role("link", name="Alle Filter zurücksetzen").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).query == ""

    axe.assert_clean()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "320px"])
def test_the_map_view_loads_tiles_only_after_consent_and_its_markers_work_with_the_keyboard(
    new_context, axe_source, ideas, viewport
):
    axe = Axe(axe_source)
    tile_host = urlsplit(settings.MAP_TILE_URL).netloc
    page = new_context(viewport=viewport).new_page()
    clicked = False
    requests = []
    page.on("request", lambda request: requests.append((request.url, clicked)))
    tiles = []

    def serve_tile(route):
        tiles.append(clicked)
        route.fulfill(status=200, content_type="image/png", body=TINY_PNG)

    # Registered after the context's catch-all, so this handler comes first.
    page.route(re.compile(rf"^https?://{re.escape(tile_host)}/"), serve_tile)

    page.goto(f"/ideenspeicher/?process={PROCESS}")
    page.get_by_role("link", name="Karte", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert params(page) == {"process": PROCESS, "ansicht": "karte"}
    server = page.evaluate("location.origin")
    before = [url for url, after in requests if not after and not url.startswith(server + "/")]
    assert not before, "Requests to other hosts before 'Karte laden':\n" + "\n".join(before)
    assert not page.locator("#idea-map").is_visible()
    # The list stays below the map as the alternative.
    assert page.locator(".idea-card").count() == 20
    axe.check(page, "map view before consent")

    clicked = True
    with page.expect_response(lambda response: "/ideenspeicher/karte.json" in response.url) as geojson:
        page.get_by_role("button", name="Karte laden").click()
    assert geojson.value.status == 200
    assert f"process={PROCESS}" in geojson.value.url
    expect(page.locator("#idea-map .leaflet-tile-loaded").first).to_be_attached()
    assert tiles and all(tiles), "Tiles were requested before the click"
    markers = page.locator("#idea-map .idea-marker")
    markers.first.wait_for()
    assert markers.count() == 23  # every idea of the process but the one without a point
    others = [url for url, _ in requests if not url.startswith(server + "/") and urlsplit(url).netloc != tile_host]
    assert not others, "Requests to hosts other than the site and the tile server:\n" + "\n".join(others)

    # A marker is a button: Enter opens its popup and puts the focus on the
    # idea's link; Escape closes it and returns to the marker.
    marker = markers.first
    marker.focus()
    name = marker.get_attribute("aria-label")
    assert name in {idea.title for idea in ideas}
    page.keyboard.press("Enter")
    popup_link = page.locator(".leaflet-popup-content a")
    popup_link.wait_for()
    assert popup_link.inner_text() == name
    assert page.evaluate("document.activeElement.textContent") == name
    axe.check(page, "map view with an open popup")
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == name

    axe.assert_clean()


def test_without_javascript_the_map_view_still_lists_the_ideas(browser, demo, ideas):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(f"/ideenspeicher/?process={PROCESS}&ansicht=karte")
        assert not page.get_by_role("button", name="Karte laden").is_visible()
        assert not page.locator("#idea-map").is_visible()
        assert page.locator(".idea-card").count() == 20
        page.get_by_role("link", name="Nächste Seite").click()
        assert params(page) == {"process": PROCESS, "ansicht": "karte", "seite": "2"}
        assert page.locator(".idea-card").count() == 4
    finally:
        context.close()
