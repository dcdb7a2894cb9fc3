"""The e-mails about registrations, built from the templates
events/email/<kind>_subject.txt and <kind>_message.txt.

Every mail that confirms a seat carries the event's .ics file, and every
mail to a registered person carries the cancellation link, which works
without an account (the registration's token).
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from smartregion.events import ical
from smartregion.region.models import RegionSettings


class Kind:
    GUEST_CONFIRMATION = "guest_confirmation"
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    PROMOTED = "promoted"
    CANCELLED = "cancelled"
    REMINDER = "reminder"

    ALL = [GUEST_CONFIRMATION, CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, REMINDER]
    # The mails that tell a person they have a seat.
    WITH_SEAT = [CONFIRMED, PROMOTED, REMINDER]


def cancel_url(registration) -> str:
    return ical.site_url(reverse("events:cancel-registration", args=[registration.token]))


def confirm_url(registration) -> str:
    return ical.site_url(reverse("events:confirm-registration", args=[registration.token]))


def event_when(event) -> str:
    """Date and time of `event` in words, in Europe/Berlin."""
    start = timezone.localtime(event.starts_at)
    end = timezone.localtime(event.ends_at)
    if event.all_day:
        if start.date() == end.date():
            return _("%(date)s, ganztägig") % {"date": date_format(start, "l, j. F Y")}
        return _("%(start)s bis %(end)s, ganztägig") % {
            "start": date_format(start, "l, j. F Y"),
            "end": date_format(end, "l, j. F Y"),
        }
    if start.date() == end.date():
        return _("%(date)s, %(start)s bis %(end)s Uhr") % {
            "date": date_format(start, "l, j. F Y"),
            "start": time_format(start, "H:i"),
            "end": time_format(end, "H:i"),
        }
    return _("%(start)s Uhr bis %(end)s Uhr") % {
        "start": date_format(start, "l, j. F Y, H:i"),
        "end": date_format(end, "l, j. F Y, H:i"),
    }


def event_place(event) -> str:
    lines = [event.venue, *(line.strip() for line in event.address.splitlines())]
    place = ", ".join(line for line in lines if line)
    if not place and event.online_url:
        return gettext("Online")
    return place


def registration_mail(registration, kind: str, *, site_name: str | None = None) -> EmailMessage:
    """The mail of `kind` (a Kind) to the person behind `registration`."""
    if kind not in Kind.ALL:
        raise ValueError(f"Unknown registration mail {kind!r}.")
    event = registration.event
    with_seat = kind in Kind.WITH_SEAT
    online_url = event.online_url if with_seat else ""
    context = {
        "registration": registration,
        "event": event,
        "name": registration.display_name,
        "when": event_when(event),
        "place": event_place(event),
        "event_url": ical.site_url(event.get_absolute_url()),
        "cancel_url": cancel_url(registration),
        "online_url": online_url,
        "site_name": site_name or RegionSettings.load().name,
        "site_url": settings.SITE_URL + "/",
    }
    if kind == Kind.GUEST_CONFIRMATION:
        context["confirm_url"] = confirm_url(registration)
        context["expires_at"] = timezone.localtime(registration.confirmation_expires_at)
    message = EmailMessage(
        subject=_render(f"events/email/{kind}_subject.txt", context).strip().replace("\n", " "),
        body=_render(f"events/email/{kind}_message.txt", context),
        to=[registration.contact_email],
    )
    if with_seat:
        message.attach("veranstaltung.ics", ical.event_calendar(event, online_url=online_url), "text/calendar")
    return message


def message_mail(registration, subject: str, text: str, *, site_name: str) -> EmailMessage:
    """Staff's message to everyone registered for an event."""
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "name": registration.display_name,
        "text": text,
        "when": event_when(event),
        "place": event_place(event),
        "event_url": ical.site_url(event.get_absolute_url()),
        "cancel_url": cancel_url(registration),
        "site_name": site_name,
        "site_url": settings.SITE_URL + "/",
    }
    return EmailMessage(
        subject=subject.strip().replace("\n", " "),
        body=_render("events/email/message_message.txt", context),
        to=[registration.contact_email],
    )


def send_registration_mail(registration, kind: str) -> None:
    if registration.contact_email:
        registration_mail(registration, kind).send()


def send_messages(messages) -> int:
    """Send `messages` over one connection; each has one recipient, so
    nobody sees the others' addresses."""
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages)


def _render(template_name, context) -> str:
    return render_to_string(template_name, context)
