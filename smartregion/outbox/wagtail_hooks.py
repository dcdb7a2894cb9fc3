"""The failed mails in the backend, for administrators only (they name
their recipients): a read-only list under "Einstellungen" and a dashboard
panel with their number."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.lib.admin_panels import WaitingItem, WaitingPanel
from smartregion.outbox.models import FailedMail


class FailedMailViewSet(SnippetViewSet):
    model = FailedMail
    list_display = ["subject", "recipients", "attempts", "error", "created_at"]
    search_fields = None
    inspect_view_enabled = True
    menu_label = _("Nicht zugestellte E-Mails")
    icon = "mail"
    add_to_settings_menu = True


register_snippet(FailedMailViewSet)


@hooks.register("construct_homepage_panels")
def add_failed_mail_panel(request, panels):
    if request.user.has_perm("outbox.view_failedmail"):
        url = reverse(FailedMail.snippet_viewset.get_url_name("list"))
        item = WaitingItem(_("Nicht zugestellte E-Mails"), FailedMail.objects.count(), url)
        panels.append(WaitingPanel("failed-mails", _("E-Mail-Ausgang"), [item]))
