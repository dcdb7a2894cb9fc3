"""Background work of the events app (django-tasks): the mails about
registrations and the reminders the day before. The immediate backend runs
them at once in development and tests; production runs a worker."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from smartregion.events import emails
from smartregion.events.models import Event, EventRegistration
from smartregion.region.models import RegionSettings


@task()
def send_registration_mail(registration_id: int, kind: str) -> None:
    registration = EventRegistration.objects.select_related("event", "user").filter(pk=registration_id).first()
    if registration is not None:
        emails.send_registration_mail(registration, kind)


@task()
def send_event_message(registration_ids: list[int], subject: str, text: str) -> int:
    registrations = EventRegistration.objects.select_related("event", "user").filter(
        pk__in=registration_ids, status=EventRegistration.Status.CONFIRMED
    )
    site_name = RegionSettings.load().name
    messages = [
        emails.message_mail(registration, subject, text, site_name=site_name)
        for registration in registrations.order_by("pk")
        if registration.contact_email
    ]
    return emails.send_messages(messages)


def events_starting_tomorrow(now=None):
    """Published events whose first day is tomorrow in Europe/Berlin."""
    today = timezone.localdate(now or timezone.now())
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(today + dt.timedelta(days=2), dt.time.min, tzinfo=tz)
    return Event.objects.published().filter(starts_at__gte=start, starts_at__lt=end)


def send_due_reminders(now=None) -> int:
    """Mail every confirmed person of an event starting tomorrow, once per
    registration: each row is claimed by setting reminder_sent_at before
    its mail goes out, so two workers never send the same reminder. A mail
    that fails gives the claim back for the next run. Returns the number
    of reminders sent."""
    now = now or timezone.now()
    candidates = (
        EventRegistration.objects.filter(
            event__in=events_starting_tomorrow(now),
            status=EventRegistration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
        )
        .select_related("event", "user")
        .order_by("event__starts_at", "pk")
    )
    site_name = RegionSettings.load().name
    sent = 0
    for registration in candidates:
        if not registration.contact_email:
            continue
        with transaction.atomic():
            claimed = EventRegistration.objects.filter(
                pk=registration.pk, status=EventRegistration.Status.CONFIRMED, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
        if not claimed:
            continue
        try:
            emails.registration_mail(registration, emails.Kind.REMINDER, site_name=site_name).send()
        except Exception:
            EventRegistration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            raise
        sent += 1
    return sent


@task()
def send_reminders() -> int:
    """Run daily (e.g. every morning) by the worker's scheduler."""
    return send_due_reminders()
