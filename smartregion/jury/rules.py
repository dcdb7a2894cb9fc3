"""Permissions of the jury (django-rules).

jury.rate_idea          jurors assigned to the process while the phase
                        opens "jury.rate" (on the shortlist only, if the
                        process says so)
jury.view_jury_board    jurors assigned to the process while "jury.rate"
                        is open
jury.manage_jury        editors: ranking, winners, publishing results

Ask them through rules.has_perm, not user.has_perm: Django's backend says
yes to every permission of a superuser, and a superuser who is no juror
must not rate.
"""

import rules

from smartregion.accounts.predicates import in_group, is_editor
from smartregion.accounts.roles import JURORS
from smartregion.participation.models import Moderation
from smartregion.participation.rules import phase_opens, process_of

# What the phase active now opens (the actions of jury/contribution.py).
jury_open = phase_opens("jury.rate")


@rules.predicate
def is_assigned_juror(user, obj) -> bool:
    """A juror of the process: assigned to it (the Jury group gives the
    backend; the assignment gives this process)."""
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
    and hidden ideas are not rated (ranking.jury_list is the queryset
    form)."""
    from smartregion.ideas.models import Idea

    if idea is None or idea.is_withdrawn or idea.moderation != Moderation.VISIBLE:
        return False
    if idea.process.jury_shortlist_only:
        return idea.status in (Idea.Status.SHORTLISTED, Idea.Status.WINNER)
    return True


rules.add_perm("jury.rate_idea", is_assigned_juror & jury_open & is_on_jury_list)
rules.add_perm("jury.view_jury_board", is_assigned_juror & jury_open)
rules.add_perm("jury.manage_jury", is_editor)
