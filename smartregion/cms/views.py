import re

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from smartregion.region.models import Municipality

RESULTS_PER_PAGE = 20

# What a search term may contain: letters, digits, hyphens and spaces. The
# full-text backends give other characters a meaning of their own (an
# unbalanced quote is a syntax error for SQLite's FTS5), and nobody searches
# for them.
NOT_A_TERM_CHARACTER = re.compile(r"[^\w\s-]+")


def search_terms(raw: str) -> str:
    """The words of a typed query, at most 200 characters, safe to hand to
    any search backend."""
    return " ".join(NOT_A_TERM_CHARACTER.sub(" ", raw[:200]).split())


@require_GET
def search(request):
    """Full-text search over live public pages (news included) and
    municipalities. German stemming comes from the PostgreSQL backend's
    "german" configuration; SQLite matches word prefixes."""
    # The page shows what was typed; the backend gets its words.
    query = request.GET.get("q", "").strip()[:200]
    terms = search_terms(query)
    municipalities = []
    results = None
    total = 0
    if query:
        if terms:
            municipalities = list(get_search_backend().search(terms, Municipality.objects.defer("boundary"))[:10])
            pages = Page.objects.live().public().exclude(depth__lte=1).specific().search(terms)
        else:
            pages = Page.objects.none()
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
        total = results.paginator.count + len(municipalities)
    return render(
        request,
        "cms/search.html",
        {"query": query, "results": results, "municipalities": municipalities, "total": total},
    )
