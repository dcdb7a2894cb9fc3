"""What waits for the moderation, as one moderator sees it: open reports
grouped per item, contributions awaiting approval, and objections awaiting
a decision.

The queue reads items of every registered type (registry.py) without
knowing their models, and still needs a fixed number of queries whatever
the number of reports and items: the reports are read as plain rows and
grouped here, and the items of each type are loaded together through the
registry's load_many, with everything the registry's functions (excerpt,
public_url, municipality, ...) read.

Scope (rule moderation.moderate_item): superusers and county-wide
moderators (no moderated municipalities) see everything; a moderator
scoped to municipalities sees the items of those municipalities, never
those without a municipality. An entry waiting longer than OVERDUE_AFTER
is flagged "überfällig".
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from smartregion.moderation import registry
from smartregion.moderation.models import Objection, Report
from smartregion.moderation.rules import OVERDUE_AFTER, moderated_municipality_ids
from smartregion.participation.models import Process
from smartregion.region.models import Municipality

# How many entries each section shows; the filters narrow a longer queue.
SECTION_LIMIT = 100

# The sections of the queue, as the filter "Art" names them.
REPORTS = "meldungen"
PENDING = "freigabe"
OBJECTIONS = "widersprueche"


def scope_of(user) -> frozenset[int] | None:
    """The municipalities whose items `user` moderates; None for the whole
    county (superusers, moderators without municipalities)."""
    if user.is_superuser:
        return None
    return moderated_municipality_ids(user) or None


# --- Entries ---------------------------------------------------------------


@dataclass
class Entry:
    """One item in one section of the queue."""

    moderated: registry.Moderated
    obj: Model
    # Since when it waits: the oldest open report, the contribution's
    # creation, the objection.
    since: dt.datetime
    municipality: object = None
    process: object = None
    report_count: int = 0
    # (label, count) of the open reports' reasons, most frequent first.
    reasons: list = field(default_factory=list)
    objection: Objection | None = None
    overdue: bool = False

    def __post_init__(self):
        self.key = self.moderated.key
        self.pk = self.obj.pk
        self.value = f"{self.key}:{self.pk}"
        self.excerpt = self.moderated.excerpt(self.obj)
        self.public_url = self.moderated.public_url(self.obj)
        self.state = self.moderated.state(self.obj)
        self.label = self.moderated.label


@dataclass
class Section:
    entries: list
    total: int

    @property
    def is_cut(self):
        return self.total > len(self.entries)


@dataclass
class Queue:
    reports: Section
    pending: Section
    objections: Section

    @property
    def counts(self):
        return {REPORTS: self.reports.total, PENDING: self.pending.total, OBJECTIONS: self.objections.total}


@dataclass
class Filters:
    """The queue's filters; None or "" means "all"."""

    section: str = ""
    key: str = ""
    process_id: int | None = None
    # A municipality's pk, or WHOLE_REGION for items without one.
    municipality: str = ""
    reason: str = ""
    older_than: dt.timedelta | None = None


WHOLE_REGION = "region"


def _matches_place(filters, municipality_id, process_id) -> bool:
    if filters.process_id is not None and process_id != filters.process_id:
        return False
    if filters.municipality == WHOLE_REGION:
        return municipality_id is None
    if filters.municipality:
        return str(municipality_id) == filters.municipality
    return True


def _in_scope(scope, municipality_id) -> bool:
    return scope is None or (municipality_id is not None and municipality_id in scope)


def _types(filters):
    types = registry.all()
    if filters.key:
        types = [moderated for moderated in types if moderated.key == filters.key]
    return {ContentType.objects.get_for_model(moderated.model).pk: moderated for moderated in types}


def _pk(obj):
    return getattr(obj, "pk", None)


def build_queue(user, filters: Filters, now=None, limit=SECTION_LIMIT) -> Queue:
    """The queue of `user` (who may moderate; the caller checks), oldest
    first, each section cut at `limit` entries."""
    now = now or timezone.now()
    scope = scope_of(user)
    types = _types(filters)
    wanted = {filters.section} if filters.section else {REPORTS, PENDING, OBJECTIONS}
    # A report's reason filters the reports only: pending items and
    # objections have none.
    if filters.reason:
        wanted &= {REPORTS}
    overdue_before = now - OVERDUE_AFTER
    older_before = now - filters.older_than if filters.older_than else None

    def keep(since):
        return older_before is None or since <= older_before

    # Open reports, as plain rows grouped per item here.
    groups = {}
    if REPORTS in wanted and types:
        rows = Report.objects.filter(status=Report.Status.OPEN, content_type_id__in=types)
        if scope is not None:
            rows = rows.filter(municipality_id__in=scope)
        rows = rows.values_list(
            "content_type_id", "object_id", "reason", "created_at", "municipality_id", "process_id"
        ).order_by("created_at", "pk")
        for ct_id, object_id, reason, created_at, municipality_id, process_id in rows:
            group = groups.get((ct_id, object_id))
            if group is None:
                group = groups[(ct_id, object_id)] = {
                    "since": created_at,
                    "reasons": Counter(),
                    "municipality_id": municipality_id,
                    "process_id": process_id,
                }
            group["reasons"][reason] += 1
        groups = {
            item: group
            for item, group in groups.items()
            if _matches_place(filters, group["municipality_id"], group["process_id"])
            and keep(group["since"])
            and (not filters.reason or filters.reason in group["reasons"])
        }
    report_items = sorted(groups, key=lambda item: groups[item]["since"])

    objections = []
    if OBJECTIONS in wanted and types:
        objections = list(
            Objection.objects.filter(status=Objection.Status.OPEN, content_type_id__in=types)
            .select_related("hide_action__actor", "author")
            .order_by("created_at", "pk")
        )
        objections = [objection for objection in objections if keep(objection.created_at)]

    # The items of the reports shown and of every objection (whose scope
    # and place only the item knows), one query per type.
    pks_by_type = defaultdict(set)
    for ct_id, object_id in report_items[:limit]:
        pks_by_type[ct_id].add(object_id)
    for objection in objections:
        pks_by_type[objection.content_type_id].add(objection.object_id)
    items = {}
    for ct_id, pks in pks_by_type.items():
        for pk, obj in registry.load_many(types[ct_id], pks).items():
            items[(ct_id, pk)] = obj

    municipalities, processes = _names([groups[item] for item in report_items[:limit]])

    reason_labels = dict(Report.Reason.choices)
    report_entries = []
    for ct_id, object_id in report_items[:limit]:
        obj = items.get((ct_id, object_id))
        if obj is None:
            continue
        group = groups[(ct_id, object_id)]
        report_entries.append(
            Entry(
                types[ct_id],
                obj,
                since=group["since"],
                municipality=municipalities.get(group["municipality_id"]),
                process=processes.get(group["process_id"]),
                report_count=sum(group["reasons"].values()),
                reasons=[(reason_labels.get(r, r), n) for r, n in group["reasons"].most_common()],
                overdue=group["since"] <= overdue_before,
            )
        )

    objection_entries = []
    for objection in objections:
        obj = items.get((objection.content_type_id, objection.object_id))
        if obj is None:
            continue
        moderated = types[objection.content_type_id]
        municipality, process = moderated.municipality(obj), moderated.process(obj)
        if not _in_scope(scope, _pk(municipality)) or not _matches_place(filters, _pk(municipality), _pk(process)):
            continue
        objection_entries.append(
            Entry(
                moderated,
                obj,
                since=objection.created_at,
                municipality=municipality,
                process=process,
                objection=objection,
                overdue=objection.created_at <= overdue_before,
            )
        )

    pending_entries = []
    if PENDING in wanted:
        for moderated in types.values():
            pks = moderated.pending().values_list("pk", flat=True)
            objs = registry.load_many(moderated, list(pks))
            for obj in objs.values():
                municipality, process = moderated.municipality(obj), moderated.process(obj)
                # Contributions carry their creation time; one without it
                # counts as new.
                since = getattr(obj, "created_at", None) or now
                if (
                    _in_scope(scope, _pk(municipality))
                    and _matches_place(filters, _pk(municipality), _pk(process))
                    and keep(since)
                ):
                    pending_entries.append(
                        Entry(
                            moderated,
                            obj,
                            since=since,
                            municipality=municipality,
                            process=process,
                            overdue=since <= overdue_before,
                        )
                    )
        pending_entries.sort(key=lambda entry: entry.since)

    return Queue(
        reports=Section(report_entries, len(report_items)),
        pending=Section(pending_entries[:limit], len(pending_entries)),
        objections=Section(objection_entries[:limit], len(objection_entries)),
    )


def _names(groups):
    """The municipalities and processes the report groups name, by pk."""
    municipality_ids = {group["municipality_id"] for group in groups} - {None}
    process_ids = {group["process_id"] for group in groups} - {None}
    municipalities = Municipality.objects.only("name", "slug").in_bulk(municipality_ids) if municipality_ids else {}
    processes = Process.objects.only("title", "slug").in_bulk(process_ids) if process_ids else {}
    return municipalities, processes
