from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.cms.models import TimelineEntry


class TimelineEntryViewSet(SnippetViewSet):
    model = TimelineEntry
    icon = "date"
    list_display = ["date_label", "title", "date"]
    ordering = ["date"]


register_snippet(TimelineEntryViewSet)
