"""What a thread of comments shows to one visitor: the page of top-level
comments with their replies, the form (or why there is none), the count.

Used by `{% comment_thread target %}` on the target's page and by the
thread's own pages in comments/views.py, so that both render the same.

Queries, whatever the number of comments: the top-level comments of the
page with their authors (one more row than a page, to know whether there
is a next one, so no COUNT), their replies with their authors (one, none
for an empty page), the phases of the target's process (one, none when the
caller prefetched them), and the count only for targets without a
comment_count field. The permission checks of each comment need no query.

For a page in the cache that members get too (lib/pagecache.py
cache_member_page), the anonymous rendering notes what a member's copy
needs (`_note_for_members`) and `member_slots` fills it in per person (one
thread per page).
"""

import uuid
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartregion.accounts.predicates import is_verified_participant
from smartregion.accounts.privacy import DELETED_ACCOUNT_NAME
from smartregion.comments import targets
from smartregion.comments.actions import counts_comments
from smartregion.comments.forms import CommentForm
from smartregion.comments.models import Comment
from smartregion.comments.rules import comments_open, open_for_comments, target_withdrawn
from smartregion.lib import pagecache
from smartregion.participation.models import Phase
from smartregion.participation.rules import process_of

PER_PAGE = 20
MAX_PAGE = 10_000
ORDERINGS = {
    "neueste": ("-created_at", "-pk"),
    "aelteste": ("created_at", "pk"),
}
DEFAULT_ORDERING = "neueste"
ORDERING_LABELS = {"neueste": _("Neueste zuerst"), "aelteste": _("Älteste zuerst")}

Status = Comment.Status


def ordering_from(value) -> str:
    return value if value in ORDERINGS else DEFAULT_ORDERING


def page_number_from(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    # Capped: an absurd page number would overflow the database's OFFSET.
    return min(max(number, 1), MAX_PAGE)


def shown_to(user) -> Q:
    """The comments `user` sees in a thread: all but other people's
    pending ones (removed and hidden ones keep their place, as notices)."""
    shown = Q(status__in=[Status.VISIBLE, Status.HIDDEN, Status.REMOVED])
    if user.is_authenticated:
        shown |= Q(status=Status.PENDING, author=user)
    return shown


def is_shown_to(comment, user) -> bool:
    return comment.status != Status.PENDING or (user.is_authenticated and comment.author_id == user.pk)


def comments_on(target):
    return Comment.objects.filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)


def thread_url(target) -> str:
    return reverse("comments:thread", args=[targets.key_for(target), target.pk])


def page_of(comment, user, ordering=DEFAULT_ORDERING) -> int:
    """The page of the thread, in `ordering`, that shows `comment` (a
    reply shows with its top-level comment). One query."""
    top = comment.parent if comment.parent_id else comment
    before = Q(created_at__gt=top.created_at) | Q(created_at=top.created_at, pk__gt=top.pk)
    if ordering == "aelteste":
        before = Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, pk__lt=top.pk)
    earlier = (
        Comment.objects.filter(content_type_id=top.content_type_id, object_id=top.object_id, parent=None)
        .filter(shown_to(user))
        .filter(before)
        .count()
    )
    return earlier // PER_PAGE + 1


def _prefetch_phases(target) -> None:
    process = process_of(target)
    if process is not None:
        prefetch_related_objects([process], Prefetch("phases", queryset=Phase.objects.order_by("sort_order", "pk")))


def why_not(user, target, now=None) -> tuple[str, object]:
    """Why `user` may not comment on `target`: a reason code and, for
    "upcoming", when commenting opens. Codes: "withdrawn", "upcoming",
    "closed" (a commenting phase is over), "not_open" (none yet or ever),
    "login", "blocked", "unverified", "unavailable"."""
    now = now or timezone.now()
    if target_withdrawn(user, target):
        return "withdrawn", None
    if not comments_open(user, target):
        process = process_of(target)
        action = targets.action_for(target)
        phases = process.ordered_phases() if process is not None else []
        upcoming = [phase for phase in phases if phase.has(action) and phase.starts_at > now]
        if upcoming:
            return "upcoming", min(phase.starts_at for phase in upcoming)
        if any(phase.has(action) and phase.ends_at is not None and phase.ends_at <= now for phase in phases):
            return "closed", None
        return "not_open", None
    return _reason_of_person(user), None


def _reason_of_person(user) -> str:
    """Why `user` may not comment on a target that takes comments."""
    if not user.is_authenticated:
        return "login"
    if user.blocked_reason:
        return "blocked"
    if not is_verified_participant(user):
        return "unverified"
    return "unavailable"


def reply_form(comment, data=None, initial=None) -> CommentForm:
    return CommentForm(data, initial=initial, reply=True, html_id=f"antwort-{comment.pk}")


def new_comment_form(data=None, initial=None) -> CommentForm:
    return CommentForm(data, initial=initial)


def thread_context(
    request,
    target,
    *,
    host_path: str,
    ordering: str = DEFAULT_ORDERING,
    page_number: int = 1,
    form=None,
    highlight: int | None = None,
) -> dict:
    """The context of templates/comments/includes/thread.html for the
    thread of `target` as `request.user` sees it. `host_path` is the page
    the thread is on (ordering links and where forms return to); `form` a
    bound CommentForm to show with its errors."""
    user = request.user
    _prefetch_phases(target)
    may_comment = user.has_perm("comments.add_comment", target)
    reason, opens_at = (None, None) if may_comment else why_not(user, target)

    offset = (page_number - 1) * PER_PAGE
    rows = list(
        comments_on(target)
        .filter(parent=None)
        .filter(shown_to(user))
        .select_related("author")
        .order_by(*ORDERINGS[ordering])[offset : offset + PER_PAGE + 1]
    )
    has_next = len(rows) > PER_PAGE
    comments = rows[:PER_PAGE]
    prefetch_related_objects(
        comments,
        Prefetch(
            "replies",
            queryset=Comment.objects.filter(shown_to(user)).select_related("author").order_by("created_at", "pk"),
            to_attr="shown_replies",
        ),
    )
    for comment in comments:
        _decorate(comment, user)
        comment.reply_form = reply_form(comment) if may_comment and comment.status == Status.VISIBLE else None
        for reply in comment.shown_replies:
            _decorate(reply, user)

    if counts_comments(type(target)):
        count = target.comment_count
    else:
        count = comments_on(target).filter(status=Status.VISIBLE).count()

    key = targets.key_for(target)
    base = reverse("comments:thread", args=[key, target.pk])
    if form is None and may_comment:
        form = new_comment_form()
    context = {
        "request": request,
        "user": user,
        "target": target,
        "target_key": key,
        "comments": comments,
        "comment_count": count,
        "ordering": ordering,
        "orderings": [(value, label, value == ordering) for value, label in ORDERING_LABELS.items()],
        "page_number": page_number,
        "has_next": has_next,
        "next_url": f"{base}?{urlencode({'sortierung': ordering, 'seite': page_number + 1})}",
        "previous_url": (
            f"{base}?{urlencode({'sortierung': ordering, 'seite': page_number - 1})}" if page_number > 1 else None
        ),
        "thread_url": base,
        "host_path": host_path,
        "may_comment": may_comment,
        "reason": reason,
        "opens_at": opens_at,
        "form": form,
        "highlight": highlight,
        "deleted_account_name": DELETED_ACCOUNT_NAME,
    }
    if pagecache.collecting_notes(request):
        _note_for_members(request, target, context)
    return context


def _decorate(comment, user) -> None:
    # Plain rule checks on the comment: no query.
    comment.may_edit = user.has_perm("comments.change_comment", comment)
    comment.may_remove = user.has_perm("comments.delete_comment", comment)


# Members' copies of a cached page -----------------------------------------

# A stand-in for the submission key of a form rendered once for the notes;
# each copy gets a key of its own (a shared key would make two comments one).
KEY_PLACEHOLDER = pagecache.stand_in("submission-key")


def _note_for_members(request, target, context) -> None:
    """Note, while the thread is rendered for an anonymous visitor and the
    cache, what members' copies need: the visible comments on the page
    (whose authors get their own links; the page shows no pending ones),
    who has comments waiting for approval (only they see them), and, if the
    target takes comments, the form, the reply forms and the reason for
    people whose address is not verified, each rendered once with
    stand-ins for the CSRF token and the submission key. `open` is
    open_for_comments as the anonymous visitor sees it: whoever sees the
    cached page may see the target."""
    user = request.user
    shown = [each for comment in context["comments"] for each in (comment, *comment.shown_replies)]
    notes = {
        "host_path": context["host_path"],
        "comments": [
            (each.pk, each.author_id, each.status, each.created_at) for each in shown if each.status == Status.VISIBLE
        ],
        "pending_authors": frozenset(
            comments_on(target).filter(status=Status.PENDING).values_list("author_id", flat=True)
        ),
        "open": open_for_comments(user, target),
    }
    if notes["open"]:
        initial = {"submission_key": KEY_PLACEHOLDER}
        form = new_comment_form(initial=initial)
        notes["form"] = pagecache.render_kept(
            "comments/includes/thread_form.html", {**context, "may_comment": True, "form": form}
        )
        notes["unverified"] = pagecache.render_kept(
            "comments/includes/thread_form.html", {**context, "may_comment": False, "reason": "unverified"}
        )
        notes["replies"] = {}
        for comment in context["comments"]:
            if comment.status == Status.VISIBLE:
                # Only for this rendering: the anonymous page has no form.
                comment.reply_form = reply_form(comment, initial=initial)
                try:
                    html = pagecache.render_kept("comments/includes/reply_form.html", {**context, "comment": comment})
                finally:
                    comment.reply_form = None
                notes["replies"][comment.pk] = html
    pagecache.note(request, "comments", notes)


def _with_own_key(html: str) -> str:
    return html.replace(KEY_PLACEHOLDER, str(uuid.uuid4()))


def member_slots(request, notes) -> dict | None:
    """The thread's slots (the form, the reply forms, the links under the
    person's own comments) for the logged-in request.user, from the notes
    of `_note_for_members`; None when the thread must be rendered for them:
    a superuser (every rule lets them through) or someone with a comment
    waiting for approval."""
    user = request.user
    if user.is_superuser or user.pk in notes["pending_authors"]:
        return None
    slots = {}
    if notes["open"]:
        # comments.add_comment is is_verified_participant & open_for_comments.
        if is_verified_participant(user):
            slots["comment-form"] = _with_own_key(notes["form"])
            for pk, html in notes["replies"].items():
                slots[f"reply-{pk}"] = _with_own_key(html)
        elif _reason_of_person(user) == "unverified":
            slots["comment-form"] = notes["unverified"]
        else:
            # Blocked accounts are logged out (BlockedAccountMiddleware);
            # anything else is rare enough to render.
            return None
    for pk, author_id, status, created_at in notes["comments"]:
        if author_id == user.pk:
            comment = Comment(pk=pk, author_id=author_id, status=status, created_at=created_at)
            _decorate(comment, user)
            context = {"comment": comment, "host_path": notes["host_path"]}
            slots[f"own-{pk}"] = get_template("comments/includes/comment_actions.html").render(context)
    return slots
