from wagtail import hooks
from wagtail.admin.views.home import (
    LockedPagesPanel,
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.cms.models import TimelineEntry
from smartregion.lib.admin_panels import remove_panels

# Wagtail's dashboard panels about pages (workflows, recent edits, locks).
PAGE_PANELS = (
    WorkflowObjectsToModeratePanel,
    UserObjectsInWorkflowModerationPanel,
    RecentEditsPanel,
    LockedPagesPanel,
)
# The help menu's links to wagtail.org: English pages on another host.
FOREIGN_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


class TimelineEntryViewSet(SnippetViewSet):
    model = TimelineEntry
    icon = "date"
    list_display = ["date_label", "title", "date"]
    ordering = ["date"]


register_snippet(TimelineEntryViewSet)


@hooks.register("construct_homepage_panels")
def remove_page_panels(request, panels):
    """Staff who edit no pages (jurors, guides, moderators, account
    administrators) see no panels about pages: they would stay empty and
    still cost their queries."""
    if not PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        remove_panels(panels, *PAGE_PANELS)


@hooks.register("construct_help_menu")
def remove_foreign_help_items(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(FOREIGN_HELP_ITEMS)]
