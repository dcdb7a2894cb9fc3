"""The Ideenspeicher: every public idea of every process, with filters,
search and order (ideas.filters.IdeaFilterForm), as a list or a map, as CSV
and as a feed. All four read the same filters from the query string.

Public means Idea.objects.public(): visible ideas of published processes;
withdrawn ideas stay in, marked as such; pending and hidden ones never
appear. Nothing here names a person: no author, no contributor, no e-mail.
"""

import csv
import functools

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from smartregion.ideas.filters import IdeaFilterForm
from smartregion.ideas.models import Idea
from smartregion.ideas.templatetags.idea_cards import idea_url_pattern
from smartregion.lib.pagecache import cache_participation_page
from smartregion.region.models import RegionSettings

IDEAS_PER_PAGE = 20
# The map draws one focusable marker per idea; beyond this many the newest
# are shown with a note, and the filters narrow the rest down. The list
# always has all of them.
MAP_LIMIT = 1000
FEED_LIMIT = 50
FEED_TEXT_CHARS = 500
CSV_CHUNK = 2000
MAP_VIEW = "karte"


def _public_ideas():
    return Idea.objects.public()


@require_GET
@cache_participation_page
def idea_store(request):
    """The list (or, with ?ansicht=karte, the map and the list below it as
    the alternative) of the public ideas matching the filters, 20 a page."""
    filters = IdeaFilterForm(request.GET)
    ideas = filters.order(filters.filter(_public_ideas().for_listing()))
    page = Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("seite"))
    map_view = request.GET.get("ansicht") == MAP_VIEW
    filter_query = filters.query_string()
    page_query = "&".join(part for part in (filter_query, f"ansicht={MAP_VIEW}" if map_view else "") if part)
    return render(
        request,
        "ideas/idea_store.html",
        {
            "filters": filters,
            "page_obj": page,
            "ideas": page.object_list,
            "map_view": map_view,
            "filter_query": filter_query,
            "page_query": page_query,
            "feed_query": filters.query_string(with_sort=False),
            "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
            "map_limit": MAP_LIMIT,
        },
    )


@require_GET
@cache_participation_page
def idea_store_map_data(request):
    """GeoJSON of the matching public ideas that have a point, in the
    list's order, at most MAP_LIMIT of them ("truncated" says whether there
    were more). One query, and no model instances, whatever the number."""
    filters = IdeaFilterForm(request.GET, trust_slugs=True)
    ideas = filters.order(filters.filter(_public_ideas()).filter(latitude__isnull=False, longitude__isnull=False))
    rows = list(
        ideas.values_list("pk", "title", "latitude", "longitude", "process__slug", "municipality__name")[
            : MAP_LIMIT + 1
        ]
    )
    url = idea_url_pattern()
    whole_region = _("ganze Region")
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]},
            "properties": {
                "id": pk,
                "title": title,
                "url": url.format(slug=slug, pk=pk),
                "municipality": municipality or whole_region,
            },
        }
        for pk, title, latitude, longitude, slug, municipality in rows[:MAP_LIMIT]
    ]
    return JsonResponse(
        {"type": "FeatureCollection", "truncated": len(rows) > MAP_LIMIT, "limit": MAP_LIMIT, "features": features},
        content_type="application/geo+json",
    )


def _cell(value) -> str:
    # A cell starting with = + - @ (or a tab or carriage return before one)
    # would run as a formula in a spreadsheet.
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class _Echo:
    """A file-like object for csv.writer that hands each line back instead
    of keeping it, so the rows can be streamed."""

    def write(self, value):
        return value


@require_GET
def idea_store_csv(request):
    """The matching public ideas as CSV (semicolons, byte order mark: what
    spreadsheet programmes with German settings expect), streamed in chunks
    so that 10,000 rows take little memory. No personal data: no author,
    no contributor's name, no e-mail address, no one who captured it."""
    filters = IdeaFilterForm(request.GET, trust_slugs=True)
    ideas = filters.order(filters.filter(_public_ideas()))
    # Labels and the header are translated now: the rows are produced after
    # the view has returned, when the request's language may be gone.
    header = [
        _("Nummer"),
        _("Titel"),
        _("Beschreibung"),
        _("Verfahren"),
        _("Kommune"),
        _("Zukunftsaufgabe"),
        _("Handlungsfelder"),
        _("Status"),
        _("Rückmeldung zum Status"),
        _("Weg"),
        _("Unterstützungen"),
        _("Kommentare"),
        _("eingereicht am"),
        _("Adresse"),
    ]
    statuses = {value: str(label) for value, label in Idea.Status.choices}
    channels = {value: str(label) for value, label in Idea.Channel.choices}
    whole_region = _("ganze Region")
    url = request.build_absolute_uri("/").rstrip("/") + idea_url_pattern()

    def lines():
        writer = csv.writer(_Echo(), delimiter=";")
        yield "\ufeff" + writer.writerow(header)
        # The topics of all matching ideas in one query, not one per row.
        topics = {}
        for idea_id, name in (
            Idea.topics.through.objects.filter(idea__in=ideas.values("pk"))
            .order_by("topic__sort_order", "topic__name")
            .values_list("idea_id", "topic__name")
        ):
            topics.setdefault(idea_id, []).append(name)
        rows = ideas.values_list(
            "pk",
            "title",
            "text",
            "process__title",
            "process__slug",
            "municipality__name",
            "focus_area__title",
            "status",
            "status_note",
            "channel",
            "support_count",
            "comment_count",
            "created_at",
            named=True,
        ).iterator(chunk_size=CSV_CHUNK)
        for row in rows:
            yield writer.writerow(
                [
                    row.pk,
                    _cell(row.title),
                    _cell(row.text),
                    _cell(row.process__title),
                    _cell(row.municipality__name or whole_region),
                    _cell(row.focus_area__title),
                    _cell(", ".join(topics.get(row.pk, []))),
                    statuses.get(row.status, row.status),
                    _cell(row.status_note),
                    channels.get(row.channel, row.channel),
                    row.support_count,
                    row.comment_count,
                    timezone.localtime(row.created_at).date().isoformat(),
                    url.format(slug=row.process__slug, pk=row.pk),
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ideenspeicher-{timezone.localdate():%Y-%m-%d}.csv"'
    return response


class IdeaStoreFeed(Feed):
    """RSS 2.0 feed of the 50 newest public ideas matching the filters
    (the order filter does not apply: a feed is always newest first)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: per-request state lives in the
        # object get_object() returns, never on self.
        view = require_GET(cache_participation_page(functools.partial(Feed.__call__, self)))
        return view(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return {
            "filters": IdeaFilterForm(request.GET, trust_slugs=True),
            "region": RegionSettings.load(request_or_site=request).name,
        }

    def title(self, obj):
        return _("%(region)s: Ideenspeicher") % {"region": obj["region"]}

    def link(self, obj):
        query = obj["filters"].query_string(with_sort=False)
        return reverse("ideas:idea-store") + (f"?{query}" if query else "")

    def description(self, obj):
        if obj["filters"].is_filtered:
            return _("Die neuesten Ideen im Ideenspeicher, die zu der gewählten Auswahl passen.")
        return _("Die neuesten Ideen im Ideenspeicher, aus allen Beteiligungsverfahren.")

    def items(self, obj):
        ideas = obj["filters"].filter(_public_ideas())
        return (
            ideas.select_related("process")
            .only("pk", "title", "text", "status", "created_at", "process__slug", "process__title")
            .order_by("-created_at", "-pk")[:FEED_LIMIT]
        )

    def item_title(self, item):
        if item.is_withdrawn:
            return _("%(title)s (zurückgezogen)") % {"title": item.title}
        return item.title

    def item_description(self, item):
        # Feed readers render a description as HTML: a citizen's text is
        # escaped, so that "<script>" or a "javascript:" link arrives as
        # the text it was, with its line breaks.
        return linebreaksbr(Truncator(item.text).chars(FEED_TEXT_CHARS), autoescape=True)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [item.process.title]
