"""The writes on ideas: what citizens do (submit, edit, withdraw, support)
and what staff do (set the status with a public note, enter ideas
collected on site, moderate: approve, hide with a reason, restore).

Each action runs in one transaction. The counters on the idea
(support_count) change with F() in the same transaction as the rows they
count, after the idea row is locked (SELECT ... FOR UPDATE), so that they
stay exact however many people click at the same moment; on SQLite the
IMMEDIATE transactions of the settings serialise the writers instead.

Permission checks (rules in ideas/rules.py, moderation.moderate_idea)
belong to the caller; the actions themselves refuse only what would break
the data or an idea's state: supporting one's own idea, an unknown status.
E-mails go out after the commit, through a task, so that nobody hears of a
change a rollback undid. Every staff change is written to the idea's
history (Wagtail's ModelLogEntry, registered in wagtail_hooks.py) with the
staff member who made it.
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from smartregion.ideas import tasks
from smartregion.ideas.models import Idea, Support
from smartregion.ideas.rules import accepts_ideas
from smartregion.moderation import actions as moderation_actions
from smartregion.moderation.models import matches as watched_terms
from smartregion.participation.models import HiddenReason, Moderation, Process

# The ways an idea reaches the staff other than the website.
ON_SITE_CHANNELS = [choice for choice in Idea.Channel if choice != Idea.Channel.ONLINE]


class SupportRefused(Exception):
    """Nobody supports their own idea."""


def _lock(idea) -> Idea:
    return Idea.objects.select_for_update().only("pk", "author_id", "status").get(pk=idea.pk)


def _delete_file_on_commit(field_file) -> None:
    if field_file:
        transaction.on_commit(partial(field_file.storage.delete, field_file.name))


def submit_idea(process, author, data: dict, image=None, submission_key=None) -> Idea:
    """Create the online idea of `author` in `process` from `data` (the
    keyword arguments of IdeaForm.idea_fields: title, text, municipality,
    focus_area, topics, latitude, longitude, image_alt) with the checked
    and re-encoded `image` (a File, or None).

    It is pending when the process moderates before publishing, else
    visible. A second call with the same `submission_key` (a double click,
    a reload after POST) creates nothing and returns the first idea; a key
    already used by someone else raises IntegrityError.
    """
    fields = dict(data)
    topics = fields.pop("topics", [])
    moderation = Moderation.PENDING if process.moderation == Process.ModerationMode.PRE else Moderation.VISIBLE
    # The region's word list: a listed word holds the idea for the
    # moderation instead of publishing it.
    held_for = watched_terms(f"{fields.get('title', '')}\n{fields.get('text', '')}")
    if held_for:
        moderation = Moderation.PENDING
    idea = Idea(
        process=process,
        author=author,
        channel=Idea.Channel.ONLINE,
        moderation=moderation,
        submission_key=submission_key,
        **fields,
    )
    if not image:
        idea.image_alt = ""
    with transaction.atomic():
        if image:
            idea.image.save(image.name, image, save=False)
        try:
            with transaction.atomic():
                idea.save()
                idea.topics.set(topics)
                if held_for:
                    moderation_actions.hold_for_review(idea, held_for)
        except IntegrityError:
            existing = None
            if submission_key is not None:
                existing = Idea.objects.filter(submission_key=submission_key).first()
            if existing is None or existing.author_id != getattr(author, "pk", None):
                raise
            if image:
                _delete_file_on_commit(idea.image)
            return existing
    return idea


def edit_idea(idea, data: dict, image=None, remove_image: bool = False, now=None) -> Idea:
    """Change `idea` to `data` (as submit_idea) and mark it edited. A new
    `image` replaces the old one, `remove_image` drops it; the old file is
    deleted after the commit. A public idea whose new title or text holds a
    word of the region's word list waits for the moderation again."""
    fields = dict(data)
    topics = fields.pop("topics", [])
    held_for = watched_terms(f"{fields.get('title', idea.title)}\n{fields.get('text', idea.text)}")
    with transaction.atomic():
        _lock(idea)
        old_image = idea.image if (image or remove_image) and idea.image else None
        for name, value in fields.items():
            setattr(idea, name, value)
        if image:
            idea.image.save(image.name, image, save=False)
        elif remove_image:
            idea.image = ""
        if not idea.image:
            idea.image_alt = ""
        idea.edited_at = now or timezone.now()
        hold = held_for and idea.moderation == Moderation.VISIBLE
        if hold:
            idea.moderation = Moderation.PENDING
        idea.save()
        idea.topics.set(topics)
        if hold:
            moderation_actions.hold_for_review(idea, held_for)
        if old_image is not None:
            storage, name = old_image.storage, old_image.name
            transaction.on_commit(partial(storage.delete, name))
    return idea


def withdraw_idea(idea, now=None) -> Idea:
    """Withdraw `idea`: it stays public with its comments, marked as
    withdrawn, and collects no more supports. Withdrawing twice changes
    nothing."""
    with transaction.atomic():
        locked = _lock(idea)
        if locked.status == Idea.Status.WITHDRAWN:
            idea.status = locked.status
            return idea
        now = now or timezone.now()
        idea.status = Idea.Status.WITHDRAWN
        idea.withdrawn_at = now
        idea.status_changed_at = now
        Idea.objects.filter(pk=idea.pk).update(status=idea.status, withdrawn_at=now, status_changed_at=now)
    return idea


def support_idea(idea, user) -> bool:
    """Add `user`'s support to `idea`; True if it is new, False if the
    person supported it already. Raises SupportRefused for the author."""
    with transaction.atomic():
        locked = _lock(idea)
        if locked.author_id is not None and locked.author_id == user.pk:
            raise SupportRefused()
        try:
            with transaction.atomic():
                Support.objects.create(idea_id=idea.pk, user=user)
        except IntegrityError:
            added = False
        else:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
            added = True
    idea.refresh_from_db(fields=["support_count"])
    return added


def withdraw_support(idea, user) -> bool:
    """Take `user`'s support back; True if there was one."""
    with transaction.atomic():
        _lock(idea)
        deleted, _ = Support.objects.filter(idea_id=idea.pk, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    idea.refresh_from_db(fields=["support_count"])
    return bool(deleted)


def toggle_support(idea, user) -> bool:
    """Support `idea`, or take the support back if `user` gave one;
    returns whether the person supports it now."""
    if Support.objects.filter(idea_id=idea.pk, user=user).exists():
        withdraw_support(idea, user)
        return False
    support_idea(idea, user)
    return True


def delete_supports(supports) -> None:
    """Delete the Support rows of `supports` (a queryset) and lower each
    idea's support_count by the rows that went. For account deletion; runs
    in the caller's transaction (or its own)."""
    with transaction.atomic():
        idea_ids = sorted(set(supports.values_list("idea_id", flat=True)))
        if not idea_ids:
            return
        # Locked in a fixed order, so that two deletions cannot deadlock.
        list(Idea.objects.select_for_update().filter(pk__in=idea_ids).order_by("pk").values_list("pk", flat=True))
        per_idea: dict[int, int] = {}
        for idea_id in supports.values_list("idea_id", flat=True):
            per_idea[idea_id] = per_idea.get(idea_id, 0) + 1
        supports.delete()
        for count in sorted(set(per_idea.values())):
            ids = [idea_id for idea_id, n in per_idea.items() if n == count]
            Idea.objects.filter(pk__in=ids).update(support_count=F("support_count") - count)


# What staff do.


def _mail_status_on_commit(idea) -> None:
    transaction.on_commit(partial(tasks.send_status_mail.enqueue, idea.pk))


def set_status(idea, status: str, note: str, by, now=None) -> bool:
    """Give `idea` the `status` (an Idea.Status value) and the public `note`
    that explains it, set by the staff member `by`. The author of an online
    idea gets an e-mail after the commit. Setting what is already set
    changes nothing and sends nothing; returns whether anything changed.
    Raises ValueError for an unknown status."""
    if status not in Idea.Status.values:
        raise ValueError(f"Unknown idea status {status!r}.")
    note = note.strip()
    with transaction.atomic():
        current = Idea.objects.select_for_update().only("status", "status_note", "withdrawn_at").get(pk=idea.pk)
        if current.status == status and current.status_note == note:
            return False
        now = now or timezone.now()
        changes = {"status": status, "status_note": note, "status_changed_at": now}
        # The withdrawal date follows the status, whoever sets it.
        if status == Idea.Status.WITHDRAWN and current.withdrawn_at is None:
            changes["withdrawn_at"] = now
        elif status != Idea.Status.WITHDRAWN:
            changes["withdrawn_at"] = None
        Idea.objects.filter(pk=idea.pk).update(**changes, updated_at=now)
        for field, value in changes.items():
            setattr(idea, field, value)
        log(idea, "ideas.status", user=by, data={"status": status, "note": note})
        if idea.author_id is not None and idea.channel == Idea.Channel.ONLINE:
            _mail_status_on_commit(idea)
    return True


def capture_idea(process, captured_by, data: dict, now=None) -> Idea:
    """Enter an idea collected on paper, at a stand, at an event, by mail or
    by phone for `process`, typed in by `captured_by` (staff or a regional
    guide). It has no author and is visible at once, also in a process with
    pre-moderation: a person from the staff read it.

    `data` holds the cleaned form fields: channel, collected_on,
    collected_at, contributor_name (blank: anonymous), title, text,
    municipality (None: the whole region), focus_area, topics, and
    optionally latitude/longitude and submission_key. The same
    submission_key twice (a reload after POST) gives the first idea back.
    Raises ValueError for the online channel, a date in the future, or a
    process that does not take ideas now (the rule citizens' ideas follow,
    ideas.rules.accepts_ideas): an idea entered during a jury phase would
    join the competition unrated.
    """
    now = now or timezone.now()
    if not accepts_ideas.test(captured_by, process):
        raise ValueError(f"Process {process.pk} does not take ideas now.")
    if data["channel"] not in ON_SITE_CHANNELS:
        raise ValueError(f"{data['channel']!r} is not a channel of on-site contributions.")
    collected_on = data["collected_on"]
    if collected_on is None or collected_on > timezone.localdate(now):
        raise ValueError("An on-site idea needs the day it was collected, not one in the future.")
    key = data.get("submission_key")
    if key is not None:
        existing = Idea.objects.filter(submission_key=key).first()
        if existing is not None:
            return existing
    idea = Idea(
        process=process,
        author=None,
        captured_by=captured_by,
        channel=data["channel"],
        collected_on=collected_on,
        collected_at=data.get("collected_at", "").strip(),
        contributor_name=data.get("contributor_name", "").strip(),
        title=data["title"].strip(),
        text=data["text"].strip(),
        municipality=data.get("municipality"),
        focus_area=data.get("focus_area"),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        moderation=Moderation.VISIBLE,
        status=Idea.Status.SUBMITTED,
        submission_key=key,
    )
    try:
        with transaction.atomic():
            idea.save()
            topics = data.get("topics") or []
            if topics:
                idea.topics.set(topics)
            log(idea, "ideas.capture", user=captured_by, data={"channel": idea.channel})
    except IntegrityError:
        # Two identical posts at the same moment: the other one won.
        if key is None:
            raise
        return Idea.objects.get(submission_key=key)
    return idea


def _moderate(idea, from_states, to_state, action, by, reason="") -> bool:
    with transaction.atomic():
        changed = Idea.objects.filter(pk=idea.pk, moderation__in=from_states).update(
            moderation=to_state, hidden_reason=reason, updated_at=timezone.now()
        )
        if changed:
            log(idea, action, user=by, data={"reason": reason} if reason else None)
    if changed:
        idea.moderation, idea.hidden_reason = to_state, reason
    return bool(changed)


def approve_idea(idea, by) -> bool:
    """Make an idea that waits for approval (pre-moderation) public. Returns
    whether it was waiting."""
    return _moderate(idea, [Moderation.PENDING], Moderation.VISIBLE, "ideas.approve", by)


def hide_idea(idea, reason: str, by) -> bool:
    """Hide a waiting or public idea with a public reason category (a
    HiddenReason value). It leaves every list; its page tells the author
    and the staff why. Returns whether it was not hidden already. Raises
    ValueError for an unknown reason."""
    if reason not in HiddenReason.values:
        raise ValueError(f"Unknown reason {reason!r}.")
    return _moderate(idea, [Moderation.PENDING, Moderation.VISIBLE], Moderation.HIDDEN, "ideas.hide", by, reason)


def restore_idea(idea, by) -> bool:
    """Make a hidden idea public again and forget the reason. Returns
    whether it was hidden."""
    return _moderate(idea, [Moderation.HIDDEN], Moderation.VISIBLE, "ideas.restore", by)
