"""/veranstaltungen/<id>/: when and where, accessibility, the online link
only for registered people, the map behind consent, seats and deadline, the
calendar download, the registration box in each state, documentation of
past events."""

import datetime as dt

import icalendar
import pytest

from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days
from smartregion.region.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_it_shows_time_place_and_accessibility(client, page_tree, mayen):
    event = EventFactory(
        title="Kommunaldialog Mayen",
        municipality=mayen,
        venue="Bürgerhaus",
        address="Marktplatz 1\n56727 Mayen",
        step_free=True,
        hearing_loop=True,
        accessibility_note="Behindertenparkplatz am Eingang.",
        # Summer time: 18:00 UTC is 20:00 in Berlin.
        starts_at=dt.datetime(2030, 4, 6, 18, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 4, 6, 20, 0, tzinfo=dt.UTC),
    )

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "<h1>Kommunaldialog Mayen</h1>" in text
    assert '<time datetime="2030-04-06T20:00+02:00">Samstag, 6. April 2030, 20:00 bis 22:00 Uhr</time>' in text
    assert "Bürgerhaus<br>Marktplatz 1<br>56727 Mayen" in text
    assert "<li>Stufenlos erreichbar</li>" in text
    assert "<li>Induktionsschleife für Hörgeräte</li>" in text
    assert "Behindertenparkplatz am Eingang." in text
    assert '<a href="/kommunen/mayen/">Mayen</a>' in text


def test_it_handles_all_day_and_multi_day_events(client, page_tree):
    one_day = EventFactory(
        all_day=True,
        starts_at=dt.datetime(2030, 6, 1, 0, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 6, 1, 20, 0, tzinfo=dt.UTC),
    )
    two_days = EventFactory(
        all_day=True,
        starts_at=dt.datetime(2030, 6, 1, 8, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 6, 2, 16, 0, tzinfo=dt.UTC),
    )
    with_times = EventFactory(
        starts_at=dt.datetime(2030, 6, 1, 8, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2030, 6, 2, 14, 30, tzinfo=dt.UTC),
    )

    assert (
        '<time datetime="2030-06-01">Samstag, 1. Juni 2030, ganztägig</time>'
        in client.get(f"/veranstaltungen/{one_day.pk}/").text
    )
    assert (
        "Samstag, 1. Juni 2030 bis Sonntag, 2. Juni 2030, ganztägig"
        in client.get(f"/veranstaltungen/{two_days.pk}/").text
    )
    assert (
        "Samstag, 1. Juni 2030, 10:00 Uhr bis Sonntag, 2. Juni 2030, 16:30 Uhr"
        in client.get(f"/veranstaltungen/{with_times.pk}/").text
    )


def test_it_shows_seats_left_and_the_deadline(client, page_tree):
    event = EventFactory(capacity=10, registration_deadline=dt.datetime(2030, 5, 1, 10, 0, tzinfo=dt.UTC))
    event.starts_at = dt.datetime(2030, 5, 10, 16, 0, tzinfo=dt.UTC)
    event.ends_at = event.starts_at + dt.timedelta(hours=2)
    event.save()
    RegistrationFactory.create_batch(3, event=event)
    RegistrationFactory(event=event, status=EventRegistration.Status.WAITLISTED)

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "<dt>Freie Plätze</dt><dd>7 von 10</dd>" in text
    assert "Mittwoch, 1. Mai 2030, 12:00 Uhr" in text


def test_the_online_link_is_only_for_confirmed_registered_people(client, page_tree, citizen, other_citizen):
    event = EventFactory(venue="", address="", online_url="https://konferenz.example.org/raum-7")
    RegistrationFactory(event=event, user=citizen)
    RegistrationFactory(event=event, user=other_citizen, status=EventRegistration.Status.WAITLISTED)

    anonymous = client.get(f"/veranstaltungen/{event.pk}/").text
    client.force_login(other_citizen)
    waiting = client.get(f"/veranstaltungen/{event.pk}/").text
    client.force_login(citizen)
    registered = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "konferenz.example.org" not in anonymous
    assert "Den Link sehen angemeldete Personen hier und in ihrer Bestätigung." in anonymous
    assert "konferenz.example.org" not in waiting
    assert '<a href="https://konferenz.example.org/raum-7">' in registered


def test_the_map_waits_for_consent(client, page_tree):
    event = EventFactory(latitude=50.3275, longitude=7.2259)
    without_point = EventFactory()

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert '<button type="button" class="button" data-event-map-load hidden>Karte laden</button>' in text
    assert 'data-lat="50.3275" data-lon="7.2259"' in text
    assert '<div id="map" class="map__canvas" hidden' in text
    assert "tile.openstreetmap.org" not in text.split('data-tiles="')[0]  # no tile URL outside the data attribute
    assert "<img" not in text
    assert "Karte laden" not in client.get(f"/veranstaltungen/{without_point.pk}/").text


def test_the_calendar_download_is_a_valid_ics(client, page_tree):
    event = EventFactory(title="Zukunftsforum 2030")

    page = client.get(f"/veranstaltungen/{event.pk}/").text
    response = client.get(f"/veranstaltungen/{event.pk}/kalender.ics")

    assert f'href="/veranstaltungen/{event.pk}/kalender.ics" download>Zum Kalender hinzufügen</a>' in page
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    [vevent] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Zukunftsforum 2030"
    assert vevent.decoded("DTSTART") == event.starts_at


def test_its_topics_link_to_their_pages(client, page_tree):
    event = EventFactory(topics=[TopicFactory(name="Mobilität", slug="mobilitaet")])

    assert '<a href="/themen/mobilitaet/">Mobilität</a>' in client.get(f"/veranstaltungen/{event.pk}/").text


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "Jetzt anmelden"),
        ({"registration": Event.Registration.NONE}, "Eine Anmeldung ist nicht nötig."),
        ({"registration": Event.Registration.INVITATION}, "Die Teilnahme ist nur auf Einladung möglich."),
        ({"registration_deadline": in_days(-1)}, "Die Anmeldung ist geschlossen."),
        ({"status": Event.Status.CANCELLED}, "Diese Veranstaltung ist abgesagt."),
        ({"starts_at": in_days(-3), "ends_at": in_days(-3, 20)}, "Diese Veranstaltung hat schon stattgefunden."),
    ],
)
def test_the_registration_box_shows_the_state(client, page_tree, changes, expected):
    event = EventFactory(**changes)

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert expected in text
    assert ("Jetzt anmelden" in text) == (expected == "Jetzt anmelden")


def test_a_full_event_offers_the_waitlist(client, page_tree):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "Alle Plätze sind vergeben." in text
    assert "Auf die Warteliste setzen" in text
    assert "<dt>Freie Plätze</dt><dd>0 von 1</dd>" in text


def test_a_guest_sees_the_guest_form_and_a_member_only_the_optional_fields(client, page_tree, citizen):
    from smartregion.accounts.tests.factories import verify_email

    event = EventFactory(question="Welches Thema interessiert Sie?")
    guest = client.get(f"/veranstaltungen/{event.pk}/").text
    client.force_login(verify_email(citizen))
    member = client.get(f"/veranstaltungen/{event.pk}/").text

    assert 'name="name"' in guest and 'name="email"' in guest
    assert 'name="name"' not in member and 'name="email"' not in member
    assert "Welches Thema interessiert Sie? (freiwillig)" in member
    assert 'name="accessibility_needs"' in member


def test_a_member_without_a_verified_address_is_asked_to_verify(client, page_tree, citizen):
    event = EventFactory()
    client.force_login(citizen)

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse." in text
    assert "Jetzt anmelden" not in text


def test_a_registered_member_sees_the_state_and_a_cancel_button(client, page_tree, citizen, other_citizen):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event, user=citizen)
    waiting = RegistrationFactory(event=event, user=other_citizen, status=EventRegistration.Status.WAITLISTED)

    client.force_login(citizen)
    text = client.get(f"/veranstaltungen/{event.pk}/").text
    client.force_login(other_citizen)
    other = client.get(f"/veranstaltungen/{event.pk}/").text

    assert "Sie sind angemeldet." in text
    assert f'action="/veranstaltungen/anmeldung/{confirmed.token}/abmelden/"' in text
    assert "Sie stehen auf der Warteliste, auf Platz 1." in other
    assert f'action="/veranstaltungen/anmeldung/{waiting.token}/abmelden/"' in other


def test_it_links_the_published_process_it_belongs_to(client, page_tree):
    from smartregion.participation.models import Process
    from smartregion.participation.tests.factories import ProcessFactory

    process = ProcessFactory(title="Ideenwettbewerb Dorfleben")
    event = EventFactory(process=process)

    assert "Ideenwettbewerb Dorfleben" in client.get(event.get_absolute_url()).content.decode()
    Process.objects.filter(pk=process.pk).update(status=Process.Status.DRAFT)
    assert "Ideenwettbewerb Dorfleben" not in client.get(event.get_absolute_url()).content.decode()


def test_past_events_show_their_documentation(client, page_tree):
    event = EventFactory(
        starts_at=in_days(-5),
        documentation=[{"type": "text", "value": "<p>Über 80 Menschen diskutierten mit.</p>"}],
    )

    text = client.get(f"/veranstaltungen/{event.pk}/").text

    assert '<h2 id="documentation-title">Dokumentation</h2>' in text
    assert "Über 80 Menschen diskutierten mit." in text


def test_an_unpublished_event_is_not_found_for_the_public_but_staff_can_preview_it(client, page_tree, citizen, editor):
    draft = EventFactory(status=Event.Status.DRAFT)

    assert client.get(f"/veranstaltungen/{draft.pk}/").status_code == 404
    assert client.get(f"/veranstaltungen/{draft.pk}/kalender.ics").status_code == 404
    client.force_login(citizen)
    assert client.get(f"/veranstaltungen/{draft.pk}/").status_code == 404
    client.force_login(editor)
    assert client.get(f"/veranstaltungen/{draft.pk}/").status_code == 200


def test_an_unknown_event_is_not_found(client, page_tree):
    assert client.get("/veranstaltungen/999999/").status_code == 404


def test_it_refuses_post(client, page_tree):
    event = EventFactory()

    assert client.post(f"/veranstaltungen/{event.pk}/").status_code == 405


# Queries of an upcoming event's page for a visitor, whatever the number of
# registrations and topics:
#  1 the event with its municipality and its confirmed seats
#  2 its topics (prefetch)
#  3 RegionSettings
#  4 site navigation: the live home page
#  5 site navigation: the menu pages
#  6 SiteLinks (footer)
EVENT_DETAIL_QUERIES = 6

# A logged-in member adds: the session, the user and their active
# registration for the event. Whether their address is verified is
# remembered in the session after the first request
# (RememberVerifiedAddressMiddleware).
MEMBER_EVENT_DETAIL_QUERIES = EVENT_DETAIL_QUERIES + 3


def test_its_query_count_does_not_grow_with_more_rows(client, page_tree, mayen, django_assert_num_queries):
    event = EventFactory(municipality=mayen, capacity=50, topics=TopicFactory.create_batch(2))
    RegistrationFactory.create_batch(2, event=event)
    client.get(f"/veranstaltungen/{event.pk}/")  # fills Wagtail's caches and creates the settings rows

    with django_assert_num_queries(EVENT_DETAIL_QUERIES):
        client.get(f"/veranstaltungen/{event.pk}/")

    RegistrationFactory.create_batch(20, event=event)
    RegistrationFactory.create_batch(5, event=event, status=EventRegistration.Status.WAITLISTED)
    event.topics.add(*TopicFactory.create_batch(5))

    with django_assert_num_queries(EVENT_DETAIL_QUERIES):
        response = client.get(f"/veranstaltungen/{event.pk}/")
    assert "<dt>Freie Plätze</dt><dd>28 von 50</dd>" in response.text


def test_its_query_count_for_a_member_does_not_grow_with_more_rows(
    client, page_tree, citizen, django_assert_num_queries
):
    from smartregion.accounts.tests.factories import verify_email

    event = EventFactory(capacity=50)
    client.force_login(verify_email(citizen))
    client.get(f"/veranstaltungen/{event.pk}/")

    with django_assert_num_queries(MEMBER_EVENT_DETAIL_QUERIES):
        client.get(f"/veranstaltungen/{event.pk}/")

    RegistrationFactory.create_batch(20, event=event)

    with django_assert_num_queries(MEMBER_EVENT_DETAIL_QUERIES):
        client.get(f"/veranstaltungen/{event.pk}/")
