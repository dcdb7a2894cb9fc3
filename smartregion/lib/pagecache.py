"""Whole pages for anonymous visitors, from the cache.

Most visitors are not logged in and see the same page for the same address
and language, so a page rendered once can be served again until something
changes. Every change on the site is a POST (design rule), so any POST
request ends every cached page at once: `InvalidateOnPostMiddleware` moves
the cache generation on, and the keys of the old generation are never read
again. Pages stand on one of two shelves, editorial and participation
(see SHELVES); views whose POSTs end what they change themselves (the
moderation's decisions end the participation shelf) or change no page (a
report) are marked `keeps_cached_pages`. Changes that are no request call `invalidate()` themselves
(management commands) or wait for PAGE_CACHE_SECONDS; pages that change at
a phase boundary say when (`valid_until()`).

What is never cached: a page rendered for a logged-in person, anything but
GET/HEAD, responses other than 200, responses that set a cookie, used the
CSRF token (the token belongs to one visitor) or are marked private or
no-store (a page behind a password), and requests that carry flash
messages. PAGE_CACHE_SECONDS=0 switches the cache off.

Pages whose content is the same for everybody apart from the account
links in the header and the banner asking to verify the address (lists,
editorial pages) are also served to logged-in people from the cache with
`cache_shared_page`: the page is rendered once as for an anonymous visitor,
and each member's copy gets those two slots of base.html
(`<!--slot:NAME-->…<!--/slot:NAME-->`) rendered for them by the functions
the accounts app registers (`register_person_slot`).

Pages that show more per person (an idea with its support button, comment
form and reply forms) use `cache_member_page(fill)`: while the anonymous
page is rendered for the cache, the view and its template tags `note()`
what a member's copy needs (for instance the comment form rendered once,
with stand-ins for the CSRF token and the form's submission key), and the
notes are kept with the page. For each member, `fill(request, notes, …)`
returns the HTML of the page's own slots for that person, from the notes
and a query or two, or None when the page must be rendered for them after
all (the author of the idea, a superuser, someone whose pending comment
only they see). Slots do not nest. Per-request values in kept HTML are
written as stand-ins (`CSRF_PLACEHOLDER`, made from SECRET_KEY, so that no
text a person types can contain one) and replaced per copy.

The cache is the "pages" alias of settings.CACHES: Redis when configured,
otherwise a folder on disk, which all the worker processes of one machine
share (a per-process memory cache would miss another worker's POST).
"""

import datetime as dt
import functools
import hashlib
import math
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language

GENERATION_KEY = "pagecache:generation"
SAFE_METHODS = ("GET", "HEAD")


def stand_in(name: str) -> str:
    """A stand-in for a per-request value in HTML that is kept in the cache:
    the same in every process of the site, and nothing a person could type
    into a text that the page shows (it is made from SECRET_KEY)."""
    return f"{name}-{salted_hmac('smartregion.lib.pagecache', name).hexdigest()[:20]}"


# A stand-in for the CSRF token while kept HTML is rendered; each request
# puts its own token in.
CSRF_PLACEHOLDER = stand_in("csrf-token")
# Entries of this version of the cache only (their shape changes between
# versions) and of these stand-ins (they change with SECRET_KEY).
KEY_PREFIX = f"page2:{CSRF_PLACEHOLDER[-8:]}"


def _cache():
    return caches["pages"]


# Every cached page stands on one of two shelves. Participation pages
# (processes, ideas, the Ideenspeicher, its feed and map, the moderation's
# figures) show contributions and change with each decision about one;
# editorial pages (Wagtail's pages) do not. A moderation decision ends the
# participation shelf only (`invalidate(PARTICIPATION)`), so that the
# portal's pages stay warm. A page that starts to show contributions moves
# to the participation shelf.
EDITORIAL = "editorial"
PARTICIPATION = "participation"
SHELVES = (EDITORIAL, PARTICIPATION)


def _generation_keys(shelf):
    return [GENERATION_KEY, f"{GENERATION_KEY}:{shelf}"]


def generation(shelf: str = EDITORIAL) -> str | None:
    """The current generation of the whole cache and of `shelf`: part of
    every key, so that a new generation makes the old entries unreachable.
    One round trip to the cache. None when the cache does not answer
    (Redis down: django-redis then reads nothing instead of raising)."""
    keys = _generation_keys(shelf)
    values = _cache().get_many(keys)
    for key in keys:
        if key not in values:
            _cache().add(key, uuid.uuid4().hex, None)
            values[key] = _cache().get(key)
            if values[key] is None:
                return None
    return ":".join(values[key] for key in keys)


def invalidate(shelf: str | None = None) -> None:
    """Forget every cached page, or those of `shelf` only."""
    if shelf is not None and shelf not in SHELVES:
        raise ValueError(shelf)
    key = GENERATION_KEY if shelf is None else f"{GENERATION_KEY}:{shelf}"
    _cache().set(key, uuid.uuid4().hex, None)


def invalidate_on_commit(shelf: str) -> None:
    """Forget the pages of `shelf` once the current transaction commits (a
    decision that rolls back changes nothing the pages show)."""
    from django.db import transaction

    transaction.on_commit(lambda: invalidate(shelf))


def _key(request, shelf: str) -> str | None:
    """The page's key, or None while the cache does not answer: then the
    page is rendered as if there were no cache."""
    current = generation(shelf)
    if current is None:
        return None
    # The host too: feeds and e-mail-free pages still carry absolute links.
    path = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{shelf}:{current}:{get_language()}:{path}"


def _has_messages(request) -> bool:
    """Whether flash messages wait in the session (MESSAGE_STORAGE is
    SessionStorage), without loading them."""
    session = getattr(request, "session", None)
    return bool(session is not None and session.session_key and session.get(SessionStorage.session_key))


# Stored for an address whose anonymous page cannot be cached (it hands out a
# CSRF token, redirects, ...), so that members skip the attempt next time.
UNCACHEABLE = "uncacheable"
# The request attribute that collects the notes for members' copies while a
# page is rendered for the cache.
NOTES = "_page_cache_notes"
# The request attribute with the moment the page being rendered changes.
VALID_UNTIL = "_page_cache_valid_until"


def valid_until(request, moment: dt.datetime | None) -> None:
    """The page being rendered changes at `moment` (a phase opens or ends):
    keep it in the cache until then at the most."""
    current = getattr(request, VALID_UNTIL, None)
    if moment is not None and (current is None or moment < current):
        setattr(request, VALID_UNTIL, moment)


def _timeout(request) -> int:
    if settings.PAGE_CACHE_SECONDS <= 0:
        # Switched off: the entry ends at once (Django's timeout 0).
        return 0
    moment = getattr(request, VALID_UNTIL, None)
    if moment is None:
        return settings.PAGE_CACHE_SECONDS
    seconds = math.ceil((moment - timezone.now()).total_seconds())
    return max(1, min(settings.PAGE_CACHE_SECONDS, seconds))


def collecting_notes(request) -> bool:
    """Whether the page being rendered goes into the cache for members too,
    so that what their copies need should be noted."""
    return getattr(request, NOTES, None) is not None


def note(request, name: str, value) -> None:
    """Keep `value` with the page being rendered for the cache (see
    cache_member_page); does nothing when no notes are collected."""
    notes = getattr(request, NOTES, None)
    if notes is not None:
        notes[name] = value


def _cached_response(content, content_type, state) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = state
    patch_vary_headers(response, ["Cookie"])
    return response


def _render_and_store(view, request, key, args, kwargs, with_notes=False):
    """Run `view`; store its page (with the notes its rendering made, if
    `with_notes`) under `key` if it may be shared. Returns the response and
    the stored entry, or None."""
    if with_notes:
        setattr(request, NOTES, {})
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response.render()
    finally:
        notes = getattr(request, NOTES, None) or {}
        if with_notes:
            delattr(request, NOTES)
    if (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.META.get("CSRF_COOKIE_USED")
        and not _marked_private(response)
    ):
        entry = (response.content, response["Content-Type"], notes)
        _cache().set(key, entry, _timeout(request))
        response["X-Page-Cache"] = "miss"
        return response, entry
    _cache().set(key, UNCACHEABLE, settings.PAGE_CACHE_SECONDS)
    return response, None


def _marked_private(response) -> bool:
    """Whether the view said that its response is for this visitor only
    (Wagtail says so for a page behind a password or a login, once it is
    unlocked): such a page is never kept for others."""
    cache_control = response.get("Cache-Control", "").lower()
    return "private" in cache_control or "no-store" in cache_control


def _serve_anonymous(view, request, args, kwargs, with_notes=False, shelf=EDITORIAL):
    key = _key(request, shelf)
    if key is None:
        return view(request, *args, **kwargs)
    cached = _cache().get(key)
    if cached is not None and cached != UNCACHEABLE:
        content, content_type, _notes = cached
        return _cached_response(content, content_type, state="hit")
    response, _entry = _render_and_store(view, request, key, args, kwargs, with_notes)
    return response


def cache_for_anonymous(view=None, *, shelf=EDITORIAL):
    """Serve `view`'s page to anonymous visitors from the cache (see the
    module's docstring for what is never cached), on `shelf`. Usable bare
    or as `cache_for_anonymous(shelf=PARTICIPATION)`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in SAFE_METHODS or request.user.is_authenticated or _has_messages(request):
                return view(request, *args, **kwargs)
            return _serve_anonymous(view, request, args, kwargs, shelf=shelf)

        return wrapper

    return decorator if view is None else decorator(view)


SLOT = re.compile(rb"<!--slot:(?P<name>[a-z0-9-]+)-->.*?<!--/slot:(?P=name)-->", re.DOTALL)

# The slots of every page (base.html's header) that show something of the
# logged-in person, by name: a function(request) returning their HTML for
# request.user. The app that owns what they show registers them in its
# ready() (accounts: the account links and the banner asking to verify the
# address); this module knows no app and no project template.
_person_slots: dict[str, Callable] = {}


def register_person_slot(name: str, render: Callable) -> None:
    """Fill the slot `name` of each member's copy of a cached page with
    `render(request)`; the HTML may hold CSRF_PLACEHOLDER (render_kept)."""
    _person_slots[name] = render


def render_kept(template_name: str, context: dict) -> str:
    """`template_name` rendered as HTML to keep in the cache: with the
    CSRF token's stand-in, which each copy gets replaced."""
    return get_template(template_name).render({**context, "csrf_token": CSRF_PLACEHOLDER})


def _fill_slots(content: bytes, request, fills: dict[str, str]) -> bytes:
    """`content` with the registered person slots rendered for
    request.user (a logged-in person) and the slots named in `fills`
    replaced by their HTML; other slots keep what the anonymous page has.
    The request's CSRF token goes in for the stand-in."""
    token = None

    def render(match):
        nonlocal token
        name = match["name"].decode()
        if name in fills:
            html = fills[name]
        elif name in _person_slots:
            html = _person_slots[name](request)
        else:
            return match[0]
        if CSRF_PLACEHOLDER in html:
            token = token or get_token(request)
            html = html.replace(CSRF_PLACEHOLDER, token)
        return f"<!--slot:{name}-->{html}<!--/slot:{name}-->".encode()

    return SLOT.sub(render, content)


def cache_member_page(fill=None, *, shelf=EDITORIAL):
    """Like cache_for_anonymous, and logged-in people get the cached page
    too: the header's account slots and the slots that `fill(request,
    notes, *args, **kwargs)` returns (a dict of slot name to HTML) are
    filled in for them. `fill` returns None when the page must be
    rendered for the person after all. Without `fill` the page may show
    nothing else that depends on the person (cache_shared_page). The page
    stands on `shelf`."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in SAFE_METHODS or _has_messages(request):
                return view(request, *args, **kwargs)
            with_notes = fill is not None
            if not request.user.is_authenticated:
                return _serve_anonymous(view, request, args, kwargs, with_notes, shelf)
            key = _key(request, shelf)
            if key is None:
                return view(request, *args, **kwargs)
            cached = _cache().get(key)
            if cached == UNCACHEABLE:
                return view(request, *args, **kwargs)
            state = "hit"
            if cached is None:
                member = request.user
                request.user = AnonymousUser()
                try:
                    _rendered, cached = _render_and_store(view, request, key, args, kwargs, with_notes)
                except (Http404, PermissionDenied):
                    # Not for anonymous visitors; the person may see more.
                    _cache().set(key, UNCACHEABLE, settings.PAGE_CACHE_SECONDS)
                    cached = None
                finally:
                    request.user = member
                if cached is None:
                    return view(request, *args, **kwargs)
                state = "miss"
            content, content_type, notes = cached
            if not content_type.startswith("text/html"):
                return _cached_response(content, content_type, state=state)
            fills = {}
            if fill is not None:
                fills = fill(request, notes, *args, **kwargs)
                if fills is None:
                    return view(request, *args, **kwargs)
            return _cached_response(_fill_slots(content, request, fills), content_type, state=state)

        return wrapper

    return decorator


cache_shared_page = cache_member_page()
# The same for pages that show contributions.
cache_participation_page = cache_member_page(shelf=PARTICIPATION)


# The request attribute set by views whose POST changes no cached page.
KEEPS_PAGES = "_page_cache_keeps_pages"


def keeps_cached_pages(view):
    """Mark a view whose POSTs change nothing any cached page shows (a
    report to the moderation, an objection), or that ends the pages it
    changes itself (a moderation decision ends the participation shelf):
    they leave the rest of the cache as it is, so that a flood of reports
    or a day of moderating does not keep every page cold."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        setattr(request, KEEPS_PAGES, True)
        return view(request, *args, **kwargs)

    return wrapper


class InvalidateOnPostMiddleware:
    """Ends every cached page after any request that may change something
    (every method but GET, HEAD and OPTIONS), whoever sent it and whatever
    its outcome: a failed POST costs a cold cache, a missed one a stale
    page. Views marked with `keeps_cached_pages` are the exception."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in (*SAFE_METHODS, "OPTIONS") and not getattr(request, KEEPS_PAGES, False):
            invalidate()
        return response
