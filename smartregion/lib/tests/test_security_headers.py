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
def test_the_staff_backend_lets_wagtails_inline_scripts_run_and_nothing_else(client):
    response = client.get("/redaktion/")

    assert response.status_code == 302
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    # The preview of a page is a frame of the backend.
    assert csp["frame-ancestors"] == ["'self'"]


def _policy_of(path, *, use_nonce):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from smartregion.lib.csp import CSPMiddleware

    def view(request):
        if use_nonce:
            str(request.csp_nonce)
        return HttpResponse("ok")

    response = CSPMiddleware(view)(RequestFactory().get(path))
    return parse_csp(response["Content-Security-Policy"])


def test_the_backend_policy_never_carries_a_nonce_that_would_switch_off_unsafe_inline():
    script_src = _policy_of("/redaktion/pages/", use_nonce=True)["script-src"]

    assert script_src == ["'self'", "'unsafe-inline'"]


def test_a_public_page_allows_no_inline_script_even_when_a_template_asks_for_a_nonce():
    script_src = _policy_of("/aktuelles/", use_nonce=True)["script-src"]

    assert script_src == ["'self'"]


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


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/konto/login/", "/redaktion/"])
def test_every_response_forbids_camera_microphone_and_location(client, portal, url):
    policy = client.get(url)["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"):
        assert feature in policy


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/konto/login/", "/konto/signup/", "/en/konto/login/"])
def test_account_pages_are_never_stored_even_for_visitors(client, url):
    cache_control = client.get(url)["Cache-Control"]

    assert "no-store" in cache_control and "private" in cache_control


@pytest.mark.django_db
def test_every_page_for_a_logged_in_person_is_never_stored(client, portal):
    from smartregion.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    for url in ["/", "/kommunen/mendig/", "/konto/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, url


@pytest.mark.django_db
def test_a_visitors_public_page_stays_cacheable(client, portal):
    assert "no-store" not in client.get("/kommunen/").get("Cache-Control", "")
