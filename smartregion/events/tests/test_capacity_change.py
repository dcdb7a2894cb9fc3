from django.core import mail

from smartregion.events.actions import cancel_registration, change_capacity, fill_free_seats, register_member
from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, verified_people

Status = EventRegistration.Status


def test_fewer_seats_never_cancel_confirmed_people(db):
    event = EventFactory(capacity=3)
    registrations = [register_member(event, person) for person in verified_people(4)]

    change_capacity(event, 1)

    event.refresh_from_db()
    assert event.capacity == 1
    assert list(event.registrations.values_list("status", flat=True)) == [Status.CONFIRMED] * 3 + [Status.WAITLISTED]
    # Overbooked: someone new waits, and a cancellation frees no seat.
    newcomer = register_member(event, verified_people(1, prefix="new")[0])
    assert newcomer.status == Status.WAITLISTED
    cancel_registration(registrations[0])
    assert event.registrations.holding_a_seat().count() == 2
    assert event.registrations.waiting().count() == 2


def test_more_seats_promote_from_the_waitlist_in_order(db, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    registrations = [register_member(event, person) for person in verified_people(4)]

    with django_capture_on_commit_callbacks(execute=True):
        promoted = change_capacity(event, 3)

    assert [r.pk for r in promoted] == [registrations[1].pk, registrations[2].pk]
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED] * 3 + [Status.WAITLISTED]
    assert sorted(m.to[0] for m in mail.outbox) == ["person1@example.org", "person2@example.org"]
    assert all(m.subject.startswith("Ein Platz ist frei geworden") for m in mail.outbox)


def test_removing_the_limit_promotes_everyone(db):
    event = EventFactory(capacity=1)
    for person in verified_people(3):
        register_member(event, person)

    change_capacity(event, None)

    assert event.registrations.holding_a_seat().count() == 3


def test_seats_added_in_the_backend_form_are_filled(db):
    event = EventFactory(capacity=1)
    for person in verified_people(3):
        register_member(event, person)
    event.capacity = 2
    event.save()

    [promoted] = fill_free_seats(event)

    assert promoted.user.email == "person1@example.org"
    assert event.registrations.holding_a_seat().count() == 2
