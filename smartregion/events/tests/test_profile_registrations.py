"""The profile lists the person's coming registrations, each with a button
that cancels it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartregion.events.models import EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


def test_the_profile_lists_the_coming_registrations_with_cancel_buttons(client, page_tree, citizen, other_citizen):
    later = RegistrationFactory(user=citizen, event=EventFactory(title="Zukunftsforum", starts_at=in_days(30)))
    sooner = RegistrationFactory(
        user=citizen, event=EventFactory(title="Kommunaldialog", starts_at=in_days(3)), status=Status.WAITLISTED
    )
    RegistrationFactory(user=citizen, event=EventFactory(title="Abgemeldet"), status=Status.CANCELLED)
    RegistrationFactory(user=citizen, event=EventFactory(title="Vorbei", starts_at=in_days(-5)))
    RegistrationFactory(user=other_citizen, event=EventFactory(title="Fremd"))
    client.force_login(citizen)

    text = client.get("/konto/").text

    assert '<h2 id="registrations-title">Meine Veranstaltungen</h2>' in text
    assert text.index("Kommunaldialog") < text.index("Zukunftsforum")
    assert "auf der Warteliste" in text
    for registration in (sooner, later):
        assert f'action="/veranstaltungen/anmeldung/{registration.token}/abmelden/"' in text
    assert "Abgemeldet" not in text
    assert "Vorbei" not in text
    assert "Fremd" not in text


def test_cancelling_from_the_profile_comes_back_to_the_profile(client, page_tree, citizen):
    registration = RegistrationFactory(user=citizen, event=EventFactory(title="Zukunftsforum"))
    client.force_login(citizen)

    response = client.post(f"/veranstaltungen/anmeldung/{registration.token}/abmelden/", {"next": "/konto/"})

    assert response["Location"] == "/konto/"
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    page = client.get("/konto/").text
    assert "Sie sind von der Veranstaltung abgemeldet." in page
    assert "Sie sind zurzeit für keine Veranstaltung angemeldet." in page


def test_without_registrations_the_profile_links_to_the_events(client, page_tree, citizen):
    client.force_login(citizen)

    text = client.get("/konto/").text

    assert "Sie sind zurzeit für keine Veranstaltung angemeldet." in text
    assert '<a href="/veranstaltungen/">Zu den Veranstaltungen</a>' in text


def test_the_list_costs_one_query_whatever_the_number_of_registrations(client, page_tree, citizen):
    # The profile's own count is pinned in accounts; this list adds one
    # query (registrations with their events), whatever their number.
    client.force_login(citizen)
    RegistrationFactory(user=citizen)
    client.get("/konto/")

    with CaptureQueriesContext(connection) as few:
        client.get("/konto/")
    RegistrationFactory.create_batch(10, user=citizen)
    with CaptureQueriesContext(connection) as many:
        client.get("/konto/")

    assert len(many) == len(few)
