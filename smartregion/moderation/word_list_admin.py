"""The region's word list in the backend: a snippet ("Wortliste") that
editors keep. Registered from ModerationConfig.ready(), so that the
backend's other moderation views (wagtail_hooks.py) stay apart.

Who may edit it is the rule moderation.manage_watched_terms: the model
permissions Wagtail asks for (moderation.add_watchedterm, …) are rules
too, so no group needs them. Each save or delete tells every process that
the list changed (models.terms_changed).
"""

import rules
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.accounts.predicates import is_editor
from smartregion.moderation.models import WatchedTerm, pattern_problem, terms_changed
from smartregion.moderation.rules import is_superuser

for _action in ("add", "change", "delete", "view"):
    rules.add_perm(f"moderation.{_action}_watchedterm", is_superuser | is_editor)


class WatchedTermForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        term = (cleaned.get("term") or "").strip()
        if not term:
            return cleaned
        cleaned["term"] = term
        if cleaned.get("is_pattern"):
            problem = pattern_problem(term)
            if problem:
                self.add_error("term", ValidationError(problem))
        return cleaned


class WatchedTermViewSet(SnippetViewSet):
    model = WatchedTerm
    edit_handler = ObjectList(
        [FieldPanel("term"), FieldPanel("is_pattern"), FieldPanel("note")], base_form_class=WatchedTermForm
    )
    list_display = ["term", "is_pattern", "note", "created_at"]
    search_fields = None
    menu_label = _("Wortliste")
    icon = "warning"
    add_to_admin_menu = True
    menu_order = 620


def _changed(request, instances_or_instance):
    instances = instances_or_instance if isinstance(instances_or_instance, list) else [instances_or_instance]
    if any(isinstance(instance, WatchedTerm) for instance in instances):
        terms_changed()


def register() -> None:
    register_snippet(WatchedTermViewSet)
    hooks.register("after_create_snippet", _changed)
    hooks.register("after_edit_snippet", _changed)
    hooks.register("after_delete_snippet", _changed)
