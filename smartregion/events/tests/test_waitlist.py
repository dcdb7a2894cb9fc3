from django.core import mail
from django.urls import reverse

from smartregion.events.actions import register_member
from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, verified_people

Status = EventRegistration.Status


def test_people_beyond_the_capacity_wait_in_arrival_order(db, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    people = verified_people(5)

    with django_capture_on_commit_callbacks(execute=True):
        registrations = [register_member(event, person) for person in people]

    assert [r.status for r in registrations] == [Status.CONFIRMED] * 2 + [Status.WAITLISTED] * 3
    waiting = list(event.registrations.waiting().values_list("user__email", flat=True))
    assert waiting == ["person2@example.org", "person3@example.org", "person4@example.org"]


def test_the_waitlist_mail_has_the_cancellation_link_but_no_seat(verified_citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=0, online_url="https://konferenz.example.org/raum-42")

    with django_capture_on_commit_callbacks(execute=True):
        registration = register_member(event, verified_citizen)

    assert registration.status == Status.WAITLISTED
    [message] = mail.outbox
    assert message.subject.startswith("Sie stehen auf der Warteliste")
    assert reverse("events:cancel-registration", args=[registration.token]) in message.body
    assert "konferenz.example.org" not in message.body
    assert message.attachments == []


def test_a_newcomer_does_not_jump_the_waitlist(db):
    event = EventFactory(capacity=1)
    first, second, third = verified_people(3)
    register_member(event, first)
    register_member(event, second)
    # A seat appears without the actions (staff edited the form): the
    # person waiting keeps precedence over someone new.
    event.capacity = 2
    event.save()

    assert register_member(event, third).status == Status.WAITLISTED
