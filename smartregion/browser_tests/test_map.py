"""The overview map asks before it loads anything from the tile server."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .conftest import TINY_PNG, browser_db

pytestmark = [pytest.mark.browser, browser_db]


def test_map_loads_tiles_only_after_consent(new_context):
    tile_host = urlsplit(settings.MAP_TILE_URL).netloc
    assert tile_host, f"MAP_TILE_URL has no host: {settings.MAP_TILE_URL}"
    context = new_context()
    page = context.new_page()

    clicked = False
    requests = []  # (url, after the click?)
    page.on("request", lambda request: requests.append((request.url, clicked)))
    tiles = []

    def serve_tile(route):
        tiles.append((route.request.url, clicked))
        route.fulfill(status=200, content_type="image/png", body=TINY_PNG)

    # Registered after the context's catch-all, so this handler comes first.
    page.route(re.compile(rf"^https?://{re.escape(tile_host)}/"), serve_tile)

    page.goto("/kommunen/")
    page.wait_for_load_state("networkidle")
    server = page.evaluate("location.origin")
    before = [url for url, after in requests if not after and not url.startswith(server + "/")]
    assert not before, "Requests to other hosts before 'Karte laden':\n" + "\n".join(before)

    map_canvas = page.locator("#map")
    assert not map_canvas.is_visible()
    button = page.get_by_role("button", name="Karte laden")
    assert button.is_visible()

    clicked = True
    with page.expect_response(lambda response: "/kommunen/karte.geojson" in response.url) as geojson:
        button.click()
    assert geojson.value.status == 200
    assert map_canvas.is_visible()
    assert not button.is_visible()

    expect(page.locator("#map .leaflet-tile-loaded").first).to_be_attached()
    assert tiles, f"Leaflet requested no tile from {tile_host} after the click"
    assert all(after for _, after in tiles), "Tiles were requested before the click"
    # The municipalities are drawn on the map: a marker for each seat, and
    # the boundaries where imported.
    expect(page.locator("#map path.leaflet-interactive").nth(9)).to_be_attached()

    others = [url for url, _ in requests if not url.startswith(server + "/") and urlsplit(url).netloc != tile_host]
    assert not others, "Requests to hosts other than the site and the tile server:\n" + "\n".join(others)
