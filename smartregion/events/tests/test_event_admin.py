"""Editors and regional guides create and edit events in the backend
("Veranstaltungen" under /redaktion/). Guides see and edit only the events
of their municipalities; documentation is written in the same form."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.cms.tests.factories import ImageFactory
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days
from smartregion.region.tests.factories import MunicipalityFactory

LIST = "/redaktion/veranstaltungen/"
ADD = "/redaktion/veranstaltungen/add/"

Status = EventRegistration.Status


def edit_url(event):
    return f"/redaktion/veranstaltungen/edit/{event.pk}/"


def form_data(**overrides):
    """A complete event form as the backend posts it."""
    starts_at = in_days(30, 18)
    data = {
        "title": "Kommunaldialog Mayen",
        "kind": Event.Kind.KOMMUNALDIALOG,
        "status": Event.Status.PUBLISHED,
        "summary": "Wie soll Mayen digitaler werden?",
        "description": rich_text(""),
        "starts_at": starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (starts_at + dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "municipality": "",
        "venue": "Alte Stadthalle",
        "address": "Marktplatz 1\n56727 Mayen",
        "latitude": "",
        "longitude": "",
        "accessibility_note": "",
        "online_url": "",
        "registration": Event.Registration.OPEN,
        "capacity": "40",
        "registration_deadline": "",
        "question": "",
        "documentation": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def koblenz_land(db):
    return MunicipalityFactory(name="Verbandsgemeinde Rhein-Mosel", slug="rhein-mosel")


@pytest.fixture
def mayen_event(mayen):
    return EventFactory(title="Kommunaldialog in Mayen", municipality=mayen)


@pytest.fixture
def rhein_mosel_event(koblenz_land):
    return EventFactory(title="Kommunaldialog an der Mosel", municipality=koblenz_land)


@pytest.fixture
def regional_event(db):
    return EventFactory(title="Zukunftsforum", kind=Event.Kind.ZUKUNFTSFORUM, municipality=None)


@pytest.fixture
def as_editor(client, editor):
    return log_in_with_second_factor(client, editor)


@pytest.fixture
def as_guide(client, guide_mayen):
    return log_in_with_second_factor(client, guide_mayen)


def listed(response):
    return set(response.context["object_list"])


# --- the listing ------------------------------------------------------------


def test_an_editor_sees_every_event(as_editor, mayen_event, rhein_mosel_event, regional_event):
    response = as_editor.get(LIST)

    assert response.status_code == 200
    assert listed(response) == {mayen_event, rhein_mosel_event, regional_event}


def test_a_guide_sees_only_the_events_of_their_municipalities(
    as_guide, mayen_event, rhein_mosel_event, regional_event
):
    response = as_guide.get(LIST)

    assert response.status_code == 200
    assert listed(response) == {mayen_event}
    assert rhein_mosel_event.title not in response.text


def test_the_listing_links_to_the_registrations(as_editor, mayen_event):
    response = as_editor.get(LIST)

    assert f"/redaktion/veranstaltungen/{mayen_event.pk}/anmeldungen/" in response.text


def test_the_listing_shows_seats_taken_and_the_waitlist(as_editor, mayen_event):
    RegistrationFactory.create_batch(3, event=mayen_event)
    RegistrationFactory.create_batch(2, event=mayen_event, status=Status.WAITLISTED, confirmed_at=None)

    response = as_editor.get(LIST)

    row = next(row for row in response.context["object_list"] if row.pk == mayen_event.pk)
    assert (row.confirmed_count, row.waitlisted_count) == (3, 2)


def test_the_listing_queries_do_not_grow_with_the_events(as_editor, mayen, koblenz_land):
    EventFactory(municipality=mayen)
    as_editor.get(LIST)  # warm up per-session lookups
    with CaptureQueriesContext(connection) as one:
        assert as_editor.get(LIST).status_code == 200
    for municipality in [mayen, koblenz_land, None, mayen]:
        event = EventFactory(municipality=municipality)
        RegistrationFactory.create_batch(2, event=event)
    with CaptureQueriesContext(connection) as five:
        assert as_editor.get(LIST).status_code == 200

    assert len(five) == len(one)


@pytest.mark.parametrize("person", ["citizen", "moderator", "juror", "admin"])
def test_other_people_do_not_reach_the_events(client, request, person, mayen_event):
    log_in_with_second_factor(client, request.getfixturevalue(person))

    assert client.get(LIST).status_code == 302
    assert client.get(edit_url(mayen_event)).status_code == 302


# --- creating ---------------------------------------------------------------


def test_an_editor_creates_a_region_wide_event(as_editor):
    response = as_editor.post(ADD, form_data(title="Zukunftsforum 2027", kind=Event.Kind.ZUKUNFTSFORUM))

    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(title="Zukunftsforum 2027")
    assert event.municipality is None
    assert event.capacity == 40


def test_a_guide_creates_an_event_in_their_municipality(as_guide, mayen):
    response = as_guide.post(ADD, form_data(municipality=mayen.pk))

    assert response.status_code == 302, response.context["form"].errors
    assert Event.objects.get(title="Kommunaldialog Mayen").municipality == mayen


def test_a_guide_cannot_create_a_region_wide_event(as_guide):
    response = as_guide.post(ADD, form_data())

    assert response.status_code == 200
    assert response.context["form"].errors["municipality"] == ["Bitte wählen Sie eine der Kommunen, die Sie betreuen."]
    assert not Event.objects.exists()


def test_a_guide_cannot_create_an_event_in_another_municipality(as_guide, koblenz_land):
    response = as_guide.post(ADD, form_data(municipality=koblenz_land.pk))

    assert response.status_code == 200
    assert response.context["form"].errors["municipality"] == [
        "Diese Kommune betreuen Sie nicht. Sie betreuen: Mayen. Bitte wählen Sie eine davon."
    ]
    assert not Event.objects.exists()


def test_an_image_needs_its_alternative_text(as_editor):
    image = ImageFactory()

    response = as_editor.post(ADD, form_data(image=image.pk, image_alt=" "))

    assert response.status_code == 200
    assert response.context["form"].errors["image_alt"] == [
        "Bitte beschreiben Sie, was auf dem Bild zu sehen ist (Alternativtext für blinde Menschen)."
    ]
    assert not Event.objects.exists()


def test_an_editor_gives_an_event_an_image_with_its_alternative_text(as_editor):
    image = ImageFactory()

    response = as_editor.post(ADD, form_data(image=image.pk, image_alt="Die Stadthalle von außen"))

    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(title="Kommunaldialog Mayen")
    assert (event.image, event.image_alt) == (image, "Die Stadthalle von außen")


def test_a_guide_is_offered_only_their_municipalities(as_guide, mayen, koblenz_land):
    response = as_guide.get(ADD)

    choices = list(response.context["form"].fields["municipality"].queryset)
    assert choices == [mayen]


def test_it_rejects_an_end_before_the_start_and_keeps_the_input(as_editor):
    starts_at = in_days(30, 18)
    response = as_editor.post(
        ADD,
        form_data(
            title="Verdrehte Zeiten",
            starts_at=starts_at.strftime("%Y-%m-%d %H:%M"),
            ends_at=(starts_at - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        ),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["ends_at"] == [
        "Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Zeiten."
    ]
    assert 'value="Verdrehte Zeiten"' in response.text
    assert not Event.objects.exists()


def test_it_asks_for_a_place_or_an_online_link(as_editor):
    response = as_editor.post(ADD, form_data(venue="", address=""))

    assert response.context["form"].errors["venue"] == [
        "Bitte geben Sie einen Ort oder einen Zugang zur Online-Veranstaltung an."
    ]
    assert not Event.objects.exists()


def test_an_online_event_needs_no_place(as_editor):
    response = as_editor.post(ADD, form_data(venue="", address="", online_url="https://meet.example.org/myk"))

    assert response.status_code == 302
    assert Event.objects.get().is_online


# --- editing ----------------------------------------------------------------


def test_a_guide_edits_an_event_of_their_municipality(as_guide, mayen, mayen_event):
    response = as_guide.post(edit_url(mayen_event), form_data(title="Neuer Titel", municipality=mayen.pk))

    assert response.status_code == 302, response.context["form"].errors
    mayen_event.refresh_from_db()
    assert mayen_event.title == "Neuer Titel"


@pytest.mark.parametrize("event_name", ["rhein_mosel_event", "regional_event"])
def test_a_guide_cannot_open_or_change_an_event_elsewhere(as_guide, mayen, request, event_name):
    event = request.getfixturevalue(event_name)

    assert as_guide.get(edit_url(event)).status_code == 302
    response = as_guide.post(edit_url(event), form_data(title="Übernommen", municipality=mayen.pk))

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title != "Übernommen"


def test_no_staff_member_deletes_an_event(as_editor, mayen_event):
    # Events with registrations are cancelled (status), not deleted.
    response = as_editor.post(f"/redaktion/veranstaltungen/delete/{mayen_event.pk}/")

    assert response.status_code == 302
    assert Event.objects.filter(pk=mayen_event.pk).exists()


def test_more_seats_move_people_up_from_the_waitlist(as_editor, mayen_event, django_capture_on_commit_callbacks):
    mayen_event.capacity = 1
    mayen_event.save()
    RegistrationFactory(event=mayen_event)
    first, second = RegistrationFactory.create_batch(2, event=mayen_event, status=Status.WAITLISTED, confirmed_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(edit_url(mayen_event), form_data(title=mayen_event.title, capacity="2"))

    assert response.status_code == 302, response.context["form"].errors
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.CONFIRMED, Status.WAITLISTED)


def test_fewer_seats_cancel_nobody(as_editor, mayen_event):
    RegistrationFactory.create_batch(3, event=mayen_event)

    response = as_editor.post(edit_url(mayen_event), form_data(title=mayen_event.title, capacity="1"))

    assert response.status_code == 302
    assert mayen_event.registrations.holding_a_seat().count() == 3


def test_documentation_is_written_in_the_event_form(as_editor, mayen_event):
    documentation = streamfield([("text", rich_text("<p>Rund 40 Menschen diskutierten mit.</p>"))])

    response = as_editor.post(edit_url(mayen_event), form_data(title=mayen_event.title, documentation=documentation))

    assert response.status_code == 302, response.context["form"].errors
    mayen_event.refresh_from_db()
    assert [block.block_type for block in mayen_event.documentation] == ["text"]
    assert "Rund 40 Menschen" in str(mayen_event.documentation[0].value)
