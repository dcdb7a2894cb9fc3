"""What can be commented on.

Each app that has comments on its contributions registers the model under a
short key for the URLs (AppConfig.ready), so that the comments app imports no
other app:

    targets.register(
        "idee", Idea, lambda pk: Idea.objects.select_related("process").get(pk=pk), action="ideas.comment"
    )

The loader returns the object or raises the model's DoesNotExist; the views
then check the rules (the target's view_<model> permission and
comments.add_comment). `action` is the key of the action a phase opens to
let people comment on targets of this kind (see
participation/contributions.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Target:
    key: str
    model: type[models.Model]
    load: Callable[[int], models.Model]
    action: str


_by_key: dict[str, Target] = {}


def register(key: str, model: type[models.Model], load: Callable[[int], models.Model], *, action: str) -> None:
    _by_key[key] = Target(key, model, load, action)


def by_key(key: str) -> Target | None:
    return _by_key.get(key)


def key_for(obj) -> str:
    """The URL key of `obj`'s model; LookupError if it has no comments."""
    for target in _by_key.values():
        if isinstance(obj, target.model):
            return target.key
    raise LookupError(f"{type(obj).__name__} has no comments")


def by_model(model: type[models.Model]) -> Target | None:
    """The registration of `model` (e.g. a comment's content type's model
    class); None if it has no comments."""
    for target in _by_key.values():
        if issubclass(model, target.model):
            return target
    return None


def action_for(obj) -> str | None:
    """The key of the action that opens commenting on `obj`; None if it has
    no comments."""
    target = by_model(type(obj)) if obj is not None else None
    return target.action if target is not None else None
