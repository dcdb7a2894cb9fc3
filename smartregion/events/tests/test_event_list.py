"""/veranstaltungen/ and /veranstaltungen/archiv/: published events, the
next first, with filters by kind, municipality and topic, paginated."""

import re

import pytest

from smartregion.events.models import Event
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days
from smartregion.region.tests.factories import MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["events"]]


def test_it_lists_upcoming_published_events_the_next_first(client, page_tree):
    EventFactory(title="Später", starts_at=in_days(20))
    EventFactory(title="Bald", starts_at=in_days(2))
    EventFactory(title="Läuft gerade", starts_at=in_days(-1), ends_at=in_days(1))
    EventFactory(title="Vorbei", starts_at=in_days(-10))
    EventFactory(title="Entwurf", status=Event.Status.DRAFT)

    response = client.get("/veranstaltungen/")

    assert response.status_code == 200
    assert titles(response) == ["Läuft gerade", "Bald", "Später"]
    assert "Entwurf" not in response.text
    assert "Vorbei" not in response.text
    assert 'href="/veranstaltungen.ics"' in response.text


def test_the_archive_lists_past_events_the_most_recent_first(client, page_tree):
    EventFactory(title="Lange her", starts_at=in_days(-60))
    EventFactory(title="Letzte Woche", starts_at=in_days(-7))
    EventFactory(title="Kommt noch", starts_at=in_days(7))
    EventFactory(title="Alter Entwurf", starts_at=in_days(-3), status=Event.Status.DRAFT)

    response = client.get("/veranstaltungen/archiv/")

    assert response.status_code == 200
    assert titles(response) == ["Letzte Woche", "Lange her"]


def test_it_filters_by_kind_municipality_and_topic(client, page_tree, mayen):
    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")
    other = MunicipalityFactory(name="Bendorf", slug="bendorf")
    EventFactory(title="Dialog Mayen Mobilität", municipality=mayen, topics=[mobility])
    EventFactory(title="Dialog Mayen", municipality=mayen)
    EventFactory(title="Dialog Bendorf", municipality=other, topics=[mobility])
    EventFactory(title="Forum", kind=Event.Kind.ZUKUNFTSFORUM, municipality=mayen)

    assert titles(client.get("/veranstaltungen/?kind=zukunftsforum")) == ["Forum"]
    assert set(titles(client.get("/veranstaltungen/?municipality=mayen"))) == {
        "Dialog Mayen Mobilität",
        "Dialog Mayen",
        "Forum",
    }
    assert set(titles(client.get("/veranstaltungen/?topic=mobilitaet"))) == {
        "Dialog Mayen Mobilität",
        "Dialog Bendorf",
    }
    assert titles(client.get("/veranstaltungen/?kind=kommunaldialog&municipality=mayen&topic=mobilitaet")) == [
        "Dialog Mayen Mobilität"
    ]


def test_the_filter_form_keeps_the_chosen_values(client, page_tree, mayen):
    EventFactory(municipality=mayen)

    text = client.get("/veranstaltungen/?kind=zukunftsforum&municipality=mayen").text

    assert '<option value="zukunftsforum" selected>Zukunftsforum</option>' in text
    assert '<option value="mayen" selected>Mayen</option>' in text
    assert '<label for="id_kind">Art</label>' in text


def test_unknown_filter_values_are_ignored(client, page_tree):
    EventFactory(title="Dialog")

    response = client.get("/veranstaltungen/?kind=tanzkurs&municipality=atlantis&topic=nichts")

    assert response.status_code == 200
    assert titles(response) == ["Dialog"]


def test_an_empty_list_says_so(client, page_tree):
    response = client.get("/veranstaltungen/?kind=fortbildung")

    assert "Zurzeit sind keine passenden Veranstaltungen eingetragen." in response.text


def test_it_is_paginated_and_the_page_links_keep_the_filters(client, page_tree):
    for day in range(1, 23):
        EventFactory(title=f"Werkstatt {day:02d}", kind=Event.Kind.WERKSTATT, starts_at=in_days(day))
    EventFactory(title="Forum", kind=Event.Kind.ZUKUNFTSFORUM)

    first = client.get("/veranstaltungen/?kind=werkstatt")
    second = client.get("/veranstaltungen/?kind=werkstatt&seite=2")

    assert len(titles(first)) == 20
    assert titles(second) == ["Werkstatt 21", "Werkstatt 22"]
    assert 'href="?kind=werkstatt&amp;seite=2" rel="next"' in first.text
    assert "Seite 1 von 2" in first.text


def test_it_shows_date_time_and_place_in_berlin_time(client, page_tree, mayen):
    EventFactory(
        title="Dialog",
        venue="Alte Schule",
        municipality=mayen,
        starts_at=in_days(3, 18, 30),
        ends_at=in_days(3, 20, 0),
    )

    text = client.get("/veranstaltungen/").text

    assert re.search(
        r"<time datetime=\"\d{4}-\d\d-\d\dT18:30\+0[12]:00\">\w+, \d+\. \w+ \d{4}, 18:30 bis 20:00 Uhr</time>", text
    )
    assert "Alte Schule · Mayen" in text


def test_it_refuses_post(client, page_tree):
    assert client.post("/veranstaltungen/").status_code == 405


def add_events(count):
    municipality = MunicipalityFactory()
    topic = TopicFactory()
    for number in range(count):
        event = EventFactory(municipality=municipality, topics=[topic], capacity=10, starts_at=in_days(number + 1))
        RegistrationFactory(event=event)


# Queries of the event list, whatever the number of rows:
#  1 count of the filtered events (paginator)
#  2 the page of events with their municipality and confirmed seats
#  3 their topics (prefetch)
#  4 the municipalities of the filter form
#  5 the topics of the filter form
#  6 RegionSettings
#  7 site navigation: the live home page
#  8 site navigation: the menu pages
#  9 SiteLinks (footer)
EVENT_LIST_QUERIES = 9


def test_its_query_count_does_not_grow_with_more_rows(client, page_tree, django_assert_num_queries):
    add_events(2)
    client.get("/veranstaltungen/")  # fills Wagtail's caches and creates the settings rows

    with django_assert_num_queries(EVENT_LIST_QUERIES):
        client.get("/veranstaltungen/")

    add_events(15)

    with django_assert_num_queries(EVENT_LIST_QUERIES):
        response = client.get("/veranstaltungen/")
    assert len(response.context["events"]) == 17


def test_a_cancelled_event_stays_listed_as_cancelled(client, page_tree):
    EventFactory(title="Abgesagter Dialog", status=Event.Status.CANCELLED)

    response = client.get("/veranstaltungen/")

    assert titles(response) == ["Abgesagter Dialog"]
    assert "<strong>abgesagt</strong>" in response.text
