"""The jury in the staff backend ("Jury" under /redaktion/jury/).

Jurors assigned to a process rate its ideas on a board while the jury
phase runs; editors see the ranking, mark winners and publish the results.

The URLs are registered in wagtail_hooks.py, so Wagtail's
require_admin_access (and the second factor, accounts.middleware) guards
every view. A process a juror is not assigned to does not exist for them
(404); everything else is decided by the rules jury.view_jury_board,
jury.rate_idea and jury.manage_jury (jury/rules.py). The jury rules are
asked through rules.has_perm, not user.has_perm: Django's backend says yes
to every permission of a superuser, and a superuser who is no juror must
not rate.
"""

import rules
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from smartregion.accounts.predicates import in_group
from smartregion.accounts.roles import JURORS
from smartregion.ideas.models import Idea
from smartregion.jury import actions, ranking
from smartregion.jury.models import JuryRating
from smartregion.jury.rules import is_assigned_juror
from smartregion.participation.models import Process


def _score_choices():
    labels = {1: _("1 – trifft kaum zu"), 5: _("5 – trifft voll zu")}
    return [(score, labels.get(score, str(score))) for score in actions.SCORES]


# Forms.


class RatingForm(forms.Form):
    """One juror's rating of one idea: 1 to 5 points on every criterion of
    the process, each with an optional private note."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=_score_choices(),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Bitte vergeben Sie 1 bis 5 Punkte."),
                    "invalid_choice": _("Bitte vergeben Sie 1 bis 5 Punkte."),
                },
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Ihre Notiz zu „%(name)s“ (freiwillig)") % {"name": criterion.name},
                required=False,
                max_length=actions.NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _("Die Notiz darf höchstens %(limit_value)d Zeichen lang sein."),
                },
            )

    def rows(self):
        """(criterion, score field, note field) per criterion, for the
        template."""
        return [(c, self[f"score_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]

    def scores(self):
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}

    def notes(self):
        return {c.pk: self.cleaned_data[f"note_{c.pk}"] for c in self.criteria}


class WinnerForm(forms.Form):
    statement = forms.CharField(
        label=gettext_lazy("Öffentliche Begründung der Jury"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Erscheint mit den Ergebnissen auf der Seite des Verfahrens."),
        error_messages={"required": gettext_lazy("Bitte schreiben Sie, warum die Jury diese Idee auszeichnet.")},
    )

    def clean_statement(self):
        statement = self.cleaned_data["statement"].strip()
        if not statement:
            raise forms.ValidationError(_("Bitte schreiben Sie, warum die Jury diese Idee auszeichnet."))
        return statement


class ResultsForm(forms.Form):
    statement = forms.CharField(
        label=gettext_lazy("Erklärung zu den Ergebnissen"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Erscheint über den ausgezeichneten Ideen auf der Seite des Verfahrens."),
        error_messages={"required": gettext_lazy("Bitte schreiben Sie eine Erklärung zu den Ergebnissen.")},
    )

    def clean_statement(self):
        statement = self.cleaned_data["statement"].strip()
        if not statement:
            raise forms.ValidationError(_("Bitte schreiben Sie eine Erklärung zu den Ergebnissen."))
        return statement


# Fetch and authorize.


def _get_process(slug):
    return get_object_or_404(Process.objects.with_phases().defer("description"), slug=slug)


def _get_board_process(request, slug):
    """The process `slug` for its juror's board and whether the jury phase
    runs (the views answer "not open" when not): 404 unless the person is
    assigned to the process."""
    process = _get_process(slug)
    if not is_assigned_juror(request.user, process):
        raise Http404
    if not rules.has_perm("jury.view_jury_board", request.user, process):
        return process, False
    return process, True


def _get_ranking_process(request, slug):
    if not request.user.has_perm("jury.manage_jury"):
        raise PermissionDenied
    return _get_process(slug)


def _jury_closed(request, process):
    messages.warning(
        request,
        _("Die Jury bewertet im Verfahren „%(title)s“ gerade nicht.") % {"title": process.title},
    )
    return redirect("jury_admin:index")


def _breadcrumbs(process=None, label=None, url=None):
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Start")},
        {"url": reverse("jury_admin:index"), "label": _("Jury")},
    ]
    if process is not None:
        items.append({"url": url, "label": process.title})
    if label:
        items.append({"url": None, "label": label})
    return items


# Views.


@require_GET
def jury_index(request):
    """The processes the person works on as a juror, and, for editors, every
    process with jury criteria."""
    user = request.user
    juror_processes = []
    if in_group(user, JURORS):
        for process in user.jury_processes.with_phases().defer("description").order_by("title"):
            juror_processes.append({"process": process, "open": process.is_open("jury.rate")})
    editor_processes = []
    if user.has_perm("jury.manage_jury"):
        editor_processes = list(
            Process.objects.with_phases()
            .defer("description")
            .annotate(criteria_count=Count("jury_criteria", distinct=True), juror_count=Count("jurors", distinct=True))
            .filter(criteria_count__gt=0)
            .order_by("-created_at", "pk")
        )
        for process in editor_processes:
            process.is_open_for_jury = process.is_open("jury.rate")
            process.results_are_visible = process.has_begun("jury.results")
    if not in_group(user, JURORS) and not user.has_perm("jury.manage_jury"):
        raise PermissionDenied
    return render(
        request,
        "jury/admin/index.html",
        {
            "header_title": _("Jury"),
            "header_icon": "tasks",
            "breadcrumbs_items": _breadcrumbs(),
            "juror_processes": juror_processes,
            "editor_processes": editor_processes,
            "now": timezone.now(),
        },
    )


@require_GET
def jury_board(request, slug):
    """The juror's board: every idea on the jury list with what the juror
    has rated so far."""
    process, is_open = _get_board_process(request, slug)
    if not is_open:
        return _jury_closed(request, process)
    criteria = ranking.criteria_of(process)
    ideas = list(ranking.jury_list(process).select_related("municipality").defer("municipality__boundary", "text"))
    counts = ranking.rated_counts(request.user, process)
    rows = []
    rated = 0
    for idea in ideas:
        count = min(counts.get(idea.pk, 0), len(criteria))
        done = bool(criteria) and count == len(criteria)
        rated += done
        rows.append({"idea": idea, "rated": count, "done": done})
    return render(
        request,
        "jury/admin/board.html",
        {
            "header_title": _("Jury: %(title)s") % {"title": process.title},
            "header_icon": "tasks",
            "breadcrumbs_items": _breadcrumbs(process),
            "process": process,
            "criteria": criteria,
            "rows": rows,
            "rated_count": rated,
            "idea_count": len(rows),
        },
    )


def _render_rating(request, process, idea, criteria, form, status=200):
    own = {rating.criterion_id: rating for rating in idea.jury_ratings.all() if rating.juror_id == request.user.pk}
    complete = bool(criteria) and all(criterion.pk in own for criterion in criteria)
    others = []
    means = []
    if complete:
        # Only now: a juror forms an opinion before seeing the others'.
        by_juror = {}
        for rating in idea.jury_ratings.all():
            if rating.juror_id != request.user.pk:
                by_juror.setdefault(rating.juror_id, {"juror": rating.juror, "scores": {}})
                by_juror[rating.juror_id]["scores"][rating.criterion_id] = rating.score
        for entry in by_juror.values():
            entry["row"] = [entry["scores"].get(criterion.pk) for criterion in criteria]
            others.append(entry)
        others.sort(key=lambda entry: (entry["juror"].display_name if entry["juror"] else "~").lower())
        for criterion in criteria:
            scores = [rating.score for rating in idea.jury_ratings.all() if rating.criterion_id == criterion.pk]
            means.append(sum(scores) / len(scores) if scores else None)
    return render(
        request,
        "jury/admin/rating.html",
        {
            "header_title": _("Idee bewerten: %(title)s") % {"title": idea.title},
            "header_icon": "tasks",
            "breadcrumbs_items": _breadcrumbs(
                process, idea.title, url=reverse("jury_admin:board", args=[process.slug])
            ),
            "process": process,
            "idea": idea,
            "criteria": criteria,
            "form": form,
            "complete": complete,
            "others": others,
            "means": means,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def rate_idea(request, slug, pk):
    """One idea of the board with the rating form; saving leads to the next
    idea the juror has not rated."""
    process, is_open = _get_board_process(request, slug)
    if not is_open:
        return _jury_closed(request, process)
    idea = get_object_or_404(
        ranking.jury_list(process)
        .select_related("municipality", "focus_area")
        .defer("municipality__boundary")
        .prefetch_related(Prefetch("jury_ratings", JuryRating.objects.select_related("juror").order_by("pk"))),
        pk=pk,
    )
    idea.process = process
    criteria = ranking.criteria_of(process)
    if not rules.has_perm("jury.rate_idea", request.user, idea):
        raise PermissionDenied
    if request.method == "GET":
        own = {r.criterion_id: r for r in idea.jury_ratings.all() if r.juror_id == request.user.pk}
        initial = {}
        for criterion_pk, rating in own.items():
            initial[f"score_{criterion_pk}"] = rating.score
            initial[f"note_{criterion_pk}"] = rating.note
        return _render_rating(request, process, idea, criteria, RatingForm(criteria=criteria, initial=initial))

    form = RatingForm(request.POST, criteria=criteria)
    if not form.is_valid():
        return _render_rating(request, process, idea, criteria, form)
    try:
        actions.rate_idea(request.user, idea, form.scores(), form.notes())
    except actions.JuryError as error:
        messages.error(request, error.message)
        return _render_rating(request, process, idea, criteria, form)
    following = ranking.next_unrated_idea(request.user, process, len(criteria), after=idea)
    if following is None:
        messages.success(request, _("Ihre Bewertung ist gespeichert. Sie haben alle Ideen bewertet."))
        return redirect("jury_admin:board", slug=process.slug)
    messages.success(
        request,
        _("Ihre Bewertung von „%(title)s“ ist gespeichert. Hier ist die nächste Idee.") % {"title": idea.title},
    )
    return redirect("jury_admin:rate", slug=process.slug, pk=following.pk)


def _render_ranking(request, process, *, winner_form=None, winner_pk=None, results_form=None, status=200):
    criteria = ranking.criteria_of(process)
    entries = ranking.ranking(process, criteria)
    for entry in entries:
        entry.idea.process = process
        entry.mean_row = [entry.criterion_means.get(criterion.pk) for criterion in criteria]
        if winner_form is not None and entry.idea.pk == winner_pk:
            entry.winner_form = winner_form
        else:
            entry.winner_form = WinnerForm(
                prefix=f"winner-{entry.idea.pk}", initial={"statement": entry.idea.jury_statement}
            )
    juror_count = process.jurors.count()
    return render(
        request,
        "jury/admin/ranking.html",
        {
            "header_title": _("Rangliste: %(title)s") % {"title": process.title},
            "header_icon": "list-ol",
            "breadcrumbs_items": _breadcrumbs(process, _("Rangliste")),
            "process": process,
            "criteria": criteria,
            "entries": entries,
            "juror_count": juror_count,
            "results_visible": process.has_begun("jury.results"),
            "jury_open": process.is_open("jury.rate"),
            "results_form": results_form
            or ResultsForm(prefix="results", initial={"statement": process.results_statement}),
            "winner_status": Idea.Status.WINNER,
        },
        status=status,
    )


@require_GET
def jury_ranking(request, slug):
    """The ranking for editors, with the winners and the results."""
    process = _get_ranking_process(request, slug)
    return _render_ranking(request, process)


def _get_ranked_idea(process, pk):
    return get_object_or_404(Idea.objects.select_related("process"), process=process, pk=pk)


@require_POST
def mark_winner(request, slug, pk):
    process = _get_ranking_process(request, slug)
    idea = _get_ranked_idea(process, pk)
    form = WinnerForm(request.POST, prefix=f"winner-{idea.pk}")
    if not form.is_valid():
        messages.error(request, _("Die Idee ist nicht ausgezeichnet. Bitte prüfen Sie die Begründung."))
        return _render_ranking(request, process, winner_form=form, winner_pk=idea.pk)
    try:
        actions.mark_winner(idea, form.cleaned_data["statement"])
    except actions.JuryError as error:
        messages.error(request, error.message)
        return redirect("jury_admin:ranking", slug=process.slug)
    messages.success(request, _("„%(title)s“ ist ausgezeichnet.") % {"title": idea.title})
    return redirect(reverse("jury_admin:ranking", args=[process.slug]) + f"#idee-{idea.pk}")


@require_POST
def unmark_winner(request, slug, pk):
    process = _get_ranking_process(request, slug)
    idea = _get_ranked_idea(process, pk)
    try:
        actions.unmark_winner(idea)
    except actions.JuryError as error:
        messages.error(request, error.message)
        return redirect("jury_admin:ranking", slug=process.slug)
    messages.success(request, _("„%(title)s“ ist nicht mehr ausgezeichnet.") % {"title": idea.title})
    return redirect(reverse("jury_admin:ranking", args=[process.slug]) + f"#idee-{idea.pk}")


@require_POST
def publish_results(request, slug):
    process = _get_ranking_process(request, slug)
    form = ResultsForm(request.POST, prefix="results")
    if not form.is_valid():
        messages.error(request, _("Die Ergebnisse sind nicht veröffentlicht. Bitte prüfen Sie die Erklärung."))
        return _render_ranking(request, process, results_form=form)
    actions.publish_results(process, form.cleaned_data["statement"])
    messages.success(
        request,
        _("Die Ergebnisse sind veröffentlicht und stehen auf der Seite des Verfahrens."),
    )
    return redirect("jury_admin:ranking", slug=process.slug)


urlpatterns = [
    path("", jury_index, name="index"),
    path("<slug:slug>/", jury_board, name="board"),
    path("<slug:slug>/ideen/<int:pk>/", rate_idea, name="rate"),
    path("<slug:slug>/rangliste/", jury_ranking, name="ranking"),
    path("<slug:slug>/rangliste/<int:pk>/auszeichnen/", mark_winner, name="mark-winner"),
    path("<slug:slug>/rangliste/<int:pk>/auszeichnung-entfernen/", unmark_winner, name="unmark-winner"),
    path("<slug:slug>/ergebnisse/", publish_results, name="publish-results"),
]


def may_see_jury_menu(user) -> bool:
    """Editors, and jurors while the jury of one of their processes is
    open."""
    if user.has_perm("jury.manage_jury"):
        return True
    if not in_group(user, JURORS):
        return False
    return any(process.is_open("jury.rate") for process in user.jury_processes.with_phases())
