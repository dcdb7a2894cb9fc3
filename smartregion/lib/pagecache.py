"""Whole pages for anonymous visitors, from the cache.

Most visitors are not logged in and see the same page for the same address
and language, so a page rendered once can be served again until something
changes. Every change on the site is a POST (design rule), so any POST
request ends every cached page at once: `InvalidateOnPostMiddleware` moves
the cache generation on, and the keys of the old generation are never read
again. Changes that are no request (management commands, phases that open
at a date) call `invalidate()` themselves or wait for PAGE_CACHE_SECONDS.

What is never cached: logged-in visitors, anything but GET/HEAD, responses
other than 200, responses that set a cookie or used the CSRF token (the token
belongs to one visitor), and requests that carry flash messages.

Pages whose content is the same for everybody apart from the account
links in the header and the banner asking to verify the address (lists,
editorial pages) are also served to logged-in people from the cache with
`cache_shared_page`: the page is rendered once as for an anonymous visitor,
and each member's copy gets those two slots of base.html
(`<!--slot:NAME-->…<!--/slot:NAME-->`) rendered for them. A view that shows
anything else per person (a support button, a comment form) must not use it.

The cache is the "pages" alias of settings.CACHES: Redis when configured,
otherwise a folder on disk, which all the worker processes of one machine
share (a per-process memory cache would miss another worker's POST).
"""

import functools
import hashlib
import re
import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "pagecache:generation"
SAFE_METHODS = ("GET", "HEAD")


def _cache():
    return caches["pages"]


def generation() -> str:
    value = _cache().get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        _cache().add(GENERATION_KEY, value, None)
        value = _cache().get(GENERATION_KEY, value)
    return value


def invalidate() -> None:
    """Forget every cached page."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def _key(request) -> str:
    # The host too: feeds and e-mail-free pages still carry absolute links.
    path = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page:{generation()}:{get_language()}:{path}"


def _has_messages(request) -> bool:
    session = getattr(request, "session", None)
    return bool(session is not None and session.session_key and session.get("_messages"))


# Stored for an address whose anonymous page cannot be cached (it hands out a
# CSRF token, redirects, ...), so that members skip the attempt next time.
UNCACHEABLE = "uncacheable"


def _cached_response(content, content_type, state) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = state
    patch_vary_headers(response, ["Cookie"])
    return response


def _render_and_store(view, request, key, args, kwargs):
    """Run `view`; store its page under `key` if it may be shared. Returns
    the response and whether it was stored."""
    response = view(request, *args, **kwargs)
    if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
        response.render()
    if (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
    ):
        _cache().set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response, True
    _cache().set(key, UNCACHEABLE, settings.PAGE_CACHE_SECONDS)
    return response, False


def _serve_anonymous(view, request, args, kwargs):
    key = _key(request)
    cached = _cache().get(key)
    if cached is not None and cached != UNCACHEABLE:
        return _cached_response(*cached, state="hit")
    response, _stored = _render_and_store(view, request, key, args, kwargs)
    return response


def cache_for_anonymous(view):
    """Serve `view`'s page to anonymous visitors from the cache (see the
    module's docstring for what is never cached)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS or request.user.is_authenticated or _has_messages(request):
            return view(request, *args, **kwargs)
        return _serve_anonymous(view, request, args, kwargs)

    return wrapper


SLOT = re.compile(rb"<!--slot:(?P<name>[a-z]+)-->.*?<!--/slot:(?P=name)-->", re.DOTALL)
SLOT_TEMPLATES = {
    b"account": "includes/account_nav.html",
    b"banner": "includes/verification_banner.html",
}


# A stand-in for the CSRF token while a slot is rendered, so that the
# rendered slot can be kept and each request only puts its own token in.
CSRF_PLACEHOLDER = "csrf-token-of-this-request"
# Rendered slots by template, language and what they show of the person;
# kept per process (templates do not change while it runs).
_rendered_slots: dict[tuple, bytes] = {}
MAX_RENDERED_SLOTS = 2000


def _render_slot(name: bytes, request) -> bytes:
    from smartregion.accounts.predicates import has_verified_email

    user = request.user
    verified = has_verified_email(user)
    key = (name, get_language(), user.pk, user.email, verified)
    html = _rendered_slots.get(key)
    if html is None:
        context = {
            "user": user,
            "request": request,
            "csrf_token": CSRF_PLACEHOLDER,
            "user_has_verified_email": verified,
        }
        html = get_template(SLOT_TEMPLATES[name]).render(context).encode()
        if len(_rendered_slots) >= MAX_RENDERED_SLOTS:
            _rendered_slots.clear()
        _rendered_slots[key] = html
    if CSRF_PLACEHOLDER.encode() in html:
        html = html.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
    return html


def _fill_slots(content: bytes, request) -> bytes:
    """`content` with each slot of base.html rendered for request.user (a
    logged-in person: the slots show only whether the address is verified
    and the address itself)."""

    def render(match):
        name = match["name"]
        return b"<!--slot:%s-->%s<!--/slot:%s-->" % (name, _render_slot(name, request), name)

    return SLOT.sub(render, content)


def cache_shared_page(view):
    """Like cache_for_anonymous, and logged-in people get the cached page
    too, with the header's account slots filled in for them. Only for views
    whose page shows nothing else that depends on the person."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS or _has_messages(request):
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return _serve_anonymous(view, request, args, kwargs)
        key = _key(request)
        cached = _cache().get(key)
        if cached == UNCACHEABLE:
            return view(request, *args, **kwargs)
        if cached is None:
            member = request.user
            request.user = AnonymousUser()
            try:
                response, stored = _render_and_store(view, request, key, args, kwargs)
            finally:
                request.user = member
            if not stored:
                return view(request, *args, **kwargs)
            cached = (response.content, response["Content-Type"])
            state = "miss"
        else:
            state = "hit"
        content, content_type = cached
        if content_type.startswith("text/html"):
            content = _fill_slots(content, request)
        return _cached_response(content, content_type, state=state)

    return wrapper


class InvalidateOnPostMiddleware:
    """Ends every cached page after any request that may change something
    (every method but GET, HEAD and OPTIONS), whoever sent it and whatever
    its outcome: a failed POST costs a cold cache, a missed one a stale
    page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in (*SAFE_METHODS, "OPTIONS"):
            invalidate()
        return response
