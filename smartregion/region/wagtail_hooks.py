from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from smartregion.region.models import FocusArea, Municipality, Topic


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "home"
    list_display = ["name", "kind", "population", "population_date", "regional_guide"]
    list_filter = ["kind"]
    search_fields = ["name", "seat_name"]
    ordering = ["name"]


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "pick"
    list_display = ["title", "sort_order"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class RegionViewSetGroup(SnippetViewSetGroup):
    items = (MunicipalityViewSet, FocusAreaViewSet, TopicViewSet)
    menu_icon = "globe"
    menu_label = _("Region")
    menu_name = "region"


register_snippet(RegionViewSetGroup)
