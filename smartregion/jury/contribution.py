"""The jury as a contribution type of a process
(participation/contributions.py): a phase can open the jury's rating
("jury.rate") and publish the results ("jury.results"); once a results
phase has begun the process page shows the winners. The jury rates ideas,
so a process with a jury shows the ideas too (`requires`). JuryConfig.ready()
registers it."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList

from smartregion.accounts.roles import JURORS
from smartregion.participation.contributions import Action, ContributionType, Shown, register

RATE = "jury.rate"
RESULTS = "jury.results"


def show_results(request, process, now) -> Shown | None:
    """The results statement and the winners, once a phase publishing them
    has begun (it may have ended since). Two queries: the winners and
    their topics."""
    if not process.has_begun(RESULTS, now):
        return None
    from smartregion.jury.ranking import published_winners

    return Shown(
        template="jury/includes/process_results.html", context={"winners": published_winners(process)}, order=10
    )


def edit_panels() -> ObjectList:
    """The tab "Jury und Ergebnisse" of the backend's process form: who
    rates, what they rate (criteria with weights) and the statement
    published with the results."""
    return ObjectList(
        [
            FieldPanel("jurors", widget=forms.CheckboxSelectMultiple),
            FieldPanel("jury_shortlist_only"),
            InlinePanel(
                "jury_criteria",
                heading=_("Kriterien der Jury"),
                label=_("Kriterium"),
                panels=[FieldPanel("name"), FieldPanel("description"), FieldPanel("weight")],
            ),
            FieldPanel("results_statement"),
        ],
        heading=_("Jury und Ergebnisse"),
    )


def prepare_process_form(form) -> None:
    """Only accounts of the Jury group can be made jurors."""
    if "jurors" in form.fields:
        form.fields["jurors"].queryset = (
            get_user_model().objects.filter(groups__name=JURORS).order_by("display_name", "pk")
        )


def register_type() -> ContributionType:
    return register(
        ContributionType(
            key="jury",
            label=_("Jury"),
            order=20,
            requires=("ideas",),
            actions=(
                # Jurors rate in the backend; the public box does not list it.
                Action(key="rate", label=_("Jury bewertet"), backend_label=_("Jury bewertet"), in_box=False),
                Action(
                    key="results",
                    label=_("Ergebnisse veröffentlicht"),
                    backend_label=_("Ergebnisse veröffentlicht"),
                    in_box=False,
                ),
            ),
            show=show_results,
            edit_panels=edit_panels,
            prepare_form=prepare_process_form,
            privacy_export=("jury_ratings", "jury_processes"),
        )
    )
