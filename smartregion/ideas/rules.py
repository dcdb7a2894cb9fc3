"""Permissions on ideas, supports and jury ratings (django-rules).

ideas.view_idea          visible in a published process; its author and the
                         staff also see it while pending or hidden
ideas.add_idea           verified participants while the phase opens
                         "ideas.submit" (object: the process)
ideas.change_idea        the author while "ideas.submit" is open in a
                         published process, before any jury rating, unless
                         withdrawn
ideas.withdraw_idea      the author, unless withdrawn already
ideas.support_idea       verified participants while "ideas.support" is
                         open, on a public idea that is not withdrawn and
                         not their own
ideas.rate_idea          jurors assigned to the process while "jury.rate"
                         is open (on the shortlist only, if the process
                         says so)
ideas.view_jury_board    jurors assigned to the process while "jury.rate"
                         is open
ideas.manage_jury        editors: ranking, winners, publishing results
ideas.set_idea_status    editors and moderators (status and public note)
ideas.capture_idea       editors anywhere; regional guides for their
                         municipalities (object: the municipality, None for
                         the whole region); the process must accept ideas
                         as for citizens (the predicate accepts_ideas)
"""

import rules

from smartregion.accounts.predicates import is_editor, is_guide_for, is_moderator, is_verified_participant
from smartregion.participation.rules import is_process_published, phase_has_opened, phase_opens, process_of

# What the phase active now opens (the actions of ideas/contribution.py and
# ideas/jury_contribution.py).
ideas_open = phase_opens("ideas.submit")
comments_open = phase_opens("ideas.comment")
supports_open = phase_opens("ideas.support")
jury_open = phase_opens("jury.rate")
# Results stay public once a phase that publishes them has begun.
results_visible = phase_has_opened("jury.results")


@rules.predicate
def is_idea_author(user, idea) -> bool:
    return idea is not None and user.is_authenticated and idea.author_id == user.pk


@rules.predicate
def is_visible(user, idea) -> bool:
    from smartregion.participation.models import Moderation

    return idea is not None and idea.moderation == Moderation.VISIBLE


@rules.predicate
def is_withdrawn(user, idea) -> bool:
    return idea is not None and idea.is_withdrawn


@rules.predicate
def has_jury_rating(user, idea) -> bool:
    return idea is not None and idea.jury_ratings.exists()


@rules.predicate
def is_assigned_juror(user, obj) -> bool:
    """A juror of the process: assigned to it (the Jury group gives the
    backend; the assignment gives this process)."""
    from smartregion.accounts.predicates import in_group
    from smartregion.accounts.roles import JURORS

    process = process_of(obj)
    if process is None or not in_group(user, JURORS):
        return False
    cache = getattr(user, "_jury_process_ids", None)
    if cache is None:
        cache = set(user.jury_processes.values_list("pk", flat=True))
        user._jury_process_ids = cache
    return process.pk in cache


@rules.predicate
def is_on_jury_list(user, idea) -> bool:
    """On the list the jury rates: every visible idea not withdrawn, or
    only the shortlisted ones (and the winners picked from them). Pending
    and hidden ideas are not rated (jury.jury_list is the queryset form)."""
    from smartregion.ideas.models import Idea
    from smartregion.participation.models import Moderation

    if idea is None or idea.is_withdrawn or idea.moderation != Moderation.VISIBLE:
        return False
    if idea.process.jury_shortlist_only:
        return idea.status in (Idea.Status.SHORTLISTED, Idea.Status.WINNER)
    return True


@rules.predicate
def may_capture_for(user, municipality) -> bool:
    return is_editor(user) or (municipality is not None and is_guide_for(user, municipality))


is_idea_staff = is_editor | is_moderator
# Whether a process takes new ideas now, from citizens online and from the
# staff who enter ideas collected on site alike: published, and its current
# phase opens "ideas.submit" (object: the process).
accepts_ideas = is_process_published & ideas_open

rules.add_perm("ideas.view_idea", (is_process_published & is_visible) | is_idea_author | is_idea_staff)
rules.add_perm("ideas.add_idea", is_verified_participant & accepts_ideas)
rules.add_perm(
    "ideas.change_idea", is_idea_author & is_process_published & ideas_open & ~is_withdrawn & ~has_jury_rating
)
rules.add_perm("ideas.withdraw_idea", is_idea_author & ~is_withdrawn)
rules.add_perm(
    "ideas.support_idea",
    is_verified_participant & is_process_published & is_visible & supports_open & ~is_withdrawn & ~is_idea_author,
)
rules.add_perm("ideas.rate_idea", is_assigned_juror & jury_open & is_on_jury_list)
rules.add_perm("ideas.view_jury_board", is_assigned_juror & jury_open)
rules.add_perm("ideas.manage_jury", is_editor)
rules.add_perm("ideas.set_idea_status", is_idea_staff)
rules.add_perm("ideas.capture_idea", may_capture_for)
