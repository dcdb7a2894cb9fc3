import datetime as dt
from zoneinfo import ZoneInfo

import icalendar

from smartregion.events.ical import build_calendar, event_calendar
from smartregion.events.models import Event
from smartregion.events.tests.factories import EventFactory

BERLIN = ZoneInfo("Europe/Berlin")


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_an_evening_event_is_in_berlin_time_with_its_timezone(db):
    event = EventFactory(
        title="Kommunaldialog Mayen",
        starts_at=dt.datetime(2026, 3, 28, 18, 30, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 3, 28, 21, 0, tzinfo=BERLIN),
        venue="Bürgerhaus",
        address="Marktplatz 1\n56727 Mayen",
    )

    calendar = parse(event_calendar(event))

    [vevent] = calendar.walk("VEVENT")
    assert vevent["SUMMARY"] == "Kommunaldialog Mayen"
    assert vevent["UID"].startswith(f"event-{event.pk}@")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.start == dt.datetime(2026, 3, 28, 18, 30, tzinfo=BERLIN)
    assert vevent.end == dt.datetime(2026, 3, 28, 21, 0, tzinfo=BERLIN)
    assert vevent["LOCATION"] == "Bürgerhaus, Marktplatz 1, 56727 Mayen"
    assert vevent["URL"] == f"http://127.0.0.1:8000/veranstaltungen/{event.pk}/"
    assert "Reden Sie mit" in vevent["DESCRIPTION"]
    [timezone] = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Berlin"
    # Winter time the day before, summer time from 29 March 2026: the
    # VTIMEZONE carries both, so a client converts the right way.
    offsets = {component.decoded("TZOFFSETTO") for component in timezone.walk() if "TZOFFSETTO" in component}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    assert calendar.get_missing_tzids() == set()


def test_a_summer_event_converts_to_utc_with_the_summer_offset(db):
    event = EventFactory(
        starts_at=dt.datetime(2026, 7, 1, 10, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 7, 1, 12, 0, tzinfo=BERLIN),
    )

    [vevent] = parse(event_calendar(event)).walk("VEVENT")

    assert vevent.start.astimezone(dt.UTC) == dt.datetime(2026, 7, 1, 8, 0, tzinfo=dt.UTC)


def test_an_all_day_event_has_dates_and_an_exclusive_end(db):
    event = EventFactory(
        all_day=True,
        starts_at=dt.datetime(2026, 5, 9, 0, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 5, 9, 23, 59, tzinfo=BERLIN),
    )

    calendar = parse(event_calendar(event))

    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params.get("VALUE") == "DATE"
    assert vevent.start == dt.date(2026, 5, 9)
    assert vevent.end == dt.date(2026, 5, 10)
    assert calendar.walk("VTIMEZONE") == []


def test_a_multi_day_event_spans_its_days(db):
    all_day = EventFactory(
        all_day=True,
        starts_at=dt.datetime(2026, 9, 25, 0, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 9, 26, 23, 59, tzinfo=BERLIN),
    )
    timed = EventFactory(
        starts_at=dt.datetime(2026, 10, 24, 9, 0, tzinfo=BERLIN),
        ends_at=dt.datetime(2026, 10, 25, 16, 0, tzinfo=BERLIN),
    )

    [first, second] = parse(build_calendar([all_day, timed])).walk("VEVENT")

    assert (first.start, first.end) == (dt.date(2026, 9, 25), dt.date(2026, 9, 27))
    assert first.end - first.start == dt.timedelta(days=2)
    # Across the end of summer time (25 October 2026).
    assert second.start == dt.datetime(2026, 10, 24, 9, 0, tzinfo=BERLIN)
    assert second.end == dt.datetime(2026, 10, 25, 16, 0, tzinfo=BERLIN)
    assert second.end.astimezone(dt.UTC).hour == 15


def test_the_feed_has_one_entry_per_event_and_no_online_link(db):
    online = EventFactory(venue="", address="", online_url="https://konferenz.example.org/geheim")
    cancelled = EventFactory(status=Event.Status.CANCELLED)

    data = build_calendar([online, cancelled], name="Veranstaltungen")
    calendar = parse(data)

    assert calendar["X-WR-CALNAME"] == "Veranstaltungen"
    vevents = calendar.walk("VEVENT")
    assert [str(v["UID"]) for v in vevents] == [f"event-{online.pk}@127.0.0.1", f"event-{cancelled.pk}@127.0.0.1"]
    assert vevents[0]["LOCATION"] == "Online"
    assert vevents[1]["STATUS"] == "CANCELLED"
    assert b"geheim" not in data
    assert len({str(v["UID"]) for v in vevents}) == 2


def test_a_registered_persons_file_has_the_online_link(db):
    event = EventFactory(venue="", address="", online_url="https://konferenz.example.org/geheim")

    [vevent] = parse(event_calendar(event, online_url=event.online_url)).walk("VEVENT")

    assert "https://konferenz.example.org/geheim" in vevent["DESCRIPTION"]


def test_an_empty_feed_is_a_valid_calendar(db):
    calendar = parse(build_calendar([], name="Veranstaltungen"))

    assert calendar.walk("VEVENT") == []
    assert calendar["VERSION"] == "2.0"
