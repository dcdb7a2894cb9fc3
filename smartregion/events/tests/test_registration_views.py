"""Registering on the event page (members with one click, guests with name
and e-mail), and the confirmation and cancellation pages the e-mails link
to: GET only shows a button, POST acts."""

import re

import pytest
from django.core import mail
from django.test import Client

from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db
Status = EventRegistration.Status


def url(event):
    return f"/veranstaltungen/{event.pk}/anmelden/"


def link(message, action):
    match = re.search(rf"https?://\S+/veranstaltungen/anmeldung/[\w-]+/{action}/", message.body)
    assert match, message.body
    return re.sub(r"^https?://[^/]+", "", match.group(0))


def test_a_guest_registers_confirms_by_the_link_and_cancels_by_the_other(
    client, page_tree, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Kommunaldialog Mayen", capacity=5, question="Ihr Thema?")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(event),
            {
                "name": " Gerda Gast ",
                "email": "Gerda@Example.org",
                "accessibility_needs": "Rollstuhl",
                "answer": "Bus",
            },
        )

    assert response.status_code == 302
    assert response["Location"] == f"/veranstaltungen/{event.pk}/anmeldung-gesendet/"
    assert "bestätigen" in client.get(response["Location"]).text
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.email, registration.status) == (
        "Gerda Gast",
        "gerda@example.org",
        Status.UNCONFIRMED,
    )
    assert (registration.accessibility_needs, registration.answer) == ("Rollstuhl", "Bus")
    [confirmation_request] = mail.outbox
    confirm = link(confirmation_request, "bestaetigen")

    # A mail scanner following the link changes nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert '<button type="submit">Anmeldung bestätigen</button>' in page.text
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert "Ihre Anmeldung ist bestätigt." in client.get(confirm).text
    confirmed_mail = mail.outbox[-1]
    cancel = link(confirmed_mail, "abmelden")

    page = client.get(cancel)
    assert '<button type="submit">Ja, abmelden</button>' in page.text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED

    response = client.post(cancel, follow=True)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert "Sie sind von der Veranstaltung abgemeldet." in response.text


def test_a_guest_form_with_errors_keeps_the_input_and_saves_nothing(client, page_tree):
    event = EventFactory()

    response = client.post(url(event), {"name": "", "email": "kein-at-zeichen", "accessibility_needs": "Aufzug"})

    assert response.status_code == 200
    text = response.text
    assert "Bitte prüfen Sie Ihre Angaben" in text
    assert "Bitte geben Sie Ihren Namen an." in text
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de." in text
    assert 'value="kein-at-zeichen"' in text
    assert ">\nAufzug</textarea>" in text
    assert 'aria-invalid="true"' in text
    assert not EventRegistration.objects.exists()
    assert not mail.outbox


def test_a_member_registers_with_one_click(client, page_tree, verified_citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    client.force_login(verified_citizen)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(event), {})

    assert response.status_code == 302
    assert response["Location"] == f"/veranstaltungen/{event.pk}/"
    registration = EventRegistration.objects.get()
    assert (registration.user, registration.status) == (verified_citizen, Status.CONFIRMED)
    assert mail.outbox[0].to == ["citizen@example.org"]
    page = client.get(response["Location"]).text
    assert "Sie sind angemeldet. Die Bestätigung ist unterwegs in Ihr Postfach." in page
    assert "<dt>Freie Plätze</dt><dd>1 von 2</dd>" in page


def test_a_member_joins_the_waitlist_of_a_full_event(client, page_tree, verified_citizen):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    client.force_login(verified_citizen)

    response = client.post(url(event), {}, follow=True)

    assert EventRegistration.objects.get(user=verified_citizen).status == Status.WAITLISTED
    assert "Sie stehen auf der Warteliste, auf Platz 1." in response.text


def test_a_member_without_a_verified_address_cannot_register(client, page_tree, citizen):
    event = EventFactory()
    client.force_login(citizen)

    response = client.post(url(event), {}, follow=True)

    assert not EventRegistration.objects.exists()
    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.text


@pytest.mark.parametrize(
    "changes",
    [
        {"registration_deadline": in_days(-1)},
        {"registration": Event.Registration.INVITATION},
        {"registration": Event.Registration.NONE},
        {"status": Event.Status.CANCELLED},
        {"starts_at": in_days(-2), "ends_at": in_days(-2, 20)},
    ],
)
def test_nobody_registers_when_registration_is_closed(client, page_tree, changes):
    event = EventFactory(**changes)

    response = client.post(url(event), {"name": "Gast", "email": "gast@example.org"}, follow=True)

    assert not EventRegistration.objects.exists()
    assert "Für diese Veranstaltung ist keine Anmeldung (mehr) möglich." in response.text


def test_an_unpublished_event_is_not_found(client, page_tree):
    event = EventFactory(status=Event.Status.DRAFT)

    assert client.post(url(event), {"name": "Gast", "email": "gast@example.org"}).status_code == 404
    assert not EventRegistration.objects.exists()


def test_registering_needs_post_and_a_csrf_token(page_tree):
    event = EventFactory()
    client = Client(enforce_csrf_checks=True)

    assert client.get(url(event)).status_code == 405
    assert client.post(url(event), {"name": "Gast", "email": "gast@example.org"}).status_code == 403
    assert not EventRegistration.objects.exists()


def test_guest_registrations_for_one_address_are_rate_limited(client, page_tree):
    events = EventFactory.create_batch(4)

    for event in events[:3]:
        assert client.post(url(event), {"name": "Gast", "email": "gast@example.org"}).status_code == 302
    response = client.post(url(events[3]), {"name": "Gast", "email": "gast@example.org"})

    assert response.status_code == 200
    assert "Zu viele Anmeldungen in kurzer Zeit." in response.text
    assert EventRegistration.objects.count() == 3


def test_a_used_confirmation_link_says_so(client, page_tree):
    registration = RegistrationFactory(user=None, name="Gast", email="gast@example.org", status=Status.CONFIRMED)
    confirm = f"/veranstaltungen/anmeldung/{registration.token}/bestaetigen/"

    response = client.post(confirm, follow=True)

    assert "Dieser Link wurde bereits benutzt." in response.text
    assert "Ihre Anmeldung ist bestätigt." in response.text


def test_unknown_tokens_are_not_found(client, page_tree):
    assert client.get("/veranstaltungen/anmeldung/gibt-es-nicht/bestaetigen/").status_code == 404
    assert client.post("/veranstaltungen/anmeldung/gibt-es-nicht/bestaetigen/").status_code == 404
    assert client.get("/veranstaltungen/anmeldung/gibt-es-nicht/abmelden/").status_code == 404
    assert client.post("/veranstaltungen/anmeldung/gibt-es-nicht/abmelden/").status_code == 404


def test_a_cancellation_promotes_the_first_on_the_waitlist(
    client, page_tree, citizen, other_citizen, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    seat = RegistrationFactory(event=event, user=citizen)
    waiting = RegistrationFactory(event=event, user=other_citizen, status=Status.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/veranstaltungen/anmeldung/{seat.token}/abmelden/")

    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (seat.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)
    assert {tuple(message.to) for message in mail.outbox} == {("citizen@example.org",), ("other.citizen@example.org",)}


def test_cancelling_goes_back_to_a_local_next_page_only(client, page_tree, citizen):
    first = RegistrationFactory(user=citizen)
    second = RegistrationFactory(user=citizen)

    to_profile = client.post(f"/veranstaltungen/anmeldung/{first.token}/abmelden/", {"next": "/konto/"})
    elsewhere = client.post(
        f"/veranstaltungen/anmeldung/{second.token}/abmelden/", {"next": "https://boese.example.org/"}
    )

    assert to_profile["Location"] == "/konto/"
    assert elsewhere["Location"] == f"/veranstaltungen/anmeldung/{second.token}/abmelden/"


def test_a_cancelled_registration_shows_its_state_and_no_button(client, page_tree):
    registration = RegistrationFactory(status=Status.CANCELLED)

    text = client.get(f"/veranstaltungen/anmeldung/{registration.token}/abmelden/").text

    assert "Sie sind von dieser Veranstaltung abgemeldet." in text
    assert "Ja, abmelden" not in text


def test_confirm_and_cancel_pages_need_a_csrf_token(page_tree):
    registration = RegistrationFactory(user=None, name="Gast", email="gast@example.org", status=Status.UNCONFIRMED)
    client = Client(enforce_csrf_checks=True)

    assert client.post(f"/veranstaltungen/anmeldung/{registration.token}/bestaetigen/").status_code == 403
    assert client.post(f"/veranstaltungen/anmeldung/{registration.token}/abmelden/").status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED
