"""Processes in the staff backend ("Beteiligungsverfahren" under
/redaktion/).

Editors create and edit processes with their phases in one form; each
contribution type may add a tab of its own settings to it (`edit_panels` in
participation/contributions.py, e.g. the jury's criteria and jurors). The model permissions of the editors' group
(accounts/roles.py) open the views; nobody else has them. Processes are
never deleted here (ideas point at them; editors have no delete
permission).
"""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.participation import contributions
from smartregion.participation.models import Process


def _live_phases(formset):
    """The phase forms of `formset` that will be saved and whose own fields
    are valid, with their cleaned data."""
    forms_ = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if not hasattr(form, "cleaned_data") or form.errors:
            continue
        if formset.can_delete and form.cleaned_data.get(DELETION_FIELD_NAME):
            continue
        forms_.append(form)
    return forms_


def _when(moment):
    return date_format(timezone.localtime(moment), "j. F Y, H:i")


class PhaseForm(WagtailAdminModelForm):
    """One phase of the process form."""

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            # The error on the field also spares the form the database
            # constraint's generic message.
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen. Bitte prüfen Sie die Zeiten."))
        return cleaned


class PhaseInlinePanel(InlinePanel):
    """The phases, each in a PhaseForm."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = PhaseForm
        return options


class ProcessAdminForm(WagtailAdminModelForm):
    """The process form: an image needs its alt text, and the phases must
    each end after they start and must not overlap. The contribution types
    prepare the fields of their own tabs (`prepare_form`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for contribution_type in contributions.types():
            if contribution_type.prepare_form is not None:
                contribution_type.prepare_form(self)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt",
                _("Bitte beschreiben Sie, was auf dem Bild zu sehen ist (Alternativtext für blinde Menschen)."),
            )
        return cleaned

    def is_valid(self):
        # The formsets validate after the form's clean(); the checks across
        # phases need their cleaned data, so they run here.
        valid = super().is_valid()
        formset = self.formsets.get("phases")
        if formset is not None and formset.is_valid():
            valid = self._check_phases(formset) and valid
        return valid

    def _check_phases(self, formset) -> bool:
        """Phases must not overlap (the active phase would be ambiguous);
        an open-ended phase overlaps every later one."""
        ok = True
        phases = _live_phases(formset)
        far = timezone.now().replace(year=9999)
        spans = sorted(
            ((form.cleaned_data["starts_at"], form.cleaned_data.get("ends_at") or far, form) for form in phases),
            key=lambda span: span[:2],
        )
        for (_start, end, earlier), (start, _end, later) in zip(spans, spans[1:], strict=False):
            if start < end:
                later.add_error(
                    "starts_at",
                    _(
                        "Diese Phase überschneidet sich mit der Phase „%(title)s“ (bis %(end)s). "
                        "Phasen dürfen sich nicht überschneiden."
                    )
                    % {
                        "title": earlier.cleaned_data.get("title", ""),
                        "end": _when(end) if end != far else _("ohne Ende"),
                    },
                )
                ok = False
        return ok


def _process_panels():
    return TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=gettext_lazy("Bild")),
                    FieldPanel("municipality"),
                    FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("moderation"),
                    FieldPanel("status"),
                ],
                heading=gettext_lazy("Verfahren"),
            ),
            ObjectList(
                [
                    PhaseInlinePanel(
                        "phases",
                        heading=gettext_lazy("Phasen"),
                        label=gettext_lazy("Phase"),
                        panels=[
                            FieldPanel("title"),
                            FieldPanel("description"),
                            FieldPanel("starts_at"),
                            FieldPanel("ends_at"),
                            # A checkbox per registered action, grouped
                            # by contribution type (Phase.opens).
                            FieldPanel("opens"),
                        ],
                    ),
                ],
                heading=gettext_lazy("Phasen"),
            ),
        ]
        # A tab per contribution type that has settings of its own.
        + [
            contribution_type.edit_panels()
            for contribution_type in contributions.types()
            if contribution_type.edit_panels is not None
        ],
        base_form_class=ProcessAdminForm,
    )


def _current_phase(process):
    phase = process.active_phase()
    return phase.title if phase is not None else "–"


class ProcessViewSet(SnippetViewSet):
    model = Process
    icon = "list-ul"
    menu_label = gettext_lazy("Beteiligungsverfahren")
    menu_name = "beteiligungsverfahren"
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "beteiligungsverfahren"
    list_display = [
        "title",
        "status",
        "municipality",
        Column("current_phase", label=gettext_lazy("Aktuelle Phase"), accessor=_current_phase),
    ]
    list_filter = ["status", "municipality"]
    search_fields = ["title", "summary"]
    ordering = ["-created_at"]

    def get_edit_handler(self):
        # Built when first needed, after every app has registered its
        # contribution types.
        return _process_panels().bind_to_model(self.model)

    def get_queryset(self, request):
        # The column "Aktuelle Phase" reads the prefetched phases.
        return Process.objects.with_phases().select_related("municipality").defer("municipality__boundary")


register_snippet(ProcessViewSet)
