import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from smartregion.events.actions import (
    InvalidLink,
    LinkAlreadyUsed,
    LinkExpired,
    RegistrationClosed,
    confirm_guest,
    expire_unconfirmed,
    register_guest,
    register_member,
)
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, in_days

Status = EventRegistration.Status


def test_a_guest_gets_a_confirmation_link_and_holds_nothing_until_then(
    verified_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)

    with django_capture_on_commit_callbacks(execute=True):
        guest = register_guest(event, " Gast Person ", " Gast@Example.org ", answer="Mobilität")

    assert guest.status == Status.UNCONFIRMED
    assert (guest.name, guest.email, guest.answer) == ("Gast Person", "gast@example.org", "Mobilität")
    [message] = mail.outbox
    assert message.to == ["gast@example.org"]
    assert reverse("events:confirm-registration", args=[guest.token]) in message.body
    assert message.attachments == []
    # The only seat is still free for a member.
    assert register_member(event, verified_citizen).status == Status.CONFIRMED


def test_confirming_gives_a_seat_and_sends_the_ics_and_the_cancellation_link(db, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, venue="", address="", online_url="https://konferenz.example.org/r")
    guest = register_guest(event, "Gast", "gast@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = confirm_guest(guest.token)

    assert confirmed.status == Status.CONFIRMED
    [message] = mail.outbox
    assert message.subject.startswith("Anmeldung bestätigt")
    assert reverse("events:cancel-registration", args=[guest.token]) in message.body
    assert "https://konferenz.example.org/r" in message.body
    assert message.attachments[0][2] == "text/calendar"


def test_a_guest_confirming_when_full_joins_the_waitlist(verified_citizen):
    event = EventFactory(capacity=1)
    guest = register_guest(event, "Gast", "gast@example.org")
    register_member(event, verified_citizen)

    assert confirm_guest(guest.token).status == Status.WAITLISTED


def test_the_link_works_only_once(db):
    guest = register_guest(EventFactory(), "Gast", "gast@example.org")
    confirm_guest(guest.token)

    with pytest.raises(LinkAlreadyUsed) as error:
        confirm_guest(guest.token)
    assert "bereits benutzt" in str(error.value.message)


def test_an_unknown_link_is_refused(db):
    with pytest.raises(InvalidLink):
        confirm_guest("nicht-vorhanden")


def test_the_link_expires_after_48_hours(db):
    event = EventFactory(starts_at=in_days(30), ends_at=in_days(30, 20))
    guest = register_guest(event, "Gast", "gast@example.org")

    with pytest.raises(LinkExpired):
        confirm_guest(guest.token, now=guest.created_at + dt.timedelta(hours=48))

    guest.refresh_from_db()
    assert guest.status == Status.EXPIRED
    with pytest.raises(LinkExpired):
        confirm_guest(guest.token)


def test_the_link_expires_at_the_deadline_when_that_comes_first(db):
    deadline = in_days(1, 12)
    event = EventFactory(registration_deadline=deadline)
    guest = register_guest(event, "Gast", "gast@example.org", now=deadline - dt.timedelta(hours=2))

    with pytest.raises(LinkExpired):
        confirm_guest(guest.token, now=deadline)


def test_a_guest_who_never_confirms_holds_no_seat_and_expires(verified_citizen, verified_other_citizen):
    event = EventFactory(capacity=1)
    guest = register_guest(event, "Gast", "gast@example.org")

    assert register_member(event, verified_citizen).status == Status.CONFIRMED
    assert register_member(event, verified_other_citizen).status == Status.WAITLISTED
    assert expire_unconfirmed(now=guest.created_at + dt.timedelta(hours=47)) == 0
    assert expire_unconfirmed(now=guest.created_at + dt.timedelta(hours=48)) == 1

    guest.refresh_from_db()
    assert guest.status == Status.EXPIRED
    assert event.registrations.holding_a_seat().count() == 1


def test_the_same_address_again_gets_its_registration_and_the_link_again(db, django_capture_on_commit_callbacks):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = register_guest(event, "Gast", "gast@example.org")
        again = register_guest(event, "Gast", "GAST@example.org")

    assert again.pk == first.pk
    assert [m.subject.startswith("Bitte bestätigen") for m in mail.outbox] == [True, True]


def test_an_expired_registration_makes_room_for_a_new_one(db):
    event = EventFactory(starts_at=in_days(30), ends_at=in_days(30, 20))
    first = register_guest(event, "Gast", "gast@example.org")

    again = register_guest(event, "Gast", "gast@example.org", now=first.created_at + dt.timedelta(days=3))

    assert again.pk != first.pk
    first.refresh_from_db()
    assert first.status == Status.EXPIRED


def test_confirming_for_an_event_cancelled_meanwhile_is_refused(db):
    event = EventFactory()
    guest = register_guest(event, "Gast", "gast@example.org")
    Event.objects.filter(pk=event.pk).update(status=Event.Status.CANCELLED)

    with pytest.raises(RegistrationClosed):
        confirm_guest(guest.token)
    guest.refresh_from_db()
    assert guest.status == Status.UNCONFIRMED
