import pytest
from django.core import mail

from smartregion.events.actions import (
    RegistrationClosed,
    add_registration_by_staff,
    mark_attendance,
    message_registered,
    register_guest,
    register_member,
)
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

Status = EventRegistration.Status
Channel = EventRegistration.Channel


def test_staff_add_a_phone_registration_even_after_the_deadline(editor, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, registration=Event.Registration.INVITATION, registration_deadline=in_days(-1))

    with django_capture_on_commit_callbacks(execute=True):
        first = add_registration_by_staff(event, name=" Frau Anruf ", staff_user=editor, channel=Channel.PHONE)
        second = add_registration_by_staff(
            event, name="Herr Post", email="Post@Example.org", staff_user=editor, channel=Channel.MAIL
        )

    assert (first.status, first.name, first.entered_by, first.channel) == (
        Status.CONFIRMED,
        "Frau Anruf",
        editor,
        Channel.PHONE,
    )
    assert (second.status, second.email) == (Status.WAITLISTED, "post@example.org")
    # Only the person with an address gets a mail.
    [message] = mail.outbox
    assert message.to == ["post@example.org"]
    assert second.token in message.body


def test_staff_confirm_a_guest_who_has_not_clicked_the_link(editor):
    event = EventFactory()
    guest = register_guest(event, "Gast", "gast@example.org")

    registration = add_registration_by_staff(event, name="Gast", email="gast@example.org", staff_user=editor)

    assert registration.pk == guest.pk
    assert registration.status == Status.CONFIRMED


def test_staff_cannot_add_people_to_a_cancelled_event(editor):
    with pytest.raises(RegistrationClosed):
        add_registration_by_staff(EventFactory(status=Event.Status.CANCELLED), name="X", staff_user=editor)


def test_attendance_is_marked_and_unmarked(db):
    registration = RegistrationFactory()

    mark_attendance(registration, True)
    registration.refresh_from_db()
    assert registration.attended is True
    mark_attendance(registration, None)
    registration.refresh_from_db()
    assert registration.attended is None


def test_a_message_goes_to_everyone_with_a_seat_one_mail_each(
    verified_citizen, editor, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=2, title="Zukunftswerkstatt")
    register_member(event, verified_citizen)
    add_registration_by_staff(event, name="Ohne Adresse", staff_user=editor)
    RegistrationFactory(event=event, status=Status.WAITLISTED)
    register_guest(event, "Unbestätigt", "offen@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        count = message_registered(event, " Raumänderung ", "Wir treffen uns im Saal 2.", staff_user=editor)

    assert count == 1
    [message] = [m for m in mail.outbox if m.subject == "Raumänderung"]
    assert message.to == ["citizen@example.org"]
    assert "Wir treffen uns im Saal 2." in message.body
    assert "Zukunftswerkstatt" in message.body


def test_an_empty_message_is_refused(editor):
    with pytest.raises(ValueError):
        message_registered(EventFactory(), "", "Text", staff_user=editor)
