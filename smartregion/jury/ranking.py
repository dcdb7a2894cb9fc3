"""What the jury reads: the jury list, the criteria, the juror's progress,
the ranking and the published winners (the writes are in actions.py).

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
"""

import dataclasses

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from smartregion.ideas.models import Idea
from smartregion.jury.models import JuryCriterion, JuryRating
from smartregion.participation.models import Moderation


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
    jury.rules.is_on_jury_list."""
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
