"""Changing the e-mail address: the new address counts only once confirmed
through the link sent to it, and the old address is told of the change."""

import re

from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from smartregion.accounts.predicates import is_verified_participant
from smartregion.accounts.tests.factories import PASSWORD, verify_email

EMAIL_URL = "/konto/email/"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/konto/confirm-email/[^/\s]+/)")


def change_to(client, email):
    return client.post(EMAIL_URL, {"email": email, "action_add": ""})


def confirmation_path(message):
    match = CONFIRM_LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def test_the_email_page_lives_under_konto(db):
    assert reverse("account_email") == EMAIL_URL


def test_the_page_needs_a_login(client, db):
    response = client.get(EMAIL_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert change_to(client, "neu@example.org").status_code == 302
    assert not EmailAddress.objects.exists()
    assert mail.outbox == []


def test_the_page_shows_the_current_address(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    html = client.get(EMAIL_URL).content.decode()
    assert "citizen@example.org" in html
    assert "bestätigt" in html
    assert 'name="action_add"' in html


def test_a_new_address_waits_for_its_confirmation(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    response = change_to(client, "Neu@Example.org")
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.email == "citizen@example.org"
    assert EmailAddress.objects.get(user=citizen, email="neu@example.org").verified is False
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    html = client.get(EMAIL_URL).content.decode()
    assert "neu@example.org" in html
    assert "noch nicht bestätigt" in html
    # The old address still logs in until the new one is confirmed.
    old_address = Client()
    old_address.post(reverse("account_login"), {"login": "citizen@example.org", "password": PASSWORD})
    assert old_address.session["_auth_user_id"] == str(citizen.pk)


def test_confirming_the_new_address_switches_and_tells_the_old_one(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    change_to(client, "neu@example.org")
    confirmation = mail.outbox[0]
    mail.outbox.clear()

    client.post(confirmation_path(confirmation))

    citizen.refresh_from_db()
    assert citizen.email == "neu@example.org"
    assert list(EmailAddress.objects.filter(user=citizen).values_list("email", "verified", "primary")) == [
        ("neu@example.org", True, True)
    ]
    assert is_verified_participant(citizen)
    notices = [message for message in mail.outbox if message.to == ["citizen@example.org"]]
    assert len(notices) == 1
    assert notices[0].subject == "Ihre E-Mail-Adresse wurde geändert"
    assert "citizen@example.org" in notices[0].body
    assert "neu@example.org" in notices[0].body


def test_after_the_change_only_the_new_address_logs_in(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    change_to(client, "neu@example.org")
    client.post(confirmation_path(mail.outbox[0]))

    old = Client()
    old.post(reverse("account_login"), {"login": "citizen@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in old.session
    new = Client()
    new.post(reverse("account_login"), {"login": "neu@example.org", "password": PASSWORD})
    assert new.session["_auth_user_id"] == str(citizen.pk)


def test_an_invalid_address_is_refused_and_kept(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    response = change_to(client, "keine-adresse")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert 'value="keine-adresse"' in html
    assert 'aria-invalid="true"' in html
    assert EmailAddress.objects.filter(user=citizen).count() == 1
    assert mail.outbox == []


def test_the_current_address_is_refused(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    response = change_to(client, "citizen@example.org")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert EmailAddress.objects.filter(user=citizen).count() == 1
    assert mail.outbox == []


def test_the_address_of_another_account_is_not_revealed_nor_taken(client, citizen, other_citizen):
    verify_email(citizen)
    verify_email(other_citizen)
    client.force_login(citizen)
    response = change_to(client, other_citizen.email)
    # The same answer as for a free address: no hint that it is taken.
    assert response.status_code == 302
    assert "noch nicht bestätigt" in client.get(EMAIL_URL).content.decode()
    # Even the link sent to that address cannot move it to this account.
    assert [message.to for message in mail.outbox] == [[other_citizen.email]]
    response = client.get(confirmation_path(mail.outbox[0]))
    assert "schon zu einem anderen Konto gehört" in response.content.decode()
    client.post(confirmation_path(mail.outbox[0]))
    other_citizen.refresh_from_db()
    citizen.refresh_from_db()
    assert other_citizen.email == "other.citizen@example.org"
    assert citizen.email == "citizen@example.org"
    assert not EmailAddress.objects.filter(user=citizen, email=other_citizen.email, verified=True).exists()
