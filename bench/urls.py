"""The site's URLs plus the benchmark's baseline: a minimal Django view that
returns a fixed 10 KB page through the same middleware as every other page.
Only bench.settings uses this module."""

from django.http import HttpResponse
from django.urls import path

from smartregion.urls import urlpatterns as site_urlpatterns

PAGE_SIZE = 10 * 1024


def _page() -> bytes:
    head = b'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Minimal</title></head><body>\n'
    tail = b"</body></html>\n"
    line = b"<p>Eine feste Seite als Vergleichsma\xc3\x9f f\xc3\xbcr den Durchsatz.</p>\n"
    body = line * ((PAGE_SIZE - len(head) - len(tail)) // len(line))
    filler = b" " * (PAGE_SIZE - len(head) - len(body) - len(tail))
    return head + body + filler + tail


PAGE = _page()
assert len(PAGE) == PAGE_SIZE


def minimal(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/minimal/", minimal, name="bench-minimal"), *site_urlpatterns]
