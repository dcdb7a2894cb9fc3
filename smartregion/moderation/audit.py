"""Reading the audit log (ModerationAction): per item, per person (as the
one who acted or as the author of the item), and as CSV.

The log is append-only (models.py); nothing here writes.
"""

import csv

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from smartregion.moderation import registry
from smartregion.moderation.models import ItemState, ModerationAction


def authored_by(person) -> Q | None:
    """Log entries about items `person` wrote: of every registered type
    whose model has an `author` field (ideas, comments). None if no type
    has one."""
    conditions = []
    for moderated in registry.all():
        model = moderated.model
        try:
            model._meta.get_field("author")
        except FieldDoesNotExist:
            continue
        conditions.append(
            Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=model._default_manager.filter(author=person).values("pk"),
            )
        )
    if not conditions:
        return None
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined


def log_entries(*, person=None, item=None, action=""):
    """The log, newest first, with the actor joined; narrowed to what
    `person` did or what happened to their items, to one `item` (a
    (Moderated, pk) pair) and to one `action`."""
    entries = ModerationAction.objects.select_related("actor")
    if item is not None:
        moderated, pk = item
        entries = entries.filter(content_type=ContentType.objects.get_for_model(moderated.model), object_id=pk)
    if person is not None:
        condition = Q(actor=person)
        authored = authored_by(person)
        if authored is not None:
            condition |= authored
        entries = entries.filter(condition)
    if action:
        entries = entries.filter(action=action)
    return entries.order_by("-created_at", "-pk")


def type_label(content_type_id) -> str:
    """The label of the registered type behind a content type ("Idee")."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    moderated = registry.for_model(model) if model is not None else None
    return str(moderated.label) if moderated is not None else _("unbekannt")


def item_key(content_type_id) -> str | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    moderated = registry.for_model(model) if model is not None else None
    return moderated.key if moderated is not None else None


def actor_name(entry) -> str:
    if entry.actor is not None:
        return entry.actor.email
    if entry.action == ModerationAction.Action.HOLD:
        return _("System (Wortliste)")
    return _("gelöschtes Konto")


def _state_label(value) -> str:
    return str(ItemState(value).label) if value in ItemState.values else value


# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """`value` as text a spreadsheet shows as text: a leading apostrophe
    before anything it would read as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_header():
    return [
        _("Zeitpunkt"),
        _("Beitragsart"),
        _("Beitrag Nr."),
        _("Beitrag"),
        _("Aktion"),
        _("von"),
        _("Grund"),
        _("Notiz"),
        _("Zustand vorher"),
        _("Zustand nachher"),
    ]


def csv_row(entry):
    return [
        safe_cell(value)
        for value in (
            timezone.localtime(entry.created_at).strftime("%d.%m.%Y %H:%M:%S"),
            type_label(entry.content_type_id),
            entry.object_id,
            entry.item_label,
            entry.get_action_display(),
            actor_name(entry),
            entry.reason_display(),
            entry.note,
            _state_label(entry.state_before),
            _state_label(entry.state_after),
        )
    ]


class _Echo:
    """A file-like object whose write() returns what it was given, so the
    csv writer produces one line at a time for a streaming response."""

    def write(self, value):
        return value


def csv_lines(entries):
    """The CSV of `entries` line by line, semicolon-separated (what a
    German spreadsheet expects), starting with a byte order mark so that
    the umlauts open right."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(csv_header())
    for entry in entries.iterator(chunk_size=500):
        yield writer.writerow(csv_row(entry))
