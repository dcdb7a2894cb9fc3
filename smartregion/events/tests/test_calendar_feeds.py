"""/veranstaltungen.ics and /veranstaltungen/<municipality>.ics: feeds a
calendar app can subscribe to, parsed back with the icalendar library."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from smartregion.events.models import Event
from smartregion.events.tests.factories import EventFactory, in_days
from smartregion.region.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar):
    return [str(vevent["SUMMARY"]) for vevent in calendar.walk("VEVENT")]


def test_the_feed_has_the_published_events_with_berlin_time(client):
    EventFactory(
        title="Zukunftsforum",
        starts_at=dt.datetime(2030, 7, 4, 16, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 7, 4, 20, 0, tzinfo=dt.UTC),
    )
    EventFactory(title="Entwurf", status=Event.Status.DRAFT)
    EventFactory(title="Abgesagt", status=Event.Status.CANCELLED)
    EventFactory(title="Vor zwei Jahren", starts_at=in_days(-800))

    calendar = parse(client.get("/veranstaltungen.ics"))

    assert sorted(summaries(calendar)) == ["Abgesagt", "Zukunftsforum"]
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen"
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    forum = next(vevent for vevent in calendar.walk("VEVENT") if str(vevent["SUMMARY"]) == "Zukunftsforum")
    start = forum.decoded("DTSTART")
    assert start == dt.datetime(2030, 7, 4, 18, 0, tzinfo=BERLIN)
    assert forum["DTSTART"].params["TZID"] == "Europe/Berlin"
    cancelled = next(vevent for vevent in calendar.walk("VEVENT") if str(vevent["SUMMARY"]) == "Abgesagt")
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_the_feed_leaves_out_online_links(client):
    EventFactory(online_url="https://konferenz.example.org/geheim")

    assert b"geheim" not in client.get("/veranstaltungen.ics").content


def test_a_municipality_has_its_own_feed(client, mayen):
    other = MunicipalityFactory(name="Bendorf", slug="bendorf")
    EventFactory(title="Dialog Mayen", municipality=mayen)
    EventFactory(title="Dialog Bendorf", municipality=other)
    EventFactory(title="Regionsweit")

    calendar = parse(client.get("/veranstaltungen/mayen.ics"))

    assert summaries(calendar) == ["Dialog Mayen"]
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen in Mayen"


def test_an_unknown_municipality_has_no_feed(client):
    assert client.get("/veranstaltungen/atlantis.ics").status_code == 404


def test_an_empty_feed_is_still_a_calendar(client):
    assert summaries(parse(client.get("/veranstaltungen.ics"))) == []


# Queries of a feed, whatever the number of events: the events with their
# municipalities.
FEED_QUERIES = 1


def test_its_query_count_does_not_grow_with_more_rows(client, mayen, django_assert_num_queries):
    EventFactory.create_batch(2, municipality=mayen)

    with django_assert_num_queries(FEED_QUERIES):
        client.get("/veranstaltungen.ics")

    EventFactory.create_batch(15, municipality=mayen)

    with django_assert_num_queries(FEED_QUERIES):
        response = client.get("/veranstaltungen.ics")
    assert len(parse(response).walk("VEVENT")) == 17
    with django_assert_num_queries(FEED_QUERIES + 1):  # and the municipality
        client.get("/veranstaltungen/mayen.ics")
