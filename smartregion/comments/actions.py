"""Writes on comments: add, edit and remove (by the author), hide and
restore (by the moderation).

Each action runs in one transaction. The target's `comment_count` (where
its model has that field) holds the comments everybody sees, replies
included: the VISIBLE ones. Whenever a comment enters or leaves that state
the count moves by one with an F() update in the same transaction. The
comment row is locked (SELECT ... FOR UPDATE; on SQLite the IMMEDIATE
transactions serialise the writers) before its state is read, so two
removals at the same moment move the count once.

Replies: the thread has one level. A reply to a reply is attached to the
top-level comment it belongs to rather than refused, so that what the
person wrote is kept and lands in the conversation it answers (the pages
offer "Antworten" on top-level comments only; this covers old links and
other callers).

Permission checks (comments/rules.py) belong to the caller; the actions
refuse only what would break the thread: a reply to a comment of another
target or to one that is not visible, editing after EDIT_WINDOW, changing
a removed comment.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartregion.comments.models import Comment
from smartregion.comments.rules import EDIT_WINDOW
from smartregion.lib.errors import RefusedAction
from smartregion.moderation import actions as moderation_actions
from smartregion.moderation.models import matches as watched_terms
from smartregion.participation.models import HiddenReason, Process
from smartregion.participation.rules import process_of

Status = Comment.Status
LIVE = (Status.VISIBLE, Status.PENDING)


class CommentError(RefusedAction):
    """A change that cannot be made; the message is for the person."""

    message = _("Der Kommentar konnte nicht gespeichert werden.")


class ReplyNotPossible(CommentError):
    message = _("Auf diesen Kommentar kann nicht (mehr) geantwortet werden.")


class EditWindowClosed(CommentError):
    message = _("Kommentare lassen sich nur in den ersten 15 Minuten nach dem Schreiben bearbeiten.")


class CommentGone(CommentError):
    message = _("Dieser Kommentar wurde entfernt oder ausgeblendet und lässt sich nicht mehr ändern.")


def counts_comments(model) -> bool:
    """Whether `model` keeps a denormalised `comment_count`."""
    return any(field.name == "comment_count" for field in model._meta.concrete_fields)


def _move_count(model, pk, delta: int) -> None:
    if not counts_comments(model):
        return
    rows = model._default_manager.filter(pk=pk)
    if delta < 0:
        # Never below zero (the field is unsigned), even if the count was
        # off before.
        rows = rows.filter(comment_count__gte=-delta)
    rows.update(comment_count=F("comment_count") + delta)


def _move_count_of(comment, delta: int) -> None:
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    _move_count(model, comment.object_id, delta)


def _lock(comment) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment.pk)


def is_pre_moderated(target) -> bool:
    """Whether new comments on `target` wait for the moderation."""
    process = process_of(target)
    return process is not None and process.moderation == Process.ModerationMode.PRE


def add_comment(
    target, author, text: str, parent: Comment | None = None, submission_key: uuid.UUID | None = None
) -> Comment:
    """Add `author`'s comment on `target`, or a reply to `parent` (a
    top-level comment of the same target; a reply's reply goes to its
    top-level comment). PENDING when the target's process has
    pre-moderation, else VISIBLE and counted on the target (whose
    in-memory comment_count is refreshed).

    The same `submission_key` sent again by the same author gives the
    comment made the first time, unchanged. Raises ReplyNotPossible for a
    parent of another target or one that is not visible, CommentError for
    an empty text.
    """
    text = text.strip()
    if not text:
        raise CommentError(_("Bitte schreiben Sie Ihren Kommentar in das Feld."))
    content_type = ContentType.objects.get_for_model(target)
    with transaction.atomic():
        if submission_key is not None:
            existing = Comment.objects.filter(submission_key=submission_key).first()
            if existing is not None:
                if existing.author_id == author.pk:
                    return existing
                # Somebody else's key (copied form?): no guard for this one.
                submission_key = None
        if parent is not None:
            parent = _lock(parent)
            if parent.parent_id is not None:
                parent = Comment.objects.select_for_update().get(pk=parent.parent_id)
            if (
                parent.content_type_id != content_type.pk
                or parent.object_id != target.pk
                or parent.status != Status.VISIBLE
            ):
                raise ReplyNotPossible()
        # The region's word list: a listed word holds the comment for the
        # moderation instead of publishing it.
        held_for = watched_terms(text)
        status = Status.PENDING if held_for or is_pre_moderated(target) else Status.VISIBLE
        try:
            # A savepoint: the same key arriving twice at once lets one
            # insert through; the other one finds it after the unique index
            # refused it.
            with transaction.atomic():
                comment = Comment.objects.create(
                    content_type=content_type,
                    object_id=target.pk,
                    parent=parent,
                    author=author,
                    text=text,
                    status=status,
                    submission_key=submission_key,
                )
                if held_for:
                    moderation_actions.hold_for_review(comment, held_for)
        except IntegrityError:
            if submission_key is None:
                raise
            return Comment.objects.get(submission_key=submission_key)
        if status == Status.VISIBLE:
            _move_count(type(target), target.pk, +1)
    if status == Status.VISIBLE and counts_comments(type(target)):
        target.refresh_from_db(fields=["comment_count"])
    return comment


def edit_comment(comment: Comment, text: str, now=None) -> Comment:
    """Replace the text of a visible or pending comment within EDIT_WINDOW
    of its writing and mark it edited (an unchanged text changes nothing).
    A visible comment whose new text holds a word of the region's word list
    waits for the moderation again (and leaves the count). Raises
    EditWindowClosed after the window, CommentGone for a removed or hidden
    comment, CommentError for an empty text."""
    text = text.strip()
    if not text:
        raise CommentError(_("Bitte schreiben Sie Ihren Kommentar in das Feld."))
    with transaction.atomic():
        comment = _lock(comment)
        now = now or timezone.now()
        if comment.status not in LIVE:
            raise CommentGone()
        if now - comment.created_at > EDIT_WINDOW:
            raise EditWindowClosed()
        if text != comment.text:
            comment.text = text
            comment.edited_at = now
            held_for = watched_terms(text)
            if held_for and comment.status == Status.VISIBLE:
                comment.status = Status.PENDING
                comment.save(update_fields=["text", "edited_at", "status"])
                _move_count_of(comment, -1)
                moderation_actions.hold_for_review(comment, held_for)
            else:
                comment.save(update_fields=["text", "edited_at"])
    return comment


def remove_comment(comment: Comment) -> Comment:
    """The author takes their comment back: it keeps its place in the
    thread as "vom Verfasser entfernt" (its replies stay), its text is no
    longer shown, and it leaves the count if it was counted. Removing a
    removed comment again changes nothing; a hidden one raises
    CommentGone (the moderation's decision stays visible)."""
    with transaction.atomic():
        comment = _lock(comment)
        if comment.status == Status.REMOVED:
            return comment
        if comment.status not in LIVE:
            raise CommentGone()
        was_visible = comment.status == Status.VISIBLE
        comment.status = Status.REMOVED
        comment.save(update_fields=["status"])
        if was_visible:
            _move_count_of(comment, -1)
    return comment


def hide_comment(comment: Comment, reason: str) -> Comment:
    """The moderation hides a comment with a public reason category (one
    of HiddenReason); it shows as "Von der Moderation ausgeblendet: …"
    and leaves the count. Hiding a hidden comment again changes the
    reason only. Raises ValueError for an unknown reason, CommentGone for a
    comment its author removed."""
    if reason not in HiddenReason.values:
        raise ValueError(reason)
    with transaction.atomic():
        comment = _lock(comment)
        if comment.status == Status.REMOVED:
            raise CommentGone()
        was_visible = comment.status == Status.VISIBLE
        comment.status = Status.HIDDEN
        comment.hidden_reason = reason
        comment.save(update_fields=["status", "hidden_reason"])
        if was_visible:
            _move_count_of(comment, -1)
    return comment


def restore_comment(comment: Comment) -> Comment:
    """The moderation shows a hidden comment again, or approves a pending
    one: it becomes VISIBLE and counts. A visible comment stays as it is;
    a removed one raises CommentGone (its author took it back)."""
    with transaction.atomic():
        comment = _lock(comment)
        if comment.status == Status.VISIBLE:
            return comment
        if comment.status == Status.REMOVED:
            raise CommentGone()
        comment.status = Status.VISIBLE
        comment.hidden_reason = ""
        comment.save(update_fields=["status", "hidden_reason"])
        _move_count_of(comment, +1)
    return comment
