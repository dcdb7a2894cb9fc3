"""opening_status(): whether the project office is open at a moment and when
that changes. Hours are wall-clock times in Europe/Berlin."""

import datetime as dt
from zoneinfo import ZoneInfo

from smartregion.cms.models import opening_status
from smartregion.cms.tests.factories import OFFICE_WEEK, weekly_hours

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.UTC

# OFFICE_WEEK: Monday, Wednesday and Thursday 10-12 and 14-16, Tuesday 10-12.
# 3 June 2024 is a Monday.
MONDAY = dt.date(2024, 6, 3)


def berlin(day, hour, minute=0):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def on(weekday_offset, hour, minute=0):
    """A moment in the week of MONDAY, in Berlin time."""
    return berlin(MONDAY + dt.timedelta(days=weekday_offset), hour, minute)


def test_it_is_open_during_hours_and_says_until_when():
    status = opening_status(weekly_hours(*OFFICE_WEEK), on(0, 11, 15))

    assert status.is_open
    assert status.until == on(0, 12)
    assert status.next_open is None


def test_it_is_open_from_the_first_minute():
    assert opening_status(weekly_hours(*OFFICE_WEEK), on(0, 10)).is_open


def test_it_is_closed_at_the_closing_minute_and_reopens_the_same_afternoon():
    status = opening_status(weekly_hours(*OFFICE_WEEK), on(0, 12))

    assert not status.is_open
    assert status.until is None
    assert status.next_open == on(0, 14)


def test_before_opening_it_names_the_opening_later_that_morning():
    status = opening_status(weekly_hours(*OFFICE_WEEK), on(0, 7, 30))

    assert not status.is_open
    assert status.next_open == on(0, 10)


def test_after_the_last_hours_of_a_day_it_names_the_next_day():
    # Tuesday has no afternoon hours.
    status = opening_status(weekly_hours(*OFFICE_WEEK), on(1, 13))

    assert not status.is_open
    assert status.next_open == on(2, 10)


def test_on_thursday_evening_it_names_monday_across_the_week_end():
    status = opening_status(weekly_hours(*OFFICE_WEEK), on(3, 18))

    assert not status.is_open
    assert status.next_open == on(7, 10)
    assert status.next_open.weekday() == 0


def test_with_a_single_weekly_slot_just_passed_it_names_the_same_day_next_week():
    hours = weekly_hours((2, "10:00", "12:00"))

    status = opening_status(hours, on(2, 12, 30))

    assert status.next_open == on(9, 10)


def test_without_hours_it_is_closed_with_no_next_opening():
    status = opening_status([], on(0, 11))

    assert not status.is_open
    assert status.until is None
    assert status.next_open is None


def test_it_reads_a_utc_moment_in_berlin_time_in_summer():
    hours = weekly_hours(*OFFICE_WEEK)

    # 08:30 UTC is 10:30 in Berlin (CEST, UTC+2): open.
    status = opening_status(hours, dt.datetime(2024, 6, 3, 8, 30, tzinfo=UTC))
    assert status.is_open
    assert status.until == on(0, 12)

    # 10:30 UTC is 12:30 in Berlin: closed, although 10:30 would be open.
    status = opening_status(hours, dt.datetime(2024, 6, 3, 10, 30, tzinfo=UTC))
    assert not status.is_open
    assert status.next_open == on(0, 14)


def test_it_reads_a_utc_moment_in_berlin_time_in_winter():
    hours = weekly_hours(*OFFICE_WEEK)

    # 8 January 2024 is a Monday; 09:30 UTC is 10:30 in Berlin (CET, UTC+1).
    status = opening_status(hours, dt.datetime(2024, 1, 8, 9, 30, tzinfo=UTC))

    assert status.is_open
    assert status.until == berlin(dt.date(2024, 1, 8), 12)


def test_the_next_opening_keeps_its_wall_clock_time_across_the_change_to_summer_time():
    hours = weekly_hours(*OFFICE_WEEK)
    # Summer time starts on Sunday 31 March 2024; Thursday 28 March evening.
    status = opening_status(hours, berlin(dt.date(2024, 3, 28), 18))

    assert status.next_open == berlin(dt.date(2024, 4, 1), 10)
    assert status.next_open.astimezone(UTC).hour == 8
