"""Predicates every contribution type uses, and the permissions on
processes (django-rules).

The object of a contribution rule is the process itself (to add something
to it) or a contribution that has a `process` (to support, comment, rate or
change it); `process_of` finds the process in both cases. What is open
comes from the phase active now: a type builds its rules in its own
rules.py from `phase_opens("ideas.comment")` (Process.is_open) and
`phase_has_opened("jury.results")` (Process.has_begun).

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


def phase_opens(key: str) -> rules.Predicate:
    """A predicate: the phase active now in the process of the object opens
    the action `key` ("ideas.comment")."""

    @rules.predicate(name=f"phase_opens({key})")
    def predicate(user, obj) -> bool:
        process = process_of(obj)
        return process is not None and process.is_open(key)

    return predicate


def phase_has_opened(key: str) -> rules.Predicate:
    """A predicate: a phase that opens `key` has begun in the process of the
    object, also if it ended since (results stay public)."""

    @rules.predicate(name=f"phase_has_opened({key})")
    def predicate(user, obj) -> bool:
        process = process_of(obj)
        return process is not None and process.has_begun(key)

    return predicate


@rules.predicate
def is_process_published(user, obj) -> bool:
    from smartregion.participation.models import Process

    process = process_of(obj)
    return process is not None and process.status == Process.Status.PUBLISHED


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
