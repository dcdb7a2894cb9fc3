"""What can be moderated.

Each app whose contributions can be reported and moderated registers its
model under a short key for the URLs (in its AppConfig.ready), with the
functions the moderation needs, so that this app imports none of them:

    registry.register(Moderated(key="idee", model=Idea, label=_("Idee"), ...))

The states are the four of models.ItemState: "visible", "pending",
"hidden", "removed" (taken back by the author). approve/hide/restore return
whether anything changed; they keep the item's own history and counts and
leave the permission checks and the audit log to moderation/actions.py.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Moderated:
    key: str
    model: type[models.Model]
    label: str
    # The object, with what the other functions read joined; raises the
    # model's DoesNotExist.
    load: Callable[[int], models.Model]
    state: Callable[[models.Model], str]
    municipality: Callable[[models.Model], object]
    process: Callable[[models.Model], object]
    author: Callable[[models.Model], object]
    # Plain text, at most 200 characters.
    excerpt: Callable[[models.Model], str]
    public_url: Callable[[models.Model], str]
    approve: Callable[[models.Model, object], bool]
    hide: Callable[[models.Model, object, str], bool]
    restore: Callable[[models.Model, object], bool]
    # The items awaiting approval, for the queue.
    pending: Callable[[], models.QuerySet]
    # Optional: the objects of several pks by pk, each as `load` returns it,
    # in a number of queries that does not grow with the pks (the queue
    # lists many). Missing pks are left out. Without it, load_many() below
    # loads one by one.
    load_many: Callable[[Iterable[int]], dict[int, models.Model]] | None = None
    # Optional: whether everybody may see the item where it stands (visible,
    # in a published process, on a target that is public itself). Without
    # it: whether its state is visible. Only public items can be reported.
    is_public: Callable[[models.Model], bool] | None = None

    def public(self, obj) -> bool:
        if self.is_public is not None:
            return self.is_public(obj)
        from smartregion.moderation.models import ItemState

        return self.state(obj) == ItemState.VISIBLE

    def item_label(self, obj) -> str:
        """How the audit log names the item, e.g. "Idee „Mitfahrbank …“"."""
        excerpt = self.excerpt(obj)
        if len(excerpt) > 80:
            excerpt = excerpt[:79].rstrip() + "…"
        return f"{self.label} „{excerpt}“"


_by_key: dict[str, Moderated] = {}


def register(moderated: Moderated) -> None:
    _by_key[moderated.key] = moderated


def by_key(key: str) -> Moderated | None:
    return _by_key.get(key)


def load_many(moderated: Moderated, pks: Iterable[int]) -> dict[int, models.Model]:
    """The objects `pks` of the type `moderated` by pk, each as its `load`
    returns it; missing ones are left out."""
    pks = set(pks)
    if not pks:
        return {}
    if moderated.load_many is not None:
        return moderated.load_many(pks)
    found = {}
    for pk in pks:
        try:
            found[pk] = moderated.load(pk)
        except moderated.model.DoesNotExist:
            continue
    return found


def for_model(model: type[models.Model]) -> Moderated | None:
    """The registration of `model` (e.g. a content type's model class);
    None if it is not moderated."""
    for moderated in _by_key.values():
        if issubclass(model, moderated.model):
            return moderated
    return None


def for_object(obj) -> Moderated:
    """The registration of `obj`'s model; LookupError if there is none."""
    moderated = for_model(type(obj))
    if moderated is None:
        raise LookupError(f"{type(obj).__name__} is not moderated")
    return moderated


def all() -> list[Moderated]:  # noqa: A001  (the spec's name; module-level)
    return list(_by_key.values())


def excerpt(text: str, length: int = 200) -> str:
    """`text` on one line, cut to `length` characters with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    return text[: length - 1].rstrip() + "…"
