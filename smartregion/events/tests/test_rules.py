import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days
from smartregion.region.tests.factories import MunicipalityFactory

Status = EventRegistration.Status

PEOPLE = ["anonymous", "citizen", "verified_citizen", "editor", "guide_mayen"]


def get_person(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


def events(mayen):
    return {
        "published": EventFactory(municipality=mayen),
        "draft": EventFactory(municipality=mayen, status=Event.Status.DRAFT),
        "cancelled": EventFactory(municipality=mayen, status=Event.Status.CANCELLED),
        "after_deadline": EventFactory(
            municipality=mayen, registration_deadline=timezone.now() - dt.timedelta(minutes=1)
        ),
        "invitation": EventFactory(municipality=mayen, registration=Event.Registration.INVITATION),
        "past": EventFactory(municipality=mayen, starts_at=in_days(-2, 18), ends_at=in_days(-2, 20)),
        "other_municipality": EventFactory(municipality=MunicipalityFactory()),
        "regional_draft": EventFactory(municipality=None, status=Event.Status.DRAFT),
    }


#                      published draft  cancelled deadline invitation past  other  regional_draft
VIEW = {
    "anonymous": (True, False, True, True, True, True, True, False),
    "citizen": (True, False, True, True, True, True, True, False),
    "verified_citizen": (True, False, True, True, True, True, True, False),
    "editor": (True, True, True, True, True, True, True, True),
    "guide_mayen": (True, True, True, True, True, True, True, False),
}
REGISTER = {
    # A guest registers with name and address; a logged-in account needs
    # a verified address.
    "anonymous": (True, False, False, False, False, False, True, False),
    "citizen": (False,) * 8,
    "verified_citizen": (True, False, False, False, False, False, True, False),
    "editor": (False,) * 8,
    "guide_mayen": (True, False, False, False, False, False, True, False),
}
MANAGE = {
    "anonymous": (False,) * 8,
    "citizen": (False,) * 8,
    "verified_citizen": (False,) * 8,
    "editor": (True,) * 8,
    "guide_mayen": (True, True, True, True, True, True, False, False),
}


@pytest.mark.parametrize(
    ("perm", "table"),
    [("events.view_event", VIEW), ("events.register_for_event", REGISTER), ("events.manage_event", MANAGE)],
)
@pytest.mark.parametrize("name", PEOPLE)
def test_the_permission_matrix(perm, table, name, request, mayen):
    person = get_person(request, name)
    expected = table[name]
    got = tuple(person.has_perm(perm, event) for event in events(mayen).values())

    assert got == expected


def test_only_confirmed_people_and_staff_see_the_online_link(verified_citizen, other_citizen, editor, guide_mayen):
    event = EventFactory(venue="", address="", online_url="https://konferenz.example.org/r", municipality=None)
    waiting = RegistrationFactory(event=event, status=Status.WAITLISTED)
    RegistrationFactory(event=event, user=verified_citizen)

    assert verified_citizen.has_perm("events.view_online_link", event)
    assert not waiting.user.has_perm("events.view_online_link", event)
    assert not other_citizen.has_perm("events.view_online_link", event)
    assert not AnonymousUser().has_perm("events.view_online_link", event)
    assert editor.has_perm("events.view_online_link", event)
    # A region-wide event is not the guide's.
    assert not guide_mayen.has_perm("events.view_online_link", event)


def test_a_guide_may_open_the_backend_list_without_an_event(guide_mayen, citizen):
    assert guide_mayen.has_perm("events.manage_event")
    assert not citizen.has_perm("events.manage_event")
