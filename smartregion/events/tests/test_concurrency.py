"""Registrations at the same moment, with real threads on PostgreSQL.

SQLite has no row locks to test (its IMMEDIATE transactions let one writer
in at a time), so these run only when the suite runs on PostgreSQL, as CI
does."""

from django.core import mail

from smartregion.events.actions import cancel_registration, register_member
from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, verified_people
from smartregion.lib.tests.concurrency import only_on_postgresql, run_at_once

Status = EventRegistration.Status

pytestmark = only_on_postgresql


def test_fifty_people_for_ten_seats_give_ten_confirmed_and_forty_waiting_in_order(transactional_db):
    event = EventFactory(capacity=10)
    people = verified_people(50)

    results, errors = run_at_once(lambda person: register_member(event, person), people)

    assert errors == []
    assert len(results) == 50
    registrations = list(event.registrations.order_by("pk"))
    assert len(registrations) == 50
    confirmed = [r for r in registrations if r.status == Status.CONFIRMED]
    waiting = [r for r in registrations if r.status == Status.WAITLISTED]
    assert (len(confirmed), len(waiting)) == (10, 40)
    # Arrival order is the order in which the lock let people in: the
    # first ten got the seats, and the waitlist follows the same order.
    assert max(r.pk for r in confirmed) < min(r.pk for r in waiting)
    assert list(event.registrations.waiting()) == waiting
    assert [r.confirmed_at for r in waiting] == sorted(r.confirmed_at for r in waiting)
    subjects = [message.subject.split(":")[0] for message in mail.outbox]
    assert subjects.count("Anmeldung bestätigt") == 10
    assert subjects.count("Sie stehen auf der Warteliste") == 40


def test_the_same_person_clicking_twice_at_once_registers_once(transactional_db):
    event = EventFactory(capacity=10)
    [person] = verified_people(1)

    results, errors = run_at_once(lambda _: register_member(event, person), range(5))

    assert errors == []
    assert len({registration.pk for registration in results}) == 1
    assert EventRegistration.objects.filter(event=event).count() == 1


def test_cancellations_at_once_promote_one_each(transactional_db):
    event = EventFactory(capacity=5)
    registrations = [register_member(event, person) for person in verified_people(12)]

    results, errors = run_at_once(cancel_registration, registrations[:5])

    assert errors == []
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == [Status.CANCELLED] * 5 + [Status.CONFIRMED] * 5 + [Status.WAITLISTED] * 2
