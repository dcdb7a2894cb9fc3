"""Permissions on comments (django-rules).

comments.add_comment      verified participants while the target's process
                          is published and its phase opens the target's
                          comment action ("ideas.comment", see targets.py),
                          on a target they may see that is not withdrawn
                          (object: the target)
comments.change_comment   the author, within EDIT_WINDOW, unless removed or
                          hidden
comments.delete_comment   the author, unless removed or hidden already
"""

import datetime as dt

import rules
from django.utils import timezone

from smartregion.accounts.predicates import is_verified_participant
from smartregion.comments import targets
from smartregion.participation.rules import is_process_published, process_of

EDIT_WINDOW = dt.timedelta(minutes=15)


@rules.predicate
def comments_open(user, target) -> bool:
    """The phase active now in the target's process opens the action that
    the target's registration names for comments."""
    action = targets.action_for(target)
    process = process_of(target)
    return action is not None and process is not None and process.is_open(action)


@rules.predicate
def may_see_target(user, target) -> bool:
    if target is None:
        return False
    meta = target._meta
    return user.has_perm(f"{meta.app_label}.view_{meta.model_name}", target)


@rules.predicate
def target_withdrawn(user, target) -> bool:
    return bool(getattr(target, "is_withdrawn", False))


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def is_live(user, comment) -> bool:
    from smartregion.comments.models import Comment

    return comment is not None and comment.status in (Comment.Status.VISIBLE, Comment.Status.PENDING)


@rules.predicate
def within_edit_window(user, comment) -> bool:
    return comment is not None and timezone.now() - comment.created_at <= EDIT_WINDOW


# Whether the target takes comments at all; the person's part of
# add_comment is is_verified_participant. Kept apart for the members'
# copies of cached pages: comments/threads.py notes open_for_comments as an
# anonymous visitor sees it (whoever sees the cached page may see the
# target) and member_slots adds the person's part.
open_for_comments = is_process_published & comments_open & may_see_target & ~target_withdrawn

rules.add_perm("comments.add_comment", is_verified_participant & open_for_comments)
rules.add_perm("comments.change_comment", is_comment_author & is_live & within_edit_window)
rules.add_perm("comments.delete_comment", is_comment_author & is_live)
