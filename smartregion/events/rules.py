"""Permissions on events and registrations (django-rules).

events.view_event           published (or cancelled after publishing), or staff of the event
events.register_for_event   registration open; members need a verified address
events.manage_event         editors; regional guides for events in their municipalities
events.view_online_link     a confirmed registration, or staff of the event
"""

import rules
from django.utils import timezone

from smartregion.accounts.predicates import is_editor, is_guide, is_verified_participant


def registration_is_open(event, now=None) -> bool:
    """Whether people can register for `event` at `now`: registration over
    the website, published (not a draft, not cancelled), not begun, and
    before the deadline if there is one. The actions check this again
    under the event's lock."""
    from smartregion.events.models import Event

    now = now or timezone.now()
    return (
        event.registration == Event.Registration.OPEN
        and event.status == Event.Status.PUBLISHED
        and event.starts_at > now
        and (event.registration_deadline is None or now < event.registration_deadline)
    )


@rules.predicate
def is_public(user, event) -> bool:
    from smartregion.events.models import Event

    return event is not None and event.status in (Event.Status.PUBLISHED, Event.Status.CANCELLED)


@rules.predicate
def is_guide_for_event(user, event) -> bool:
    """A regional guide for the event's municipality. Without an event (the
    backend's list, a new event) any guide: the backend limits the list to
    their municipalities. Region-wide events belong to the editors."""
    if not is_guide(user):
        return False
    if event is None:
        return True
    if event.municipality_id is None:
        return False
    # Cached per user for the request: a list asks for every row.
    cache = getattr(user, "_guide_municipality_ids", None)
    if cache is None:
        cache = set(user.guide_municipalities.values_list("pk", flat=True))
        user._guide_municipality_ids = cache
    return event.municipality_id in cache


@rules.predicate
def registration_open(user, event) -> bool:
    return event is not None and registration_is_open(event)


@rules.predicate
def has_confirmed_registration(user, event) -> bool:
    from smartregion.events.models import EventRegistration

    if event is None or not user.is_authenticated:
        return False
    return EventRegistration.objects.filter(event=event, user=user, status=EventRegistration.Status.CONFIRMED).exists()


can_manage_event = is_editor | is_guide_for_event

rules.add_perm("events.manage_event", can_manage_event)
rules.add_perm("events.view_event", is_public | can_manage_event)
# Guests (not logged in) register with name and e-mail and confirm by mail;
# a logged-in person registers with the account, which needs a verified
# address.
rules.add_perm(
    "events.register_for_event",
    is_public & registration_open & (~rules.is_authenticated | is_verified_participant),
)
rules.add_perm("events.view_online_link", has_confirmed_registration | can_manage_event)
