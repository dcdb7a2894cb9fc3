"""Every write of the moderation: reports, decisions, objections and the
word list's holds.

Each action runs in one transaction and records its ModerationAction rows
in it, so that the audit log holds exactly what happened. The item's row is
locked before its state is read (SELECT ... FOR UPDATE; SQLite serialises
the writers), so two moderators deciding at once decide once: the second
one gets WrongState. The item's own change goes through the registry
(registry.py), which keeps the item app's history and counts.

E-mails go out after the commit through tasks (moderation/tasks.py), so
that nobody hears of a decision a rollback undid.

Permission checks (moderation/rules.py) belong to the caller; the actions
refuse what would break the flow: a second open report of the same person,
a decision the item's state no longer allows, a second objection, an
objection decided by the moderator it contests.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartregion.lib import pagecache
from smartregion.lib.errors import RefusedAction
from smartregion.moderation import registry
from smartregion.moderation.models import ItemState, ModerationAction, Objection, Report
from smartregion.participation.models import HiddenReason

Action = ModerationAction.Action

REPORT_TEXT_MAX = 1000
OBJECTION_TEXT_MAX = 2000


class ModerationError(RefusedAction):
    """A step that cannot be taken; the message is for the person."""

    message = _("Das ließ sich nicht erledigen.")


class AlreadyReported(ModerationError):
    message = _("Sie haben diesen Beitrag bereits gemeldet. Die Moderation prüft Ihre Meldung.")


class WrongState(ModerationError):
    message = _("Der Beitrag ist inzwischen in einem anderen Zustand. Bitte laden Sie die Seite neu.")


class NoOpenReports(ModerationError):
    message = _("Zu diesem Beitrag gibt es keine offenen Meldungen.")


class ObjectionNotPossible(ModerationError):
    message = _("Gegen diese Entscheidung ist kein Widerspruch (mehr) möglich.")


class AlreadyObjected(ModerationError):
    message = _("Sie haben gegen diese Entscheidung bereits Widerspruch eingelegt.")


class SameModerator(ModerationError):
    message = _("Über einen Widerspruch entscheidet eine andere Person als die, die den Beitrag ausgeblendet hat.")


class ObjectionDecided(ModerationError):
    message = _("Über diesen Widerspruch wurde bereits entschieden.")


def _on_commit(task, *args) -> None:
    transaction.on_commit(partial(task.enqueue, *args))


def _tasks():
    from smartregion.moderation import tasks

    return tasks


def _lock_and_load(obj):
    """Lock `obj`'s row and load it afresh through its registration."""
    moderated = registry.for_object(obj)
    list(type(obj)._base_manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
    return moderated, moderated.load(obj.pk)


def _record(obj, moderated, actor, action, *, reason="", note="", before="", after="") -> ModerationAction:
    return ModerationAction.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        item_label=moderated.item_label(obj),
        actor=actor,
        action=action,
        reason=reason,
        note=note,
        state_before=before,
        state_after=after,
    )


def _open_reports(obj):
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, status=Report.Status.OPEN
    )


def _close_reports(obj, by, status, now) -> list[int]:
    """Close the open reports of `obj` with `status`; the ids of those
    closed, for the mails to their reporters."""
    reports = _open_reports(obj).select_for_update()
    ids = list(reports.values_list("pk", flat=True))
    if ids:
        Report.objects.filter(pk__in=ids).update(status=status, decided_at=now, decided_by=by)
        _on_commit(_tasks().send_report_decisions, ids)
    return ids


def _end_cached_pages() -> None:
    """A decision changes what participation pages show (the item, its
    counts, the transparency figures): their cached copies end when it
    commits; editorial pages stay (pagecache's shelves)."""
    pagecache.invalidate_on_commit(pagecache.PARTICIPATION)


def _copy_fields(source, target, fields) -> None:
    for field in fields:
        setattr(target, field, getattr(source, field))


def report(obj, reporter, reason: str, text: str = "") -> Report:
    """`reporter` reports `obj` for `reason` (a Report.Reason value) with an
    optional explanation. Records the report in the log and mails the
    reporter a confirmation. Raises AlreadyReported while the same person
    has an open report on the item, ValueError for an unknown reason,
    ModerationError for a text that is too long."""
    if reason not in Report.Reason.values:
        raise ValueError(f"Unknown report reason {reason!r}.")
    text = (text or "").strip()
    if len(text) > REPORT_TEXT_MAX:
        raise ModerationError(_("Bitte fassen Sie sich kürzer (höchstens 1000 Zeichen)."))
    moderated = registry.for_object(obj)
    with transaction.atomic():
        try:
            # A savepoint: the unique constraint decides, also for two
            # reports sent at the same moment.
            with transaction.atomic():
                new_report = Report.objects.create(
                    content_type=ContentType.objects.get_for_model(obj),
                    object_id=obj.pk,
                    reporter=reporter,
                    reason=reason,
                    text=text,
                    municipality=moderated.municipality(obj),
                    process=moderated.process(obj),
                )
        except IntegrityError:
            raise AlreadyReported() from None
        state = moderated.state(obj)
        # The reporter's words stay in the report, which account deletion
        # can clear; the append-only log keeps only the fact.
        _record(obj, moderated, reporter, Action.REPORT, reason=reason, before=state, after=state)
        _on_commit(_tasks().send_report_confirmation, new_report.pk)
    return new_report


def hold_for_review(obj, matched_terms) -> ModerationAction:
    """Record that the word list held `obj` back: the caller created it
    pending because it contains `matched_terms`. Nothing else changes."""
    moderated = registry.for_object(obj)
    return _record(
        obj,
        moderated,
        None,
        Action.HOLD,
        note=", ".join(matched_terms),
        before="",
        after=moderated.state(obj),
    )


def approve(obj, by, note: str = "") -> ModerationAction:
    """Make a pending item public. Its open reports are dismissed and
    their reporters told. Raises WrongState unless it was pending."""
    with transaction.atomic():
        moderated, current = _lock_and_load(obj)
        before = moderated.state(current)
        if before != ItemState.PENDING or not moderated.approve(current, by):
            raise WrongState()
        entry = _record(
            current, moderated, by, Action.APPROVE, note=note.strip(), before=before, after=moderated.state(current)
        )
        _close_reports(current, by, Report.Status.DISMISSED, entry.created_at)
        _end_cached_pages()
    _copy_state(current, obj)
    return entry


def hide(obj, by, reason: str, note: str = "") -> ModerationAction:
    """Hide a visible or pending item with a public reason category (a
    HiddenReason value) and an optional note for the author. Its open
    reports are upheld; the author is told the reason, the rule it breaks
    and how to object; the reporters hear of the decision. Raises
    ValueError for an unknown reason, WrongState for an item that is
    hidden already or cannot be hidden."""
    if reason not in HiddenReason.values:
        raise ValueError(f"Unknown reason {reason!r}.")
    with transaction.atomic():
        moderated, current = _lock_and_load(obj)
        before = moderated.state(current)
        if before == ItemState.HIDDEN or not moderated.hide(current, by, reason):
            raise WrongState()
        entry = _record(
            current,
            moderated,
            by,
            Action.HIDE,
            reason=reason,
            note=note.strip(),
            before=before,
            after=moderated.state(current),
        )
        _close_reports(current, by, Report.Status.UPHELD, entry.created_at)
        _on_commit(_tasks().send_hide_notice, entry.pk)
        _end_cached_pages()
    _copy_state(current, obj)
    return entry


def restore(obj, by, note: str = "", *, action: str = Action.RESTORE) -> ModerationAction:
    """Make a hidden item public again. Open reports (made before it was
    hidden and still open) are dismissed; an open objection to the hiding
    has got what it asked for and is closed as upheld. Raises WrongState
    unless it was hidden."""
    with transaction.atomic():
        moderated, current = _lock_and_load(obj)
        before = moderated.state(current)
        if before != ItemState.HIDDEN or not moderated.restore(current, by):
            raise WrongState()
        after = moderated.state(current)
        entry = _record(current, moderated, by, action, note=note.strip(), before=before, after=after)
        _close_reports(current, by, Report.Status.DISMISSED, entry.created_at)
        Objection.objects.filter(
            content_type_id=entry.content_type_id, object_id=entry.object_id, status=Objection.Status.OPEN
        ).update(status=Objection.Status.UPHELD, decided_at=entry.created_at, decided_by=by)
        _end_cached_pages()
    _copy_state(current, obj)
    return entry


def dismiss_reports(obj, by, note: str = "") -> ModerationAction:
    """Close the open reports of `obj` as unfounded; the item stays as it
    is and the reporters are told. Raises NoOpenReports when there are
    none."""
    with transaction.atomic():
        moderated, current = _lock_and_load(obj)
        state = moderated.state(current)
        now = timezone.now()
        if not _close_reports(current, by, Report.Status.DISMISSED, now):
            raise NoOpenReports()
        return _record(current, moderated, by, Action.DISMISS, note=note.strip(), before=state, after=state)


def _copy_state(source, target) -> None:
    """Give the caller's instance the state the registry set on the
    freshly loaded one."""
    if source is target:
        return
    for field in source._meta.concrete_fields:
        if not field.is_relation:
            setattr(target, field.attname, getattr(source, field.attname))


def latest_hide(obj) -> ModerationAction | None:
    return ModerationAction.objects.for_item(obj).filter(action=Action.HIDE).order_by("-created_at", "-pk").first()


def may_object(hide_action, item) -> bool:
    """Whether `hide_action` can still be contested: it is the latest hide
    of `item`, the item is still hidden, and nobody objected yet."""
    if hide_action.action != Action.HIDE or item is None:
        return False
    moderated = registry.for_object(item)
    if moderated.state(item) != ItemState.HIDDEN:
        return False
    latest = latest_hide(item)
    if latest is None or latest.pk != hide_action.pk:
        return False
    return not Objection.objects.filter(hide_action=hide_action).exists()


def object_to(hide_action, author, text: str) -> Objection:
    """The author of a hidden item contests the decision `hide_action`
    once, with a text. The objection waits for another moderator. Raises
    ObjectionNotPossible when `author` is not the item's author, the
    decision is not the latest hide or the item is no longer hidden;
    AlreadyObjected for a second objection; ModerationError for an empty
    or too long text."""
    text = (text or "").strip()
    if not text:
        raise ModerationError(_("Bitte begründen Sie Ihren Widerspruch."))
    if len(text) > OBJECTION_TEXT_MAX:
        raise ModerationError(_("Bitte fassen Sie sich kürzer (höchstens 2000 Zeichen)."))
    item = hide_action.item
    if item is None or hide_action.action != Action.HIDE:
        raise ObjectionNotPossible()
    with transaction.atomic():
        moderated, current = _lock_and_load(item)
        item_author = moderated.author(current)
        if item_author is None or author is None or item_author.pk != author.pk:
            raise ObjectionNotPossible()
        if Objection.objects.filter(hide_action=hide_action).exists():
            raise AlreadyObjected()
        if not may_object(hide_action, current):
            raise ObjectionNotPossible()
        try:
            with transaction.atomic():
                objection = Objection.objects.create(
                    hide_action=hide_action,
                    content_type_id=hide_action.content_type_id,
                    object_id=hide_action.object_id,
                    author=author,
                    text=text,
                )
        except IntegrityError:
            raise AlreadyObjected() from None
        state = moderated.state(current)
        # As with reports: the words stay in the objection, not in the log.
        _record(current, moderated, author, Action.OBJECTION, before=state, after=state)
    return objection


def decide_objection(objection, by, uphold: bool, note: str = "") -> ModerationAction:
    """Another moderator decides the objection: upheld, the item is shown
    again; rejected, it stays hidden. The author is told either way.
    Raises SameModerator when `by` hid the item or wrote it, ObjectionDecided
    for a decided objection."""
    with transaction.atomic():
        objection = Objection.objects.select_for_update().select_related("hide_action").get(pk=objection.pk)
        if objection.status != Objection.Status.OPEN:
            raise ObjectionDecided()
        if by is not None and by.pk in (objection.hide_action.actor_id, objection.author_id):
            raise SameModerator()
        note = note.strip()
        now = timezone.now()
        item = objection.item
        if item is None:
            # The item is gone (its author's account was deleted): nothing
            # to show again; the objection is closed as rejected.
            uphold = False
        if item is not None:
            moderated, current = _lock_and_load(item)
            before = moderated.state(current)
            if uphold and before == ItemState.HIDDEN:
                moderated.restore(current, by)
                _close_reports(current, by, Report.Status.DISMISSED, now)
                _end_cached_pages()
            entry = _record(
                current,
                moderated,
                by,
                Action.OBJECTION_UPHELD if uphold else Action.OBJECTION_REJECTED,
                reason=objection.hide_action.reason,
                note=note,
                before=before,
                after=moderated.state(current),
            )
        else:
            entry = ModerationAction.objects.create(
                content_type_id=objection.content_type_id,
                object_id=objection.object_id,
                item_label=objection.hide_action.item_label,
                actor=by,
                action=Action.OBJECTION_REJECTED,
                reason=objection.hide_action.reason,
                note=note,
            )
        objection.status = Objection.Status.UPHELD if uphold else Objection.Status.REJECTED
        objection.decided_at = now
        objection.decided_by = by
        objection.decision_note = note
        objection.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
        _on_commit(_tasks().send_objection_decision, objection.pk)
    return entry
