"""What every public response tells the browser: a strict Content Security
Policy, no sniffing, a referrer policy, and no cookies for visitors who only
read."""

import pytest

from smartregion.cms.tests.factories import NewsPageFactory
from smartregion.region.tests.factories import MunicipalityFactory

# The news index and search results with pages are left out on purpose: they
# are covered by their own tests, and a rendering error there must not hide
# the header checks.
PUBLIC_URLS = [
    "/",
    "/aktuelles/breitband-mendig/",
    "/kommunen/",
    "/kommunen/mendig/",
    "/kommunen/karte.geojson",
    "/themen/",
    "/suche/?q=Bell",
    "/en/",
]


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.fixture
def portal(page_tree):
    mendig = MunicipalityFactory(name="Verbandsgemeinde Mendig", slug="mendig", places=["Bell", "Thür"])
    NewsPageFactory(
        parent=page_tree.news_index, title="Breitband für Mendig", slug="breitband-mendig", municipalities=[mendig]
    )
    return page_tree


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_a_strict_content_security_policy(client, portal, url):
    response = client.get(url)

    assert response.status_code == 200
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["default-src"]


@pytest.mark.django_db
def test_the_staff_backend_keeps_scripts_strict(client):
    response = client.get("/redaktion/")

    assert response.status_code == 302
    script_src = parse_csp(response["Content-Security-Policy"])["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_forbid_sniffing_framing_and_leaking_the_referrer(client, portal, url):
    response = client.get(url)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_no_cookie(client, portal):
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert dict(response.cookies) == {}, url

    assert dict(client.cookies) == {}
