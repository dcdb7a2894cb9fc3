"""The jury: ratings, the ranking and the published winners.

Each juror assigned to a process rates every idea on the jury list (all
ideas not withdrawn, or only the shortlisted ones) on each of the process's
criteria from 1 to 5, with a private note.

The ranking of an idea:

- score: the weighted mean over the criteria of the mean score per
  criterion across the jurors. Only criteria with at least one rating count
  (their weights are renormalised), so a criterion added late does not pull
  every idea towards 0. Ratings of jurors whose account was deleted (juror
  NULL) still count in these means.
- jurors_rated: how many jurors rated every criterion of the idea.
- spread: the range (highest minus lowest) of the weighted means of those
  jurors, on the same 1 to 5 scale: 0 when they agree, up to 4.

The writes (rate_idea, mark_winner, unmark_winner, publish_results) run in
transaction.atomic(); the views check the rules first, and rate_idea checks
ideas.rate_idea again on freshly loaded rows (the phase may have ended
between the form and the POST).
"""

import dataclasses
import datetime as dt

import rules
from django.conf import settings
from django.db import transaction
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from smartregion.ideas.models import Idea, JuryCriterion, JuryRating
from smartregion.participation.models import Moderation, Phase

NOTE_MAX_LENGTH = 2000
SCORES = tuple(JuryCriterion.SCALE)


class JuryError(Exception):
    """A jury write refused, with a message for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclasses.dataclass
class RankedIdea:
    idea: Idea
    score: float | None = None
    jurors_rated: int = 0
    spread: float | None = None
    criterion_means: dict = dataclasses.field(default_factory=dict)
    rank: int | None = None


def published_winners(process):
    """The winners of `process` with their jury statements, for the public
    results (the caller checks that results are visible)."""
    return list(Idea.objects.public().filter(process=process, status=Idea.Status.WINNER).for_listing())


def jury_list(process):
    """The ideas the jury of `process` rates, oldest first: visible and not
    withdrawn; with jury_shortlist_only the shortlisted ones and the
    winners picked from them. The queryset form of the predicate
    ideas.rules.is_on_jury_list."""
    ideas = Idea.objects.filter(process=process, moderation=Moderation.VISIBLE).exclude(status=Idea.Status.WITHDRAWN)
    if process.jury_shortlist_only:
        ideas = ideas.filter(status__in=[Idea.Status.SHORTLISTED, Idea.Status.WINNER])
    return ideas.order_by("created_at", "pk")


def criteria_of(process) -> list[JuryCriterion]:
    return list(JuryCriterion.objects.filter(process=process).order_by("sort_order", "pk"))


def rated_counts(juror, process) -> dict[int, int]:
    """How many criteria `juror` rated, per idea of `process` (one query)."""
    rows = (
        JuryRating.objects.filter(juror=juror, idea__process=process)
        .values("idea_id")
        .annotate(rated=Count("criterion_id", distinct=True))
    )
    return {row["idea_id"]: row["rated"] for row in rows}


def unrated_counts(juror, processes) -> dict[int, int]:
    """How many ideas on the jury list of each of `processes` `juror` has
    not yet rated in every criterion, by process pk (processes without
    such ideas are missing). One query, whatever the number of processes,
    ideas and ratings."""
    rated = (
        JuryRating.objects.filter(juror=juror, idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(rated=Count("criterion_id", distinct=True))
        .values("rated")
    )
    needed = (
        JuryCriterion.objects.filter(process=OuterRef("process"))
        .order_by()
        .values("process")
        .annotate(needed=Count("pk"))
        .values("needed")
    )
    # The queryset form of jury_list() for several processes at once.
    ideas = (
        Idea.objects.filter(process__in=[process.pk for process in processes], moderation=Moderation.VISIBLE)
        .exclude(status=Idea.Status.WITHDRAWN)
        .filter(Q(process__jury_shortlist_only=False) | Q(status__in=[Idea.Status.SHORTLISTED, Idea.Status.WINNER]))
    )
    rows = (
        ideas.annotate(rated=Coalesce(Subquery(rated), 0), needed=Coalesce(Subquery(needed), 0))
        .filter(rated__lt=F("needed"))
        .order_by()
        .values("process")
        .annotate(unrated=Count("pk"))
    )
    return {row["process"]: row["unrated"] for row in rows}


def next_unrated_idea(juror, process, criteria_count: int, after=None):
    """The first idea of the jury list that `juror` has not rated fully,
    looking after `after` first and then from the start; None when every
    idea is rated. Two queries."""
    counts = rated_counts(juror, process)
    ideas = list(jury_list(process).only("pk", "created_at", "process_id"))
    unrated = [idea for idea in ideas if counts.get(idea.pk, 0) < criteria_count]
    if after is not None:
        position = next((i for i, idea in enumerate(ideas) if idea.pk == after.pk), None)
        if position is not None:
            later = {idea.pk for idea in ideas[position + 1 :]}
            following = [idea for idea in unrated if idea.pk in later]
            if following:
                return following[0]
        unrated = [idea for idea in unrated if idea.pk != after.pk]
    return unrated[0] if unrated else None


def ranking(process, criteria=None) -> list[RankedIdea]:
    """Every idea on the jury list of `process` with its score, the number
    of jurors who rated it fully and their spread, best first (ideas
    without a score last, in the order of the list).

    Four queries whatever the number of ideas and ratings (criteria, ideas,
    the mean per idea and criterion, the sums per idea and juror); fewer
    when `criteria` is given."""
    if criteria is None:
        criteria = criteria_of(process)
    weights = {criterion.pk: criterion.weight for criterion in criteria}
    total_weight = sum(weights.values())
    ideas = list(jury_list(process).select_related("process").defer("process__description", "text"))
    ranked = {idea.pk: RankedIdea(idea=idea) for idea in ideas}
    if ranked and weights:
        ratings = JuryRating.objects.filter(idea__process=process, criterion__in=list(weights))
        means = ratings.values("idea_id", "criterion_id").annotate(mean=Avg("score")).order_by()
        for row in means:
            entry = ranked.get(row["idea_id"])
            if entry is not None:
                entry.criterion_means[row["criterion_id"]] = float(row["mean"])
        per_juror = (
            ratings.filter(juror__isnull=False)
            .values("idea_id", "juror_id")
            .annotate(rated=Count("criterion_id", distinct=True), weighted=Sum(F("score") * F("criterion__weight")))
            .order_by()
        )
        totals: dict[int, list[float]] = {}
        for row in per_juror:
            if row["idea_id"] in ranked and row["rated"] == len(weights):
                totals.setdefault(row["idea_id"], []).append(row["weighted"] / total_weight)
        for idea_pk, entry in ranked.items():
            if entry.criterion_means:
                rated_weight = sum(weights[pk] for pk in entry.criterion_means)
                entry.score = sum(weights[pk] * mean for pk, mean in entry.criterion_means.items()) / rated_weight
            juror_totals = totals.get(idea_pk, [])
            entry.jurors_rated = len(juror_totals)
            if juror_totals:
                entry.spread = max(juror_totals) - min(juror_totals)
    position = {idea.pk: index for index, idea in enumerate(ideas)}
    result = sorted(
        ranked.values(),
        key=lambda entry: (entry.score is None, -(entry.score or 0), -entry.jurors_rated, position[entry.idea.pk]),
    )
    for number, entry in enumerate(result, start=1):
        if entry.score is not None:
            entry.rank = number
    return result


# Writes.


def _clean_scores(scores, notes, criteria):
    cleaned = {}
    for key, value in scores.items():
        try:
            criterion_pk, score = int(key), int(value)
        except (TypeError, ValueError):
            raise JuryError(_("Bitte vergeben Sie für jedes Kriterium 1 bis 5 Punkte.")) from None
        if criterion_pk not in criteria:
            raise JuryError(_("Dieses Kriterium gehört nicht zu diesem Verfahren."))
        if score not in SCORES:
            raise JuryError(_("Bitte vergeben Sie für jedes Kriterium 1 bis 5 Punkte."))
        cleaned[criterion_pk] = score
    if not cleaned:
        raise JuryError(_("Bitte vergeben Sie für jedes Kriterium 1 bis 5 Punkte."))
    cleaned_notes = {}
    for key, note in (notes or {}).items():
        criterion_pk, note = int(key), (note or "").strip()
        if criterion_pk not in cleaned:
            if note:
                raise JuryError(_("Eine Notiz lässt sich nur zusammen mit Punkten speichern."))
            continue
        if len(note) > NOTE_MAX_LENGTH:
            raise JuryError(
                _("Eine Notiz darf höchstens %(max)d Zeichen lang sein.") % {"max": NOTE_MAX_LENGTH},
            )
        cleaned_notes[criterion_pk] = note
    return cleaned, cleaned_notes


def rate_idea(juror, idea, scores, notes=None) -> list[JuryRating]:
    """Save `juror`'s scores ({criterion pk: 1..5}) and private notes
    ({criterion pk: text}) of `idea`, replacing earlier ones of the same
    criteria. Refuses (JuryError) unless the rule ideas.rate_idea holds on
    the rows as they are now, a score lies outside 1..5, or a criterion
    belongs to another process."""
    with transaction.atomic():
        current = Idea.objects.select_for_update(of=("self",)).select_related("process").get(pk=idea.pk)
        if not rules.has_perm("ideas.rate_idea", juror, current):
            raise JuryError(_("Diese Idee können Sie gerade nicht bewerten."))
        criteria = {criterion.pk: criterion for criterion in criteria_of(current.process)}
        cleaned, cleaned_notes = _clean_scores(scores, notes, criteria)
        saved = []
        for criterion_pk, score in cleaned.items():
            rating, _created = JuryRating.objects.update_or_create(
                idea=current,
                criterion=criteria[criterion_pk],
                juror=juror,
                defaults={"score": score, "note": cleaned_notes.get(criterion_pk, "")},
            )
            saved.append(rating)
        return saved


def _locked_idea(idea):
    return Idea.objects.select_for_update(of=("self",)).select_related("process").get(pk=idea.pk)


def mark_winner(idea, statement) -> Idea:
    """Make `idea` a winner ("ausgezeichnet") with the jury's public
    statement. Refuses ideas that are not on the jury list and an empty
    statement. The views check ideas.manage_jury (editors)."""
    from smartregion.ideas.rules import is_on_jury_list

    statement = (statement or "").strip()
    if not statement:
        raise JuryError(_("Bitte schreiben Sie, warum die Jury diese Idee auszeichnet."))
    with transaction.atomic():
        current = _locked_idea(idea)
        if not is_on_jury_list(None, current):
            raise JuryError(_("Diese Idee steht nicht auf der Liste der Jury."))
        changed = current.status != Idea.Status.WINNER
        current.status = Idea.Status.WINNER
        current.jury_statement = statement
        fields = ["status", "jury_statement", "updated_at"]
        if changed:
            current.status_changed_at = timezone.now()
            fields.append("status_changed_at")
        current.save(update_fields=fields)
    return current


def unmark_winner(idea) -> Idea:
    """Take the award back: the idea returns to the shortlist ("in der
    Auswahl", where the jury picked it from) and loses the statement."""
    with transaction.atomic():
        current = _locked_idea(idea)
        if current.status != Idea.Status.WINNER:
            raise JuryError(_("Diese Idee ist nicht ausgezeichnet."))
        current.status = Idea.Status.SHORTLISTED
        current.jury_statement = ""
        current.status_changed_at = timezone.now()
        current.save(update_fields=["status", "jury_statement", "status_changed_at", "updated_at"])
    return current


def _results_phase_title() -> str:
    # The title is content, stored once: in the site's language, not in the
    # language of the editor who happens to publish.
    with translation.override(settings.LANGUAGE_CODE):
        return _("Ergebnisse")


def publish_results(process, statement, now=None):
    """Publish the results of `process` with the public `statement`.

    When results are visible already (a phase that opens "jury.results"
    has begun), only the statement changes. Otherwise the active phase, if
    any, ends now (which also closes the jury), and a new phase "Ergebnisse"
    starts now opening "jury.results"; it has no end, or ends when the
    next planned phase begins, so the later phases still become active. The
    phases are then numbered by their start. Returns the results phase."""
    from smartregion.participation.models import Process

    statement = (statement or "").strip()
    if not statement:
        raise JuryError(_("Bitte schreiben Sie eine Erklärung zu den Ergebnissen."))
    now = now or timezone.now()
    with transaction.atomic():
        current = Process.objects.select_for_update().get(pk=process.pk)
        current.results_statement = statement
        current.save(update_fields=["results_statement", "updated_at"])
        phases = list(Phase.objects.filter(process=current).order_by("sort_order", "pk"))
        published = [phase for phase in phases if phase.has("jury.results") and phase.starts_at <= now]
        if published:
            return published[-1]
        for phase in phases:
            if phase.contains(now):
                phase.ends_at = max(now, phase.starts_at + dt.timedelta(microseconds=1))
                phase.save(update_fields=["ends_at"])
        upcoming = [phase.starts_at for phase in phases if phase.starts_at > now]
        results_phase = Phase(
            process=current,
            title=_results_phase_title(),
            starts_at=now,
            ends_at=min(upcoming) if upcoming else None,
            opens=["jury.results"],
        )
        phases.append(results_phase)
        phases.sort(key=lambda phase: (phase.starts_at, phase.sort_order or 0))
        for number, phase in enumerate(phases):
            phase.sort_order = number
            if phase.pk is not None:
                phase.save(update_fields=["sort_order"])
        results_phase.save()
    process.results_statement = statement
    return results_phase
