"""The regional guides' panel on the backend's dashboard: registrations of
the next events in their municipalities."""

import datetime as dt

import pytest
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days
from smartregion.events.wagtail_hooks import DASHBOARD_EVENTS, add_guide_events_panel
from smartregion.lib.tests.dashboard import dashboard_request, run_hook
from smartregion.region.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def _german_date(event):
    day = timezone.localtime(event.starts_at)
    return f"{day.day}. {GERMAN_MONTHS[day.month - 1]} {day.year}"


def test_a_guide_sees_the_registrations_of_the_next_events_in_her_municipalities(guide_mayen, mayen):
    later = EventFactory(municipality=mayen, title="Dorfgespräch", starts_at=in_days(20))
    first = EventFactory(municipality=mayen, title="Kommunaldialog Mayen", starts_at=in_days(3, 18))
    RegistrationFactory.create_batch(2, event=first)
    RegistrationFactory(event=first, status=EventRegistration.Status.WAITLISTED)
    RegistrationFactory(event=first, status=EventRegistration.Status.CANCELLED)

    panel = run_hook(add_guide_events_panel, guide_mayen)["events"]

    assert [(item.label, item.count, item.url) for item in panel.items] == [
        (
            f"Anmeldungen zu „Kommunaldialog Mayen“ am {_german_date(first)}",
            2,
            f"/redaktion/veranstaltungen/{first.pk}/anmeldungen/",
        ),
        (
            f"Anmeldungen zu „Dorfgespräch“ am {_german_date(later)}",
            0,
            f"/redaktion/veranstaltungen/{later.pk}/anmeldungen/",
        ),
    ]


def test_other_municipalities_past_drafts_and_events_without_registration_are_left_out(guide_mayen, mayen):
    EventFactory(municipality=MunicipalityFactory(name="Mendig", slug="mendig"))
    EventFactory(municipality=None)
    EventFactory(municipality=mayen, starts_at=in_days(-3), ends_at=in_days(-3) + dt.timedelta(hours=2))
    EventFactory(municipality=mayen, status=Event.Status.DRAFT)
    EventFactory(municipality=mayen, status=Event.Status.CANCELLED)
    EventFactory(municipality=mayen, registration=Event.Registration.NONE)

    panel = run_hook(add_guide_events_panel, guide_mayen)["events"]

    assert panel.items == []
    assert "keine Veranstaltung" in str(panel.empty_text)


def test_only_the_next_events_are_listed(guide_mayen, mayen):
    events = [EventFactory(municipality=mayen, starts_at=in_days(days)) for days in range(10, 3, -1)]

    panel = run_hook(add_guide_events_panel, guide_mayen)["events"]

    expected = sorted(events, key=lambda event: event.starts_at)[:DASHBOARD_EVENTS]
    assert [item.url for item in panel.items] == [
        f"/redaktion/veranstaltungen/{event.pk}/anmeldungen/" for event in expected
    ]


def test_only_guides_get_the_panel(editor, moderator, juror, admin, citizen):
    for person in (editor, moderator, juror, admin, citizen):
        assert run_hook(add_guide_events_panel, person) == {}


@pytest.mark.parametrize("events", [1, 4])
def test_the_panel_needs_two_queries_whatever_the_numbers(guide_mayen, mayen, django_assert_num_queries, events):
    for _ in range(events):
        RegistrationFactory.create_batch(3, event=EventFactory(municipality=mayen))
    request = dashboard_request(guide_mayen)

    # The guide's groups, the events with their registrations counted.
    with django_assert_num_queries(2):
        panels = run_hook(add_guide_events_panel, request)

    assert [item.count for item in panels["events"].items] == [3] * events


def test_the_guide_follows_the_link_to_the_registrations(client, guide_mayen, mayen):
    event = EventFactory(municipality=mayen, title="Kommunaldialog Mayen")
    RegistrationFactory(event=event)
    log_in_with_second_factor(client, guide_mayen)

    html = client.get("/redaktion/").content.decode()
    url = f"/redaktion/veranstaltungen/{event.pk}/anmeldungen/"

    assert "Ihre nächsten Veranstaltungen" in html
    assert f'href="{url}"' in html
    assert client.get(url).status_code == 200
