"""The page cache for anonymous visitors (lib/pagecache.py), on the home
page, which Wagtail serves through the cached view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartregion.lib import pagecache

pytestmark = pytest.mark.django_db


def test_the_second_anonymous_visit_comes_from_the_cache_without_a_query(client, page_tree):
    first = client.get("/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0


def test_each_language_and_query_string_has_its_own_entry(client, page_tree):
    client.get("/")

    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/?seite=2")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_pages_for_anonymous_visitors_only_render_afresh_for_members(rf, citizen):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    def view(request):
        return HttpResponse(f"Seite für {request.user}")

    cached_view = pagecache.cache_for_anonymous(view)
    anonymous = rf.get("/idee/")
    anonymous.user = AnonymousUser()
    cached_view(anonymous)
    member = rf.get("/idee/")
    member.user = citizen

    response = cached_view(member)

    assert "X-Page-Cache" not in response
    assert response.content.decode() == f"Seite für {citizen}"


def test_any_post_ends_every_cached_page(client, page_tree):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"

    # Even a refused POST: the middleware cannot know what it changed.
    client.post("/konto/login/", {"login": "nobody@example.org", "password": "wrong"})

    assert client.get("/")["X-Page-Cache"] == "miss"


def test_invalidate_ends_every_cached_page(client, page_tree):
    client.get("/")

    pagecache.invalidate()

    assert client.get("/")["X-Page-Cache"] == "miss"


def test_a_page_that_hands_out_a_csrf_token_is_not_cached(rf, settings):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    def view(request):
        get_token(request)
        return HttpResponse("form")

    cached_view = pagecache.cache_for_anonymous(view)
    request = rf.get("/formular/")
    request.user = AnonymousUser()

    response = cached_view(request)

    assert "X-Page-Cache" not in response
    request = rf.get("/formular/")
    request.user = AnonymousUser()
    assert "X-Page-Cache" not in cached_view(request)


def test_error_pages_are_not_cached(client, page_tree):
    client.get("/gibt-es-nicht/")

    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    assert "X-Page-Cache" not in response


def test_members_get_the_shared_page_with_their_own_account_links(client, page_tree, citizen):
    client.get("/")  # an anonymous visitor fills the cache
    client.force_login(citizen)

    response = client.get("/")
    page = response.content.decode()

    assert response["X-Page-Cache"] == "hit"
    assert "Mein Konto" in page and "Abmelden" in page
    assert "Registrieren" not in page
    # The banner asks the unverified citizen to confirm the address, with
    # the citizen's own CSRF token in its form.
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_member_fills_the_cache_with_the_anonymous_page(client, page_tree, citizen):
    from smartregion.accounts.tests.factories import verify_email

    client.force_login(verify_email(citizen))

    first = client.get("/")
    client.logout()
    second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert "Abmelden" in first.content.decode()
    assert second["X-Page-Cache"] == "hit"
    assert "Abmelden" not in second.content.decode()
    assert "Anmelden" in second.content.decode()


def test_a_member_hit_costs_only_the_account_queries(client, page_tree, citizen, django_assert_num_queries):
    client.get("/")
    client.force_login(citizen)
    client.get("/")  # renews the session

    # 1 session, 2 user, 3 the verified-address check of the banner
    with django_assert_num_queries(3):
        client.get("/")


def test_each_member_gets_their_own_slots_and_csrf_token(page_tree, citizen, other_citizen):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(citizen)
    second.force_login(other_citizen)

    pages = [client.get("/").content.decode() for client in (first, second, first)]

    assert 'value="citizen@example.org"' in pages[0] and 'value="citizen@example.org"' in pages[2]
    assert 'value="other.citizen@example.org"' in pages[1]
    assert "other.citizen@example.org" not in pages[0]
    assert pagecache.CSRF_PLACEHOLDER not in "".join(pages)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def _member_page_view(calls):
    """A view whose page greets the visitor in a slot and notes, for the
    members' copies, a greeting with a stand-in for the name and a form."""
    from django.http import HttpResponse

    def view(request):
        calls.append(request.user.is_authenticated)
        pagecache.note(request, "greeting", f"Hallo NAME <input value='{pagecache.CSRF_PLACEHOLDER}'>")
        greeting = f"Hallo {request.user.display_name}" if request.user.is_authenticated else "Hallo Gast"
        return HttpResponse(f"<p><!--slot:greeting-->{greeting}<!--/slot:greeting--></p><p>Für alle</p>")

    return view


def _get(rf, user):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/seite/")
    request.user = user or AnonymousUser()
    return request


def test_members_get_the_cached_page_with_the_slots_their_fill_returns(rf, citizen):
    calls = []

    def fill(request, notes):
        return {"greeting": notes["greeting"].replace("NAME", request.user.display_name)}

    view = pagecache.cache_member_page(fill)(_member_page_view(calls))
    anonymous = view(_get(rf, None)).content.decode()
    member = view(_get(rf, citizen))

    assert calls == [False]  # rendered once, for the cache
    assert member["X-Page-Cache"] == "hit"
    page = member.content.decode()
    assert f"<!--slot:greeting-->Hallo {citizen.display_name} <input value='" in page
    assert pagecache.CSRF_PLACEHOLDER not in page
    assert "<p>Für alle</p>" in page
    assert "Hallo Gast" in anonymous and pagecache.CSRF_PLACEHOLDER not in anonymous
    assert "Hallo Gast" in view(_get(rf, None)).content.decode()


def test_a_fill_that_returns_none_has_the_page_rendered_for_the_member(rf, citizen):
    calls = []
    view = pagecache.cache_member_page(lambda request, notes: None)(_member_page_view(calls))

    response = view(_get(rf, citizen))

    assert calls == [False, True]  # for the cache, then for the member
    assert "X-Page-Cache" not in response
    assert f"Hallo {citizen.display_name}" in response.content.decode()


def test_a_page_anonymous_visitors_may_not_see_is_rendered_for_the_member(rf, citizen):
    from django.http import Http404, HttpResponse

    def view(request):
        if not request.user.is_authenticated:
            raise Http404
        return HttpResponse("Nur für Angemeldete")

    cached_view = pagecache.cache_member_page(lambda request, notes: {})(view)

    assert cached_view(_get(rf, citizen)).content.decode() == "Nur für Angemeldete"
    assert cached_view(_get(rf, citizen)).content.decode() == "Nur für Angemeldete"


def _participation_view():
    from django.http import HttpResponse

    return pagecache.cache_for_anonymous(lambda request: HttpResponse("Ideen"), shelf=pagecache.PARTICIPATION)


def _visit(rf, view):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/ideenspeicher/")
    request.user = AnonymousUser()
    return view(request)["X-Page-Cache"]


def test_ending_the_participation_shelf_leaves_the_editorial_pages(client, rf, page_tree):
    view = _participation_view()
    client.get("/")
    _visit(rf, view)

    pagecache.invalidate(pagecache.PARTICIPATION)

    assert _visit(rf, view) == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_ending_everything_ends_both_shelves(client, rf, page_tree):
    view = _participation_view()
    client.get("/")
    _visit(rf, view)

    pagecache.invalidate()

    assert _visit(rf, view) == "miss"
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_there_is_no_third_shelf():
    with pytest.raises(ValueError):
        pagecache.invalidate("ideas")


def test_a_page_unlocked_with_its_password_is_never_served_to_others(client, page_tree):
    from django.test import Client
    from wagtail.models import PageViewRestriction

    page = page_tree.content
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-2026"
    )
    url = page.url
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "geheim-2026", "return_url": url},
    )
    unlocked = client.get(url)
    assert "Über das Projekt" in unlocked.text and "password" not in unlocked.text.lower()

    other = Client().get(url)

    assert other.get("X-Page-Cache") != "hit"
    assert 'name="password"' in other.text


def test_a_response_marked_private_is_not_kept(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.utils.cache import patch_cache_control

    def view(request):
        response = HttpResponse("nur für mich")
        patch_cache_control(response, private=True)
        return response

    cached_view = pagecache.cache_for_anonymous(view)
    for _ in range(2):
        request = rf.get("/privat/")
        request.user = AnonymousUser()
        response = cached_view(request)

    assert response.get("X-Page-Cache") != "hit"


def test_page_cache_seconds_0_switches_the_cache_off_also_for_pages_with_an_end(rf, settings):
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.utils import timezone

    settings.PAGE_CACHE_SECONDS = 0

    def view(request):
        pagecache.valid_until(request, timezone.now() + timezone.timedelta(hours=1))
        return HttpResponse("Phase endet bald")

    cached_view = pagecache.cache_for_anonymous(view)
    states = []
    for _ in range(2):
        request = rf.get("/phase/")
        request.user = AnonymousUser()
        states.append(cached_view(request)["X-Page-Cache"])

    assert states == ["miss", "miss"]
