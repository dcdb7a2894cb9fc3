from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from smartregion.region import sections
from smartregion.region.models import FocusArea, Municipality, Place, Topic


@require_GET
def municipality_list(request):
    municipalities = Municipality.objects.defer("boundary")
    map_tiles = {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
    return render(request, "region/municipality_list.html", {"municipalities": municipalities, "map_tiles": map_tiles})


@require_GET
def municipality_map_data(request):
    """GeoJSON for the overview map: boundaries where imported, seat points
    always. Fetched by the map script only after the visitor asked for it."""
    features = []
    for municipality in Municipality.objects.all():
        properties = {
            "name": municipality.name,
            "url": municipality.get_absolute_url(),
            "kind": municipality.get_kind_display(),
        }
        if municipality.boundary:
            features.append({"type": "Feature", "properties": properties, "geometry": municipality.boundary})
        features.append(
            {
                "type": "Feature",
                "properties": {**properties, "seat": municipality.seat_name},
                "geometry": {"type": "Point", "coordinates": [municipality.seat_lon, municipality.seat_lat]},
            }
        )
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _get_municipality(slug):
    return get_object_or_404(
        Municipality.objects.defer("boundary").prefetch_related(
            Prefetch("places", queryset=Place.objects.order_by("name"))
        ),
        slug=slug,
    )


@require_GET
def municipality_detail(request, slug):
    municipality = _get_municipality(slug)
    return render(
        request,
        "region/municipality_detail.html",
        {"municipality": municipality, "sections": sections.sections_for(sections.MUNICIPALITY, municipality)},
    )


@require_GET
def topic_index(request):
    return render(
        request,
        "region/topic_index.html",
        {"focus_areas": FocusArea.objects.all(), "topics": Topic.objects.all()},
    )


@require_GET
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(
        request,
        "region/topic_detail.html",
        {"topic": topic, "sections": sections.sections_for(sections.TOPIC, topic)},
    )


@require_GET
def focus_area_detail(request, slug):
    focus_area = get_object_or_404(FocusArea, slug=slug)
    return render(
        request,
        "region/focus_area_detail.html",
        {"focus_area": focus_area, "others": FocusArea.objects.exclude(pk=focus_area.pk)},
    )
