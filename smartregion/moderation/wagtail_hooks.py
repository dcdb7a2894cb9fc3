"""The moderation in the staff backend: its URLs under /redaktion/moderation/
(namespace moderation_admin), the menu item "Moderation" and the dashboard
panel "Wartet auf Moderation"."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from smartregion.lib.admin_panels import WaitingItem, WaitingPanel
from smartregion.moderation import admin_views, queue

admin_urlpatterns = [
    path("", admin_views.queue_view, name="queue"),
    path("entscheiden/", admin_views.bulk_decide, name="bulk"),
    path("protokoll/", admin_views.log_view, name="log"),
    path("protokoll.csv", admin_views.log_csv, name="log-csv"),
    path("widerspruch/<int:pk>/", admin_views.objection_decide, name="objection-decide"),
    path("<slug:key>/<int:pk>/", admin_views.item_view, name="item"),
    path("<slug:key>/<int:pk>/freigeben/", admin_views.item_approve, name="item-approve"),
    path("<slug:key>/<int:pk>/ausblenden/", admin_views.item_hide, name="item-hide"),
    path("<slug:key>/<int:pk>/einblenden/", admin_views.item_restore, name="item-restore"),
    path("<slug:key>/<int:pk>/zurueckweisen/", admin_views.item_dismiss, name="item-dismiss"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include((admin_urlpatterns, "moderation_admin"), namespace="moderation_admin"))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_use_queue(request.user)


class AuditLogMenuItem(MenuItem):
    # Account administrators read the log without moderating.
    def is_shown(self, request):
        user = request.user
        return user.has_perm("moderation.view_audit_log") and not admin_views.may_use_queue(user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        gettext_lazy("Moderation"),
        reverse("moderation_admin:queue"),
        name="moderation",
        icon_name="warning",
        order=320,
    )


@hooks.register("register_admin_menu_item")
def register_audit_log_menu_item():
    return AuditLogMenuItem(
        gettext_lazy("Moderationsprotokoll"),
        reverse("moderation_admin:log"),
        name="moderationsprotokoll",
        icon_name="history",
        order=910,
    )


def moderation_panel(user) -> WaitingPanel:
    """On the dashboard of moderators: how many reported items, items
    waiting for approval and objections wait in their queue, each linked
    to the queue filtered to it."""
    counts = queue.build_queue(user, queue.Filters(), limit=0).counts
    base = reverse("moderation_admin:queue")
    reports, pending, objections = counts[queue.REPORTS], counts[queue.PENDING], counts[queue.OBJECTIONS]
    return WaitingPanel(
        "moderation",
        _("Wartet auf Moderation"),
        [
            WaitingItem(
                ngettext("gemeldeter Beitrag", "gemeldete Beiträge", reports), reports, f"{base}?art={queue.REPORTS}"
            ),
            WaitingItem(
                ngettext("Beitrag wartet auf Freigabe", "Beiträge warten auf Freigabe", pending),
                pending,
                f"{base}?art={queue.PENDING}",
            ),
            WaitingItem(
                ngettext("Widerspruch wartet auf Entscheidung", "Widersprüche warten auf Entscheidung", objections),
                objections,
                f"{base}?art={queue.OBJECTIONS}",
            ),
        ],
    )


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if admin_views.may_use_queue(request.user):
        panels.append(moderation_panel(request.user))
