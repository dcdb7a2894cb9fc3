"""The ideas in the staff backend: the jury board and results
(jury_admin.py) and the staff's work on ideas, status, moderation and
on-site capture (staff_admin.py). Each module registers its own hooks; the
dashboard panels of jurors and editors are below."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from smartregion.accounts.predicates import in_group, is_editor
from smartregion.accounts.roles import JURORS
from smartregion.ideas import jury, jury_admin, staff_admin  # noqa: F401
from smartregion.ideas.models import Idea
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel
from smartregion.participation.models import Moderation, Phase

# How far ahead the editors' panel looks for phases that begin.
PHASE_LOOKAHEAD = timedelta(days=7)


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
    counts = jury.unrated_counts(user, processes) if processes else {}
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


@hooks.register("construct_homepage_panels")
def add_editor_panel(request, panels):
    """Editors: the visible ideas still waiting for a first answer (status
    "eingereicht") and the processes with a phase beginning within a week.
    Two queries."""
    user = request.user
    if not is_editor(user):
        return
    now = timezone.now()
    unanswered = Idea.objects.filter(status=Idea.Status.SUBMITTED, moderation=Moderation.VISIBLE).count()
    changing = (
        Phase.objects.filter(Q(starts_at__gt=now) & Q(starts_at__lte=now + PHASE_LOOKAHEAD))
        .values("process")
        .distinct()
        .count()
    )
    items = [
        WaitingItem(
            _("Eingereichte Ideen ohne Antwort"),
            unanswered,
            reverse("ideas_staff:idea-list") + "?" + urlencode({"status": Idea.Status.SUBMITTED}),
        ),
        WaitingItem(
            _("Beteiligungsverfahren, deren nächste Phase in den kommenden 7 Tagen beginnt"),
            changing,
            reverse("wagtailsnippets_participation_process:list"),
        ),
    ]
    panels.append(WaitingPanel("editors", gettext_lazy("Wartet auf die Redaktion"), items))
