"""What the jury writes: a juror's ratings, the winners and the published
results.

The writes run in transaction.atomic(); the views check the rules first,
and rate_idea checks jury.rate_idea again on freshly loaded rows (the phase
may have ended between the form and the POST).
"""

import datetime as dt

import rules
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from smartregion.ideas.models import Idea
from smartregion.jury.models import JuryCriterion, JuryRating
from smartregion.jury.ranking import criteria_of
from smartregion.jury.rules import is_on_jury_list
from smartregion.participation.models import Phase, Process

NOTE_MAX_LENGTH = 2000
SCORES = tuple(JuryCriterion.SCALE)


class JuryError(Exception):
    """A jury write refused, with a message for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


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
    criteria. Refuses (JuryError) unless the rule jury.rate_idea holds on
    the rows as they are now, a score lies outside 1..5, or a criterion
    belongs to another process."""
    with transaction.atomic():
        current = Idea.objects.select_for_update(of=("self",)).select_related("process").get(pk=idea.pk)
        if not rules.has_perm("jury.rate_idea", juror, current):
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
    statement. The views check jury.manage_jury (editors)."""
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
