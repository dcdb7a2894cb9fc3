from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from smartregion.region.models import Municipality

RESULTS_PER_PAGE = 20


@require_GET
def search(request):
    """Full-text search over live public pages (news included) and
    municipalities. German stemming comes from the PostgreSQL backend's
    "german" configuration; SQLite matches word prefixes."""
    query = request.GET.get("q", "").strip()[:200]
    municipalities = []
    results = None
    total = 0
    if query:
        municipalities = list(get_search_backend().search(query, Municipality.objects.defer("boundary"))[:10])
        pages = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
        total = results.paginator.count + len(municipalities)
    return render(
        request,
        "cms/search.html",
        {"query": query, "results": results, "municipalities": municipalities, "total": total},
    )
