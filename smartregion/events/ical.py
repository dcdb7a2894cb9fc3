"""Calendar files (iCalendar, RFC 5545) for one event and for feeds.

Times are written in Europe/Berlin (the site's TIME_ZONE) with a VTIMEZONE
component, so that calendar apps show the local time the event was planned
in, also across a change of daylight saving time. All-day events are DATE
values with an exclusive end date, as RFC 5545 wants them.
"""

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

PRODID = "-//smartregion//Veranstaltungen//DE"


def site_url(path: str) -> str:
    """An absolute URL on this site for `path` (as from reverse())."""
    return settings.SITE_URL + path


def event_uid(event) -> str:
    # Stable across edits, so that a subscribed calendar updates the entry
    # instead of adding a second one.
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}"


def _description(event, extra: str = "") -> str:
    parts = [event.summary.strip()]
    text = strip_tags(event.description or "").strip()
    if text:
        parts.append(text)
    if extra:
        parts.append(extra)
    return normalize_newlines("\n\n".join(part for part in parts if part))


def _location(event) -> str:
    lines = [event.venue, *(line.strip() for line in event.address.splitlines())]
    return ", ".join(line for line in lines if line)


def build_vevent(event, *, online_url: str = "") -> icalendar.Event:
    """The VEVENT of `event`. `online_url` is given only in a registered
    person's own file: the join link is not public."""
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", event.updated_at or timezone.now())
    vevent.add("summary", event.title)
    if event.all_day:
        start = timezone.localdate(event.starts_at)
        end = timezone.localdate(event.ends_at)
        vevent.add("dtstart", start)
        vevent.add("dtend", end + dt.timedelta(days=1))
    else:
        vevent.add("dtstart", timezone.localtime(event.starts_at))
        vevent.add("dtend", timezone.localtime(event.ends_at))
    location = _location(event)
    if location:
        vevent.add("location", location)
    elif event.online_url:
        vevent.add("location", "Online")
    if event.latitude is not None and event.longitude is not None:
        vevent.add("geo", (event.latitude, event.longitude))
    vevent.add("url", site_url(event.get_absolute_url()))
    vevent.add("description", _description(event, online_url))
    if event.status == event.Status.CANCELLED:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "CONFIRMED")
    return vevent


def build_calendar(events, *, name: str = "", online_url_for=None) -> bytes:
    """An iCalendar file with one VEVENT per event in `events`, and the
    VTIMEZONE of Europe/Berlin when any event has a time.

    `online_url_for(event)` may return the join link to put into the
    description (a registered person's own file); feeds leave it out.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    first = last = None
    for event in events:
        online_url = online_url_for(event) if online_url_for else ""
        calendar.add_component(build_vevent(event, online_url=online_url))
        first = event.starts_at if first is None else min(first, event.starts_at)
        last = event.ends_at if last is None else max(last, event.ends_at)
    if first is not None:
        # Transitions from a year before the first event to a year after
        # the last one: enough for every client, small enough for a feed.
        calendar.add_missing_timezones(
            first_date=(timezone.localdate(first) - dt.timedelta(days=366)),
            last_date=(timezone.localdate(last) + dt.timedelta(days=366)),
        )
    return calendar.to_ical()


def event_calendar(event, *, online_url: str = "") -> bytes:
    """The .ics file of one event ("add to calendar", mail attachment)."""
    return build_calendar([event], online_url_for=(lambda _event: online_url) if online_url else None)
