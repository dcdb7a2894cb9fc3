"""The ideas in the staff backend: the URLs and the menu item of the staff's
work on ideas (status, moderation, on-site capture; the views are in
admin_views.py), the actions of an idea's history, and the editors'
dashboard panel. The jury's backend is in the jury app."""

from datetime import timedelta

from django.db.models import Q
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import ModelLogEntry

from smartregion.accounts.predicates import is_editor
from smartregion.ideas import admin_views
from smartregion.ideas.models import Idea
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel
from smartregion.participation.models import Moderation, Phase

# How far ahead the editors' panel looks for phases that begin.
PHASE_LOOKAHEAD = timedelta(days=7)


@hooks.register("register_admin_urls")
def register_idea_staff_urls():
    return [path("ideen/", include((admin_views.urlpatterns, "ideas_staff"), namespace="ideas_staff"))]


class IdeasMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_work_on_ideas(request.user)


@hooks.register("register_admin_menu_item")
def register_ideas_menu_item():
    return IdeasMenuItem(
        gettext_lazy("Ideen"), reverse("ideas_staff:idea-list"), name="ideen", icon_name="openquote", order=310
    )


@hooks.register("register_log_actions")
def register_idea_log_actions(actions):
    # What staff did with an idea, shown on its backend page and in
    # Wagtail's site history.
    actions.register_model(Idea, ModelLogEntry)
    actions.register_action("ideas.status", gettext_lazy("Status gesetzt"), gettext_lazy("Status gesetzt"))
    actions.register_action("ideas.capture", gettext_lazy("Vor Ort erfasst"), gettext_lazy("Vor Ort erfasst"))
    actions.register_action("ideas.approve", gettext_lazy("Freigegeben"), gettext_lazy("Freigegeben"))
    actions.register_action("ideas.hide", gettext_lazy("Ausgeblendet"), gettext_lazy("Ausgeblendet"))
    actions.register_action("ideas.restore", gettext_lazy("Wieder eingeblendet"), gettext_lazy("Wieder eingeblendet"))


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
