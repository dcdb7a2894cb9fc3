"""What staff do with ideas: set the status with a public note (the author
hears of it by e-mail), enter ideas collected on site, and moderate
(approve, hide with a reason, restore).

Permission checks (ideas.set_idea_status, moderation.moderate_idea,
ideas.capture_idea in ideas/rules.py) belong to the caller; the actions
refuse only what would break an idea's state. E-mails go out after the
commit, through a task, so that nobody hears of a change a rollback undid.
Every change is written to the idea's history (Wagtail's ModelLogEntry,
registered in staff_admin.py) with the staff member who made it.
"""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from smartregion.ideas.models import Idea
from smartregion.ideas.rules import accepts_ideas
from smartregion.participation.models import HiddenReason, Moderation

# The ways an idea reaches the staff other than the website.
ON_SITE_CHANNELS = [choice for choice in Idea.Channel if choice != Idea.Channel.ONLINE]


def _mail_status_on_commit(idea) -> None:
    from smartregion.ideas import staff_tasks

    transaction.on_commit(partial(staff_tasks.send_status_mail.enqueue, idea.pk))


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
