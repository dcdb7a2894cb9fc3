"""Predicates every contribution type uses, and the permissions on
processes (django-rules).

The object of a contribution rule is the process itself (to add something
to it) or a contribution that has a `process` (to support, comment, rate or
change it); `process_of` finds the process in both cases. What is open
comes from the phase active now (Process.is_open_for).

participation.view_process     published, or editors and moderators
participation.change_process   editors
"""

import rules

from smartregion.accounts.predicates import is_editor, is_moderator


def process_of(obj):
    """The process of `obj`: a Process, or anything with a `process`."""
    from smartregion.participation.models import Process

    if obj is None:
        return None
    if isinstance(obj, Process):
        return obj
    return getattr(obj, "process", None)


def _phase_switch(switch):
    @rules.predicate(name=switch)
    def predicate(user, obj) -> bool:
        process = process_of(obj)
        return process is not None and process.is_open_for(switch)

    return predicate


ideas_open = _phase_switch("ideas_open")
comments_open = _phase_switch("comments_open")
supports_open = _phase_switch("supports_open")
jury_open = _phase_switch("jury_open")


@rules.predicate
def results_visible(user, obj) -> bool:
    process = process_of(obj)
    return process is not None and process.results_visible()


@rules.predicate
def is_process_published(user, obj) -> bool:
    from smartregion.participation.models import Process

    process = process_of(obj)
    return process is not None and process.status == Process.Status.PUBLISHED


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
def is_object(user, obj) -> bool:
    return obj is not None


is_process_staff = is_editor | is_moderator

# Asked without an object, django-rules answers the model permission of the
# same name, which opens the backend's process listing: only the object
# question lets moderators in (to see a draft's page), the model permission
# stays with the editors' group (roles.py).
rules.add_perm("participation.view_process", is_process_published | (is_object & is_process_staff))
rules.add_perm("participation.change_process", is_editor)
