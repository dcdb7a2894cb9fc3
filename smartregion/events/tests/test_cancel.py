from django.core import mail

from smartregion.events.actions import cancel_registration, register_guest, register_member
from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, verified_people

Status = EventRegistration.Status


def test_a_cancellation_promotes_exactly_one_in_arrival_order(db, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    first, second, third, fourth = [register_member(event, person) for person in verified_people(4)]
    assert (third.status, fourth.status) == (Status.WAITLISTED, Status.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = cancel_registration(first)

    assert cancelled.status == Status.CANCELLED
    assert cancelled.cancelled_at is not None
    statuses = dict(event.registrations.values_list("pk", "status"))
    assert statuses == {
        first.pk: Status.CANCELLED,
        second.pk: Status.CONFIRMED,
        third.pk: Status.CONFIRMED,
        fourth.pk: Status.WAITLISTED,
    }
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"person0@example.org", "person2@example.org"}
    assert by_recipient["person0@example.org"].subject.startswith("Abmeldung bestätigt")
    promoted = by_recipient["person2@example.org"]
    assert promoted.subject.startswith("Ein Platz ist frei geworden")
    assert promoted.attachments[0][2] == "text/calendar"
    assert third.token in promoted.body


def test_leaving_the_waitlist_promotes_nobody(db):
    event = EventFactory(capacity=1)
    first, second, third = [register_member(event, person) for person in verified_people(3)]

    cancel_registration(second)

    assert dict(event.registrations.values_list("pk", "status")) == {
        first.pk: Status.CONFIRMED,
        second.pk: Status.CANCELLED,
        third.pk: Status.WAITLISTED,
    }


def test_cancelling_twice_changes_nothing_and_sends_nothing(verified_citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    registration = register_member(event, verified_citizen)
    cancel_registration(registration)
    waiting = register_member(event, verified_people(1)[0])
    assert waiting.status == Status.CONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        again = cancel_registration(registration)

    assert again.status == Status.CANCELLED
    assert mail.outbox == []
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_a_guest_cancels_an_unconfirmed_registration_without_a_mail(db, django_capture_on_commit_callbacks):
    guest = register_guest(EventFactory(), "Gast", "gast@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(guest)

    guest.refresh_from_db()
    assert guest.status == Status.CANCELLED
    assert mail.outbox == []
