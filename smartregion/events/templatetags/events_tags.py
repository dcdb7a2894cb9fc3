"""Template helpers of the events: when an event takes place, in words, and
the registrations of the person looking at their profile."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _end_date(event):
    """The last day of the event. An all-day event ending at midnight ends
    on the day before."""
    end = timezone.localtime(event.ends_at)
    if event.all_day and end.time() == dt.time(0) and end > timezone.localtime(event.starts_at):
        return (end - dt.timedelta(days=1)).date()
    return end.date()


def event_when_text(event) -> str:
    """When `event` takes place, in the site's time zone (Europe/Berlin):
    one day with times, one whole day, several whole days, or several days
    with times."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    first_day, last_day = start.date(), _end_date(event)
    day = date_format(first_day, "l, j. F Y")
    if event.all_day:
        if first_day == last_day:
            return _("%(day)s, ganztägig") % {"day": day}
        return _("%(first)s bis %(last)s, ganztägig") % {
            "first": day,
            "last": date_format(last_day, "l, j. F Y"),
        }
    if first_day == last_day:
        return _("%(day)s, %(start)s bis %(end)s Uhr") % {
            "day": day,
            "start": date_format(start, "H:i"),
            "end": date_format(end, "H:i"),
        }
    return _("%(day)s, %(start)s Uhr bis %(last)s, %(end)s Uhr") % {
        "day": day,
        "start": date_format(start, "H:i"),
        "last": date_format(last_day, "l, j. F Y"),
        "end": date_format(end, "H:i"),
    }


@register.simple_tag
def event_when(event):
    """`event_when_text` in a <time> element whose datetime is the start."""
    start = timezone.localtime(event.starts_at)
    machine = start.date().isoformat() if event.all_day else start.isoformat(timespec="minutes")
    return format_html('<time datetime="{}">{}</time>', machine, event_when_text(event))


@register.simple_tag
def registrations_of(user):
    """The active and recent registrations of `user`, events next first,
    for the profile (one query)."""
    from smartregion.events.models import EventRegistration

    if not user.is_authenticated:
        return []
    return list(
        EventRegistration.objects.filter(
            user=user, status__in=EventRegistration.ACTIVE, event__ends_at__gte=timezone.now()
        )
        .select_related("event")
        .defer("event__description", "event__documentation")
        .order_by("event__starts_at", "event__pk")
    )
