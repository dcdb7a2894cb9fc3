"""The ideas in the staff backend: the staff's work on ideas, status,
moderation and on-site capture (admin_views.py registers its own hooks),
and the editors' dashboard panel below. The jury's backend is in the jury
app."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from smartregion.accounts.predicates import is_editor
from smartregion.ideas import admin_views  # noqa: F401  (registers its hooks)
from smartregion.ideas.models import Idea
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel
from smartregion.participation.models import Moderation, Phase

# How far ahead the editors' panel looks for phases that begin.
PHASE_LOOKAHEAD = timedelta(days=7)


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
