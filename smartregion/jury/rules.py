"""Permissions of the jury (django-rules).

jury.rate_idea          jurors assigned to the process while jury_open (on
                        the shortlist only, if the process says so)
jury.view_jury_board    jurors assigned to the process while jury_open
jury.manage_jury        editors: ranking, winners, publishing results

Ask them through rules.has_perm, not user.has_perm: Django's backend says
yes to every permission of a superuser, and a superuser who is no juror
must not rate.
"""

import rules

from smartregion.accounts.predicates import is_editor
from smartregion.participation.models import Moderation
from smartregion.participation.rules import is_assigned_juror, jury_open


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
