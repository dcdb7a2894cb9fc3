"""`seed_demo` adds demo events relative to today: upcoming ones (the next
Zukunftsforum, four Kommunaldialoge, training, talk series, expert board)
and two past ones with documentation. A second run changes nothing. The
demo is seeded once for this module (`seeded`); how the dates follow the day
of seeding is in test_demo_event_dates.py."""

from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from smartregion.demo import loader
from smartregion.events.models import Event, EventRegistration

Status = EventRegistration.Status
REGION = loader.region_folder("myk10")


def seed():
    call_command("seed_demo", stdout=StringIO())


def snapshot():
    events = sorted(Event.objects.values_list("pk", "title", "starts_at", "capacity", "updated_at"))
    registrations = sorted(EventRegistration.objects.values_list("pk", "event_id", "status", "token"))
    return events, registrations


def test_a_second_run_changes_nothing(seeded):
    before = snapshot()

    seed()

    assert snapshot() == before
    assert len(before[0]) == len(REGION.read("events")["events"])


def test_an_event_edited_by_staff_is_left_alone(seeded):
    forum = Event.objects.get(kind=Event.Kind.ZUKUNFTSFORUM)
    forum.capacity = 250
    forum.summary = "Von der Redaktion geändert."
    forum.save()

    seed()

    forum.refresh_from_db()
    assert (forum.capacity, forum.summary) == (250, "Von der Redaktion geändert.")


def test_a_deleted_event_comes_back(seeded):
    Event.objects.filter(kind=Event.Kind.FORTBILDUNG).delete()

    seed()

    assert Event.objects.filter(kind=Event.Kind.FORTBILDUNG).count() == 1


def test_there_are_upcoming_and_past_events(seeded):
    published = Event.objects.published()

    assert published.upcoming().count() == len(REGION.read("events")["events"]) - 2
    past = list(published.past())
    assert len(past) == 2
    for event in past:
        assert len(event.documentation) > 0, event


def test_the_next_zukunftsforum_is_in_about_two_months_for_200_people(seeded):
    forum = Event.objects.get(kind=Event.Kind.ZUKUNFTSFORUM)

    assert 50 <= (timezone.localdate(forum.starts_at) - timezone.localdate()).days <= 70
    assert forum.capacity == 200
    assert forum.registration == Event.Registration.OPEN


def test_four_kommunaldialoge_in_four_municipalities_by_day_and_evening(seeded):
    dialogues = Event.objects.filter(kind=Event.Kind.KOMMUNALDIALOG).select_related("municipality")

    places = {event.municipality.slug for event in dialogues}
    assert places == {"mendig", "vallendar", "pellenz", "maifeld"}
    for slug in places:
        stand, evening = sorted(
            (event for event in dialogues if event.municipality.slug == slug), key=lambda event: event.starts_at
        )
        assert stand.registration == Event.Registration.NONE
        assert timezone.localtime(stand.starts_at).hour < 14
        assert evening.registration == Event.Registration.OPEN
        assert timezone.localtime(evening.starts_at).hour >= 18
        assert evening.capacity == 40


def test_one_dialogue_is_full_with_a_waitlist_and_one_nearly_full(seeded):
    evenings = Event.objects.filter(kind=Event.Kind.KOMMUNALDIALOG, capacity=40)
    taken = {event.municipality.slug: event.registrations.holding_a_seat().count() for event in evenings}
    waiting = {event.municipality.slug: event.registrations.waiting().count() for event in evenings}

    assert (taken["mendig"], waiting["mendig"]) == (40, 3)
    assert 35 <= taken["vallendar"] < 40


def test_training_at_the_office_talk_online_and_board_by_invitation(seeded):
    training = Event.objects.get(kind=Event.Kind.FORTBILDUNG)
    talk = Event.objects.get(kind=Event.Kind.GESPRAECHSREIHE)
    board = Event.objects.get(kind=Event.Kind.EXPERTENBEIRAT)

    assert "Bahnhofstraße 22" in training.address
    assert training.capacity == 12
    assert talk.is_online
    assert board.registration == Event.Registration.INVITATION
