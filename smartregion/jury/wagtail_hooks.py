"""The jury in the staff backend: the board, the ranking and the results
(admin_views.py registers its own URLs and menu item), and the jurors'
dashboard panel below."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from smartregion.accounts.predicates import _in_group
from smartregion.accounts.roles import JURORS
from smartregion.jury import admin_views, ranking  # noqa: F401  (admin_views registers its hooks)
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel


@hooks.register("construct_homepage_panels")
def add_jury_panel(request, panels):
    """Jurors: per process whose jury rates now, the ideas they have not
    rated fully, linked to the board. Three queries (processes, their
    phases, the counts), whatever the number of processes and ideas."""
    user = request.user
    if not _in_group(user, JURORS):
        return
    processes = [
        process
        for process in user.jury_processes.with_phases().only("pk", "title", "slug").order_by("title", "pk")
        if process.is_open_for("jury_open")
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
