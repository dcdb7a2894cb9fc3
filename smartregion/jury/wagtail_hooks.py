"""The jury in the staff backend: the URLs and the menu item of the board,
the ranking and the results (the views are in admin_views.py), and the
jurors' dashboard panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from smartregion.accounts.predicates import in_group
from smartregion.accounts.roles import JURORS
from smartregion.jury import admin_views, ranking
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel


@hooks.register("register_admin_urls")
def register_jury_urls():
    return [path("jury/", include((admin_views.urlpatterns, "jury_admin"), namespace="jury_admin"))]


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_jury_menu(request.user)


@hooks.register("register_admin_menu_item")
def register_jury_menu_item():
    return JuryMenuItem(gettext_lazy("Jury"), reverse("jury_admin:index"), name="jury", icon_name="tasks", order=450)


@hooks.register("construct_homepage_panels")
def add_jury_panel(request, panels):
    """Jurors: per process whose jury rates now, the ideas they have not
    rated fully, linked to the board. Three queries (processes, their
    phases, the counts), whatever the number of processes and ideas."""
    user = request.user
    if not in_group(user, JURORS):
        return
    processes = [
        process
        for process in user.jury_processes.with_phases().only("pk", "title", "slug").order_by("title", "pk")
        if process.is_open("jury.rate")
    ]
    counts = ranking.unrated_counts(user, processes) if processes else {}
    items = [
        WaitingItem(
            _("Noch nicht bewertete Ideen in „%(title)s“") % {"title": process.title},
            counts.get(process.pk, 0),
            reverse("jury_admin:board", args=[process.slug]),
        )
        for process in processes
    ]
    panels.append(
        WaitingPanel(
            "jury",
            gettext_lazy("Wartet auf Ihre Bewertung"),
            items,
            empty_text=gettext_lazy("Zurzeit bewertet keine Jury, der Sie angehören."),
        )
    )
