import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from smartregion.events.actions import RegistrationClosed, register_member
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

Status = EventRegistration.Status


def test_a_member_gets_a_seat_and_a_mail_with_the_ics_and_the_cancellation_link(
    verified_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=10, title="Kommunaldialog Mayen")

    with django_capture_on_commit_callbacks(execute=True):
        registration = register_member(event, verified_citizen, accessibility_needs=" Rollstuhlplatz ")

    assert registration.status == Status.CONFIRMED
    assert registration.confirmed_at is not None
    assert registration.accessibility_needs == "Rollstuhlplatz"
    [message] = mail.outbox
    assert message.to == ["citizen@example.org"]
    assert message.subject == "Anmeldung bestätigt: Kommunaldialog Mayen"
    assert reverse("events:cancel-registration", args=[registration.token]) in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar"
    assert "Kommunaldialog Mayen" in content


def test_a_second_registration_returns_the_first_and_sends_nothing(
    verified_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        first = register_member(event, verified_citizen)
    with django_capture_on_commit_callbacks(execute=True):
        second = register_member(event, verified_citizen, answer="noch einmal")

    assert second.pk == first.pk
    assert EventRegistration.objects.filter(event=event).count() == 1
    assert len(mail.outbox) == 1


def test_the_database_refuses_a_second_active_registration(verified_citizen):
    event = EventFactory()
    RegistrationFactory(event=event, user=verified_citizen)

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=event, user=verified_citizen, status=Status.WAITLISTED)


def test_a_member_who_cancelled_can_register_again(verified_citizen):
    event = EventFactory()
    RegistrationFactory(event=event, user=verified_citizen, status=Status.CANCELLED)

    registration = register_member(event, verified_citizen)

    assert registration.status == Status.CONFIRMED
    assert EventRegistration.objects.filter(event=event).count() == 2


def test_without_a_limit_everyone_gets_a_seat(verified_citizen, verified_other_citizen):
    event = EventFactory(capacity=None)

    assert register_member(event, verified_citizen).status == Status.CONFIRMED
    assert register_member(event, verified_other_citizen).status == Status.CONFIRMED


def test_the_online_link_is_in_the_confirmation_of_an_online_event(
    verified_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(venue="", address="", online_url="https://konferenz.example.org/raum-42")

    with django_capture_on_commit_callbacks(execute=True):
        register_member(event, verified_citizen)

    [message] = mail.outbox
    assert "https://konferenz.example.org/raum-42" in message.body
    assert "konferenz.example.org/raum-42" in message.attachments[0][1].replace("\r\n ", "")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"registration_deadline": timezone.now() - dt.timedelta(minutes=1)}, id="after-deadline"),
        pytest.param({"registration": Event.Registration.INVITATION}, id="by-invitation"),
        pytest.param({"registration": Event.Registration.NONE}, id="no-registration"),
        pytest.param({"status": Event.Status.CANCELLED}, id="cancelled"),
        pytest.param({"status": Event.Status.DRAFT}, id="draft"),
        pytest.param(
            {"starts_at": in_days(-1, 10), "ends_at": in_days(-1, 12)},
            id="past",
        ),
    ],
)
def test_registration_is_closed(verified_citizen, changes):
    event = EventFactory(**changes)

    with pytest.raises(RegistrationClosed):
        register_member(event, verified_citizen)

    assert not EventRegistration.objects.exists()


def test_registration_is_open_until_the_deadline(verified_citizen):
    deadline = in_days(7, 12)
    event = EventFactory(registration_deadline=deadline)

    register_member(event, verified_citizen, now=deadline - dt.timedelta(seconds=1))
    with pytest.raises(RegistrationClosed):
        register_member(EventFactory(registration_deadline=deadline), verified_citizen, now=deadline)
