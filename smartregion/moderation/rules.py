"""Permissions of the moderation (django-rules).

moderation.report_item            verified participants, on an item everybody
                                  may see (registry: public) that is not
                                  their own (object: the item)
moderation.moderate_item          superusers; moderators whose
                                  moderated_municipalities is empty
                                  (county-wide) or holds the item's
                                  municipality; an item without a
                                  municipality: county-wide moderators only.
                                  Never on their own item. Without an
                                  object: every moderator (the queue).
moderation.moderate_idea,
moderation.moderate_comment       the same, by the name of the item type
moderation.decide_objection       moderate_item on the objection's item, and
                                  not the moderator whose decision it
                                  contests, nor the objector (object: the
                                  objection)
moderation.view_audit_log         moderators, account administrators,
                                  superusers
moderation.manage_watched_terms   editors, superusers

Items overdue for a decision (OVERDUE_AFTER) are shown to county-wide
moderators flagged; those may act on every item anyway, and the scoped
moderators keep theirs.
"""

import datetime as dt

import rules

from smartregion.accounts.predicates import is_admin, is_editor, is_moderator, is_verified_participant
from smartregion.moderation import registry

# After this long without a decision, an item of a municipality is flagged
# "überfällig" for the county-wide moderators too.
OVERDUE_AFTER = dt.timedelta(hours=48)

# Where moderated_municipality_ids keeps its answer on the user object.
SCOPE_ATTRIBUTE = "_moderated_municipality_ids"


def moderated_municipality_ids(user) -> frozenset[int]:
    """The municipalities `user` moderates; empty: the whole county.
    Cached on the user object for the request (a queue asks per item)."""
    cached = getattr(user, SCOPE_ATTRIBUTE, None)
    if cached is None:
        cached = frozenset(user.moderated_municipalities.values_list("pk", flat=True))
        setattr(user, SCOPE_ATTRIBUTE, cached)
    return cached


@rules.predicate
def is_superuser(user) -> bool:
    return user.is_authenticated and user.is_superuser


@rules.predicate
def is_county_wide_moderator(user) -> bool:
    return is_moderator(user) and not moderated_municipality_ids(user)


def _municipality_id(item):
    moderated = registry.for_object(item)
    municipality = moderated.municipality(item)
    return getattr(municipality, "pk", None)


@rules.predicate
def is_moderator_for(user, item) -> bool:
    """A moderator whose scope covers `item` (any moderator when there is
    no item)."""
    if not is_moderator(user):
        return False
    if item is None:
        return True
    scope = moderated_municipality_ids(user)
    if not scope:
        return True
    municipality_id = _municipality_id(item)
    return municipality_id is not None and municipality_id in scope


@rules.predicate
def is_item_author(user, item) -> bool:
    if item is None or not user.is_authenticated:
        return False
    author = registry.for_object(item).author(item)
    return author is not None and author.pk == user.pk


@rules.predicate
def is_public_item(user, item) -> bool:
    return item is not None and registry.for_object(item).public(item)


@rules.predicate
def may_moderate_objection(user, objection) -> bool:
    if objection is None:
        return is_superuser(user) or is_moderator(user)
    item = objection.item
    if item is None:
        return False
    return is_superuser(user) or is_moderator_for(user, item)


@rules.predicate
def wrote_the_item(user, objection) -> bool:
    """The author of the item the objection is about (the objector)."""
    return objection is not None and user.is_authenticated and objection.author_id == user.pk


@rules.predicate
def hid_the_item(user, objection) -> bool:
    """The moderator whose decision the objection contests."""
    return objection is not None and user.is_authenticated and objection.hide_action.actor_id == user.pk


# Nobody decides about their own contribution, nor about an objection to
# it.
may_moderate = (is_superuser | is_moderator_for) & ~is_item_author

rules.add_perm("moderation.report_item", is_verified_participant & is_public_item & ~is_item_author)
rules.add_perm("moderation.moderate_item", may_moderate)
rules.add_perm("moderation.moderate_idea", may_moderate)
rules.add_perm("moderation.moderate_comment", may_moderate)
rules.add_perm("moderation.decide_objection", may_moderate_objection & ~hid_the_item & ~wrote_the_item)
rules.add_perm("moderation.view_audit_log", is_superuser | is_moderator | is_admin)
rules.add_perm("moderation.manage_watched_terms", is_superuser | is_editor)
