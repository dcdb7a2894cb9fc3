"""Contribution types: what people can do in a process.

`participation` knows processes and their phases, but no kind of
contribution by name. Each app that offers one (ideas, the jury, later
statements and surveys) declares a ContributionType in its module
`contribution.py` and registers it in its AppConfig.ready():

    register(
        ContributionType(
            key="ideas",
            label=_("Ideen"),
            order=10,
            actions=(
                Action(
                    key="submit",
                    label=_("Idee einreichen"),
                    backend_label=_("Ideen einreichen"),
                    may=lambda user, process: user.has_perm("ideas.add_idea", process),
                    ends=..., begins=..., ended=..., never=..., login=...,
                    link=lambda process: Link(reverse(...), _("Idee einreichen"), button=True),
                ),
                ...
            ),
            show=show_ideas,
            privacy_export=("ideas", "idea_supports", "ideas_captured"),
            comment_target="idee",
            moderation_target="idee",
            search=search_ideas,
        )
    )

A phase opens actions by their full key "<type>.<action>" ("ideas.submit",
"jury.rate"), stored in `Phase.opens`; the backend's phase form offers a
checkbox per registered action (`choices()`). The rules of a type ask
`participation.rules.phase_opens("ideas.comment")`. The process page
(participation/views.py) lists, in the box "Was Sie jetzt tun können", the
actions of the types the process's phases use, and renders each type's
section from its `show` hook.

The other registrations of a type stay where they are (the data export in
accounts/privacy.py, comment targets in comments/targets.py, moderation in
moderation/registry.py); the declaration names their keys, so that a
reader finds them from here and a test can check that they exist.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import rules


@dataclass(frozen=True)
class Link:
    """Where an available action leads, e.g. the form to submit an idea.
    `button` shows it as the page's main call to action."""

    url: str
    text: str
    button: bool = False


@dataclass(frozen=True)
class Shown:
    """How the process page shows a type's contributions: `template` is
    rendered with `context` below the box "Was Sie jetzt tun können";
    `facts_template`, if any, with the same context inside the facts list at
    the top of the page (one `<div><dt>…</dt><dd>…</dd></div>`). Sections
    come in the order of `order`."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    facts_template: str | None = None
    order: int = 100


@dataclass(frozen=True)
class Listed:
    """How the list of processes shows a type on a process's card:
    `annotations()` gives the aggregates to add to the list's one query of
    processes (e.g. a count of public contributions), and `template`, an
    inline fragment rendered with `process` after the card's place, shows
    them (" · 3 Ideen")."""

    annotations: Callable[[], dict[str, Any]]
    template: str


@dataclass(frozen=True)
class Action:
    """One thing a phase can open, e.g. submitting ideas.

    key            the short key within its type ("submit")
    label          its heading in the box ("Idee einreichen")
    backend_label  the phase form's checkbox and the timeline's list
                   ("Ideen einreichen")
    may            callable(user, process) -> bool, or a rules predicate:
                   whether this person may do it on the process now (the
                   phase condition included)
    in_box         whether it appears in "Was Sie jetzt tun können"
    ends, begins, ended, never, login
                   the box's sentences: the deadline ("%(date)s"), when it
                   begins, that it ended, that the process never opens it,
                   and why to log in
    link           callable(process) -> Link | None: where it leads when
                   available
    """

    key: str
    label: Any
    backend_label: Any
    may: Callable[[Any, Any], bool] | None = None
    in_box: bool = True
    ends: Any = ""
    begins: Any = ""
    ended: Any = ""
    never: Any = ""
    login: Any = ""
    link: Callable[[Any], Link | None] | None = None
    # Set by the ContributionType that holds the action.
    type_key: str = ""

    @property
    def full_key(self) -> str:
        return f"{self.type_key}.{self.key}"

    def allows(self, user, process) -> bool:
        if self.may is None:
            return False
        if isinstance(self.may, rules.Predicate):
            return self.may.test(user, process)
        return bool(self.may(user, process))


@dataclass(frozen=True)
class ContributionType:
    """A kind of contribution a process can offer.

    key, label     "ideas", "Ideen" (the label heads its group of
                   checkboxes in the backend)
    actions        what its phases can open, in the order of the box, the
                   timeline and the backend
    order          the types' order in the box, the timeline and the backend
    requires       keys of types whose contributions this one works on (the
                   jury rates ideas): a process that uses this type shows
                   theirs too
    show           callable(request, process, now) -> Shown | None: its
                   section of the process page (None: nothing to show)
    listed         Listed: its line on the cards of the list of processes
    privacy_export keys of its registrations in accounts/privacy.py
    comment_target its key in comments/targets.py, if people comment on it
    moderation_target  its key in moderation/registry.py, if moderated
    edit_panels    callable() -> a Wagtail ObjectList: its own tab in the
                   backend's process form (the jury's criteria and jurors)
    prepare_form   callable(form): called when the backend's process form
                   is built, to narrow what its fields offer
    search         callable(text) -> queryset of its public contributions
                   matching the typed words, for a site-wide search
    notify         callable(event, contribution) -> None, called by the
                   notifications to come when something happens to a
                   contribution of this type ("submitted", "commented",
                   "status_changed", ...): the type decides who hears of it.
                   Nothing calls it yet; it is the place where a type will
                   declare its notifications.
    """

    key: str
    label: Any
    actions: tuple[Action, ...]
    order: int = 100
    requires: tuple[str, ...] = ()
    show: Callable[[Any, Any, Any], Shown | None] | None = None
    listed: Listed | None = None
    privacy_export: tuple[str, ...] = ()
    comment_target: str | None = None
    moderation_target: str | None = None
    edit_panels: Callable[[], Any] | None = None
    prepare_form: Callable[[Any], None] | None = None
    search: Callable[[str], Any] | None = None
    notify: Callable[[str, Any], None] | None = None

    def __post_init__(self):
        if "." in self.key:
            raise ValueError(f"A contribution type's key has no dot: {self.key!r}")
        keys = [action.key for action in self.actions]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.key}: an action key appears twice")
        bound = tuple(replace(action, type_key=self.key) for action in self.actions)
        object.__setattr__(self, "actions", bound)


_registry: dict[str, ContributionType] = {}


def register(contribution_type: ContributionType) -> ContributionType:
    """Add (or replace, by key) a contribution type."""
    _registry[contribution_type.key] = contribution_type
    return contribution_type


def unregister(key: str) -> None:
    """Remove a type (for tests that register one of their own)."""
    _registry.pop(key, None)


def types() -> list[ContributionType]:
    """The registered types in order."""
    return sorted(_registry.values(), key=lambda contribution_type: (contribution_type.order, contribution_type.key))


def get(key: str) -> ContributionType | None:
    return _registry.get(key)


def actions() -> list[Action]:
    """Every registered action, in the order of the types and their
    declarations."""
    return [action for contribution_type in types() for action in contribution_type.actions]


def action(full_key: str) -> Action | None:
    """The action "<type>.<action>", or None if no type declares it."""
    type_key, _dot, key = full_key.partition(".")
    contribution_type = _registry.get(type_key)
    if contribution_type is None:
        return None
    return next((candidate for candidate in contribution_type.actions if candidate.key == key), None)


def choices() -> list[tuple[Any, list[tuple[str, Any]]]]:
    """The backend's phase checkboxes: per type its label and its actions
    as (full key, backend label)."""
    return [
        (
            contribution_type.label,
            [(action.full_key, action.backend_label) for action in contribution_type.actions],
        )
        for contribution_type in types()
    ]


def types_in_use(keys) -> list[ContributionType]:
    """The types whose actions appear among the full `keys` (those a
    process's phases open), with the types they require, in order."""
    used = {key.partition(".")[0] for key in keys}
    pending = list(used)
    while pending:
        contribution_type = _registry.get(pending.pop())
        for required in contribution_type.requires if contribution_type else ():
            if required not in used:
                used.add(required)
                pending.append(required)
    return [contribution_type for contribution_type in types() if contribution_type.key in used]
