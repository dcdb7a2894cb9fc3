import datetime as dt
import io

from django.core import mail
from django.core.management import call_command

from smartregion.events.models import Event, EventRegistration
from smartregion.events.tasks import send_reminders
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

Status = EventRegistration.Status


def test_confirmed_people_of_tomorrows_events_get_one_reminder(db):
    tomorrow = EventFactory(title="Morgen", starts_at=in_days(1, 18), ends_at=in_days(1, 20))
    confirmed = RegistrationFactory(event=tomorrow)
    guest = RegistrationFactory(event=tomorrow, user=None, name="Gast", email="gast@example.org")
    RegistrationFactory(event=tomorrow, status=Status.WAITLISTED)
    RegistrationFactory(event=tomorrow, status=Status.CANCELLED)
    RegistrationFactory(event=tomorrow, user=None, name="Ohne Adresse", email="")
    RegistrationFactory(event=EventFactory(starts_at=in_days(2, 10), ends_at=in_days(2, 12)))
    RegistrationFactory(event=EventFactory(starts_at=in_days(0, 23), ends_at=in_days(1, 1)))
    RegistrationFactory(
        event=EventFactory(status=Event.Status.CANCELLED, starts_at=in_days(1, 10), ends_at=in_days(1, 12))
    )

    result = send_reminders.enqueue()

    assert result.return_value == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([confirmed.user.email, "gast@example.org"])
    message = mail.outbox[0]
    assert message.subject == "Erinnerung: morgen findet „Morgen“ statt"
    assert message.attachments[0][2] == "text/calendar"
    confirmed.refresh_from_db()
    guest.refresh_from_db()
    assert confirmed.reminder_sent_at is not None
    assert guest.token in next(m.body for m in mail.outbox if m.to == ["gast@example.org"])


def test_a_second_run_sends_nothing(db):
    tomorrow = EventFactory(starts_at=in_days(1, 9), ends_at=in_days(1, 11))
    RegistrationFactory(event=tomorrow)

    assert send_reminders.enqueue().return_value == 1
    assert send_reminders.enqueue().return_value == 0
    assert len(mail.outbox) == 1


def test_tomorrow_is_the_day_in_berlin(db):
    # 23:30 UTC on the 1st is already the 2nd in Berlin, so "tomorrow" is
    # the 3rd.
    from smartregion.events.tasks import send_due_reminders

    now = dt.datetime(2026, 6, 1, 23, 30, tzinfo=dt.UTC)
    third = EventFactory(
        starts_at=dt.datetime(2026, 6, 3, 0, 30, tzinfo=dt.UTC), ends_at=dt.datetime(2026, 6, 3, 2, 0, tzinfo=dt.UTC)
    )
    second = EventFactory(
        starts_at=dt.datetime(2026, 6, 2, 12, 0, tzinfo=dt.UTC), ends_at=dt.datetime(2026, 6, 2, 13, 0, tzinfo=dt.UTC)
    )
    RegistrationFactory(event=third)
    RegistrationFactory(event=second)

    assert send_due_reminders(now) == 1
    assert mail.outbox[0].subject.endswith(f"„{third.title}“ statt")


def test_the_command_sends_the_reminders_in_development(db):
    RegistrationFactory(event=EventFactory(starts_at=in_days(1, 9), ends_at=in_days(1, 11)))

    output = io.StringIO()
    call_command("send_event_reminders", stdout=output)
    call_command("send_event_reminders", stdout=output)

    assert len(mail.outbox) == 1
    assert output.getvalue().splitlines()[0].startswith("1 reminder(s) sent")
