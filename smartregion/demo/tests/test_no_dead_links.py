"""Walk the seeded demo site like a visitor following every link."""

from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

START = ["/", "/en/"]
# Links that are not pages: the backend, files and feeds are checked by
# status only, and nothing outside the site is followed.
NOT_CRAWLED = ("/redaktion/", "/static/", "/media/", "/dokumente/")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in {"img", "script", "link", "source"}:
            for name in ("src", "href"):
                if attrs.get(name):
                    self.links.append(attrs[name])


def _internal(base, href):
    url = urldefrag(urljoin(base, href)).url
    parts = urlsplit(url)
    if parts.scheme not in {"", "http"} or parts.netloc not in {"", "testserver"}:
        return None
    # `next` only says where to return after logging in (to a page the walk
    # reaches on its own): one visit of the login and sign-up pages per
    # language, not one per page linking to them.
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(name, value) for name, value in pairs if name != "next"])
    return parts.path + (f"?{query}" if query else "")


@pytest.fixture
def demo_site(seeded, settings):
    settings.DEBUG = False


def test_every_link_of_the_demo_site_leads_somewhere(client, demo_site):
    seen, queue, broken = set(), list(START), []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if url.startswith(django_settings.STATIC_URL):
            # Served by WhiteNoise after collectstatic; here the finders know.
            if not finders.find(url.removeprefix(django_settings.STATIC_URL)):
                broken.append((url, 404))
            continue
        if url.startswith(django_settings.MEDIA_URL):
            # Uploaded files are served by the web server in production.
            if not default_storage.exists(url.removeprefix(django_settings.MEDIA_URL)):
                broken.append((url, 404))
            continue
        response = client.get(url)
        if response.status_code != 200:
            broken.append((url, response.status_code))
            continue
        if url.startswith(NOT_CRAWLED) or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(response.content.decode())
        for href in parser.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target = _internal(url, href)
            if target and target not in seen:
                queue.append(target)
    assert not broken, f"Broken links: {broken}"
    # The walk reached the whole portal, not just the home page.
    assert {"/kommunen/mendig/", "/aktuelles/", "/impressum/", "/leichte-sprache/"} <= seen
    assert len(seen) > 40
