"""Staff see the registrations and the waitlist of an event, export them as
CSV, add people by hand, mark attendance at the door and write to everyone
registered. Guides only for the events of their municipalities."""

import csv
import io

import pytest
from django.core import mail

from smartregion.accounts.tests.factories import UserFactory, log_in_with_second_factor
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory
from smartregion.region.tests.factories import MunicipalityFactory

Status = EventRegistration.Status
Channel = EventRegistration.Channel


def list_url(event):
    return f"/redaktion/veranstaltungen/{event.pk}/anmeldungen/"


def export_url(event):
    return f"/redaktion/veranstaltungen/{event.pk}/anmeldungen.csv"


def add_url(event):
    return f"/redaktion/veranstaltungen/{event.pk}/anmeldungen/neu/"


def attendance_url(registration):
    return f"/redaktion/veranstaltungen/{registration.event_id}/anmeldungen/{registration.pk}/anwesenheit/"


def message_url(event):
    return f"/redaktion/veranstaltungen/{event.pk}/nachricht/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.fixture
def dialogue(mayen):
    """A Kommunaldialog in Mayen with two seats and a question."""
    return EventFactory(
        title="Kommunaldialog Mayen", municipality=mayen, capacity=2, question="Welches Thema ist Ihnen wichtig?"
    )


@pytest.fixture
def full_dialogue(dialogue):
    """Both seats taken, two people waiting; one guest not confirmed yet."""
    RegistrationFactory(
        event=dialogue,
        user=UserFactory(email="erika@example.org", display_name="Erika M."),
        accessibility_needs="Rollstuhlplatz",
        answer="Mobilität",
    )
    RegistrationFactory(event=dialogue, user=None, name="Hans Telefon", email="", channel=Channel.PHONE)
    RegistrationFactory(
        event=dialogue, user=None, name="Wartende Eins", email="eins@example.org", status=Status.WAITLISTED
    )
    RegistrationFactory(
        event=dialogue, user=None, name="Wartende Zwei", email="zwei@example.org", status=Status.WAITLISTED
    )
    RegistrationFactory(
        event=dialogue, user=None, name="Gast Offen", email="offen@example.org", status=Status.UNCONFIRMED
    )
    return dialogue


@pytest.fixture
def elsewhere(db):
    other = MunicipalityFactory(name="Bendorf", slug="bendorf")
    event = EventFactory(title="Kommunaldialog Bendorf", municipality=other)
    RegistrationFactory(event=event, user=None, name="Fremde Person", email="fremd@example.org")
    return event


@pytest.fixture
def as_editor(client, editor):
    return log_in_with_second_factor(client, editor)


@pytest.fixture
def as_guide(client, guide_mayen):
    return log_in_with_second_factor(client, guide_mayen)


# --- the list ---------------------------------------------------------------


def test_staff_see_seats_and_waitlist_in_order(as_guide, full_dialogue):
    response = as_guide.get(list_url(full_dialogue))

    assert response.status_code == 200
    assert [r.display_name for r in response.context["confirmed"]] == ["Erika M.", "Hans Telefon"]
    assert [r.display_name for r in response.context["waitlisted"]] == ["Wartende Eins", "Wartende Zwei"]
    assert [r.display_name for r in response.context["unconfirmed"]] == ["Gast Offen"]
    assert response.context["seats_left"] == 0
    assert "Rollstuhlplatz" in response.text


# Session, user, permissions (2), second factor, Wagtail user profile, the
# event, the user's groups (rule), the registrations with their people, then
# Wagtail's menu (locales, page and collection permissions, root page).
LIST_QUERIES = 13


def test_the_list_queries_do_not_grow_with_the_registrations(as_editor, editor, dialogue, django_assert_num_queries):
    RegistrationFactory(event=dialogue, entered_by=editor)
    as_editor.get(list_url(dialogue))  # the first request sets up the session
    with django_assert_num_queries(LIST_QUERIES):
        assert as_editor.get(list_url(dialogue)).status_code == 200

    RegistrationFactory.create_batch(3, event=dialogue, user=None, name="Gast", email="", entered_by=UserFactory())
    RegistrationFactory.create_batch(3, event=dialogue, status=Status.WAITLISTED)
    RegistrationFactory.create_batch(2, event=dialogue, status=Status.CANCELLED)

    with django_assert_num_queries(LIST_QUERIES):
        assert as_editor.get(list_url(dialogue)).status_code == 200


def test_a_guide_cannot_see_the_registrations_elsewhere(as_guide, elsewhere):
    response = as_guide.get(list_url(elsewhere))

    assert response.status_code == 302
    assert "Fremde Person" not in response.text


@pytest.mark.parametrize("person", ["citizen", "moderator"])
def test_other_people_see_no_registrations(client, request, person, full_dialogue):
    log_in_with_second_factor(client, request.getfixturevalue(person))

    response = client.get(list_url(full_dialogue))

    assert response.status_code == 302
    assert "Erika" not in response.text


def test_an_unknown_event_is_not_found(as_editor):
    assert as_editor.get("/redaktion/veranstaltungen/9999/anmeldungen/").status_code == 404


# --- CSV --------------------------------------------------------------------


def test_the_export_lists_seats_then_the_waitlist_of_this_event_only(as_editor, full_dialogue, elsewhere):
    response = as_editor.get(export_url(full_dialogue))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Name", "E-Mail-Adresse", "Status", "Weg", "Unterstützung", "Antwort", "anwesend"]
    assert rows[1] == ["Erika M.", "erika@example.org", "angemeldet", "online", "Rollstuhlplatz", "Mobilität", ""]
    assert [row[0] for row in rows[1:]] == ["Erika M.", "Hans Telefon", "Wartende Eins", "Wartende Zwei"]
    assert [row[2] for row in rows[3:]] == ["auf der Warteliste", "auf der Warteliste"]
    assert "Fremde Person" not in response.content.decode()


def test_the_export_shows_attendance(as_editor, dialogue):
    RegistrationFactory(event=dialogue, user=None, name="Da", email="", attended=True)
    RegistrationFactory(event=dialogue, user=None, name="Nicht da", email="", attended=False)

    rows = csv_rows(as_editor.get(export_url(dialogue)))

    assert [row[6] for row in rows[1:]] == ["ja", "nein"]


def test_the_export_defuses_spreadsheet_formulas(as_editor, dialogue):
    RegistrationFactory(event=dialogue, user=None, name="=HYPERLINK(1)", email="", answer="+1")

    rows = csv_rows(as_editor.get(export_url(dialogue)))

    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][5] == "'+1"


def test_a_guide_cannot_export_elsewhere(as_guide, elsewhere):
    response = as_guide.get(export_url(elsewhere))

    assert response.status_code == 302
    assert "Fremde Person" not in response.content.decode()


# --- adding people by hand -----------------------------------------------------


def test_staff_add_a_phone_registration(as_guide, guide_mayen, dialogue):
    response = as_guide.post(
        add_url(dialogue),
        {
            "add-name": " Oma Else ",
            "add-email": "",
            "add-channel": Channel.PHONE,
            "add-accessibility_needs": "Hörhilfe",
        },
    )

    assert response.status_code == 302
    registration = dialogue.registrations.get()
    assert (registration.name, registration.status, registration.channel) == ("Oma Else", Status.CONFIRMED, "phone")
    assert registration.entered_by == guide_mayen
    assert registration.accessibility_needs == "Hörhilfe"
    assert messages_of(as_guide.get(response["Location"])) == ["Oma Else ist angemeldet."]


def test_a_person_added_to_a_full_event_waits(as_editor, full_dialogue):
    response = as_editor.post(add_url(full_dialogue), {"add-name": "Spät Dran", "add-channel": Channel.ON_SITE})

    registration = full_dialogue.registrations.get(name="Spät Dran")
    assert registration.status == Status.WAITLISTED
    assert messages_of(as_editor.get(response["Location"])) == [
        "Die Veranstaltung ist voll: Spät Dran steht auf der Warteliste."
    ]


def test_a_person_added_with_an_address_gets_the_confirmation(as_editor, dialogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_editor.post(
            add_url(dialogue), {"add-name": "Mit Mail", "add-email": "mit.mail@example.org", "add-channel": "mail"}
        )

    assert [message.to for message in mail.outbox] == [["mit.mail@example.org"]]


def test_adding_without_a_name_writes_nothing_and_keeps_the_input(as_editor, dialogue):
    response = as_editor.post(
        add_url(dialogue), {"add-name": "  ", "add-email": "keinname@example.org", "add-channel": Channel.PHONE}
    )

    assert response.status_code == 200
    assert response.context["add_form"].errors["name"] == ["Bitte geben Sie den Namen der Person an."]
    assert 'value="keinname@example.org"' in response.text
    assert not dialogue.registrations.exists()


def test_adding_an_address_already_registered_is_refused(as_editor, full_dialogue):
    response = as_editor.post(
        add_url(full_dialogue), {"add-name": "Doppelt", "add-email": "Eins@Example.org", "add-channel": "phone"}
    )

    assert response.context["add_form"].errors["email"] == ["Mit dieser E-Mail-Adresse ist bereits jemand angemeldet."]
    assert not full_dialogue.registrations.filter(name="Doppelt").exists()


def test_adding_to_a_cancelled_event_is_refused(as_editor, dialogue):
    dialogue.status = Event.Status.CANCELLED
    dialogue.save()

    response = as_editor.post(add_url(dialogue), {"add-name": "Zu spät", "add-channel": Channel.PHONE})

    assert response.status_code == 302
    assert not dialogue.registrations.exists()


def test_a_guide_cannot_add_people_elsewhere(as_guide, elsewhere):
    as_guide.post(add_url(elsewhere), {"add-name": "Eingeschleust", "add-channel": Channel.PHONE})

    assert not elsewhere.registrations.filter(name="Eingeschleust").exists()


def test_adding_needs_a_post(as_editor, dialogue):
    assert as_editor.get(add_url(dialogue)).status_code == 405


# --- attendance -----------------------------------------------------------------


def test_staff_mark_attendance_at_the_door(as_guide, full_dialogue):
    erika = full_dialogue.registrations.get(user__email="erika@example.org")

    response = as_guide.post(attendance_url(erika), {"attended": "yes"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#registration-{erika.pk}")
    erika.refresh_from_db()
    assert erika.attended is True

    as_guide.post(attendance_url(erika), {"attended": "no"})
    erika.refresh_from_db()
    assert erika.attended is False


def test_attendance_needs_a_known_value(as_editor, full_dialogue):
    erika = full_dialogue.registrations.get(user__email="erika@example.org")

    as_editor.post(attendance_url(erika), {"attended": "vielleicht"})

    erika.refresh_from_db()
    assert erika.attended is None


def test_attendance_of_a_cancelled_registration_is_refused(as_editor, dialogue):
    gone = RegistrationFactory(event=dialogue, status=Status.CANCELLED)

    as_editor.post(attendance_url(gone), {"attended": "yes"})

    gone.refresh_from_db()
    assert gone.attended is None


def test_attendance_through_another_event_is_not_found(as_editor, dialogue, elsewhere):
    stranger = elsewhere.registrations.get()

    response = as_editor.post(
        f"/redaktion/veranstaltungen/{dialogue.pk}/anmeldungen/{stranger.pk}/anwesenheit/", {"attended": "yes"}
    )

    assert response.status_code == 404


def test_a_guide_cannot_mark_attendance_elsewhere(as_guide, elsewhere):
    stranger = elsewhere.registrations.get()

    as_guide.post(attendance_url(stranger), {"attended": "yes"})

    stranger.refresh_from_db()
    assert stranger.attended is None


def test_attendance_needs_a_post(as_editor, full_dialogue):
    erika = full_dialogue.registrations.get(user__email="erika@example.org")

    assert as_editor.get(attendance_url(erika)).status_code == 405


# --- writing to everyone registered ------------------------------------------------


def test_staff_write_to_everyone_with_a_seat(as_editor, full_dialogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(
            message_url(full_dialogue),
            {"message-subject": "Raumänderung", "message-body": "Wir treffen uns im Saal 2."},
        )

    assert response.status_code == 302
    # Hans registered by phone without an address; the waitlist is not written to.
    assert [message.to for message in mail.outbox] == [["erika@example.org"]]
    assert "Raumänderung" in mail.outbox[0].subject
    assert "Saal 2" in mail.outbox[0].body
    assert messages_of(as_editor.get(response["Location"])) == [
        "Die Nachricht geht an 1 angemeldete Person mit E-Mail-Adresse."
    ]


def test_a_message_without_text_is_not_sent(as_editor, full_dialogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(message_url(full_dialogue), {"message-subject": "Nur Betreff", "message-body": " "})

    assert response.status_code == 200
    assert response.context["message_form"].errors["body"] == ["Bitte schreiben Sie eine Nachricht."]
    assert 'value="Nur Betreff"' in response.text
    assert mail.outbox == []


def test_a_guide_cannot_write_to_people_elsewhere(as_guide, elsewhere, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_guide.post(message_url(elsewhere), {"message-subject": "Hallo", "message-body": "Werbung"})

    assert mail.outbox == []
