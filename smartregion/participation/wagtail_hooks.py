"""Processes in the staff backend ("Beteiligungsverfahren" under
/redaktion/).

Editors create and edit processes with their phases, the jury's criteria
and the jurors in one form. The model permissions of the editors' group
(accounts/roles.py) open the views; nobody else has them. Processes are
never deleted here (ideas point at them; editors have no delete
permission).
"""

from django import forms
from django.contrib.auth import get_user_model
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

from smartregion.accounts.roles import JURORS
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
    """The process form: an image needs its alt text, jurors come from the
    Jury group, and the phases must each end after they start and must not
    overlap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "jurors" in self.fields:
            self.fields["jurors"].queryset = (
                get_user_model().objects.filter(groups__name=JURORS).order_by("display_name", "pk")
            )

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
            ObjectList(
                [
                    FieldPanel("jurors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("jury_shortlist_only"),
                    InlinePanel(
                        "jury_criteria",
                        heading=gettext_lazy("Kriterien der Jury"),
                        label=gettext_lazy("Kriterium"),
                        panels=[FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")],
                    ),
                    FieldPanel("results_statement"),
                ],
                heading=gettext_lazy("Jury und Ergebnisse"),
            ),
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
    edit_handler = _process_panels()

    def get_queryset(self, request):
        # The column "Aktuelle Phase" reads the prefetched phases.
        return Process.objects.with_phases().select_related("municipality").defer("municipality__boundary")


register_snippet(ProcessViewSet)
