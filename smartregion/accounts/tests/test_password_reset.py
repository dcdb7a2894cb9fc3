"""Resetting a forgotten password by e-mail: the link works once and only
for settings.PASSWORD_RESET_TIMEOUT seconds, and the answer never tells
whether an address has an account."""

import datetime as dt
import re

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client
from django.urls import reverse

from smartregion.accounts.tests.factories import PASSWORD

RESET_URL = "/konto/password/reset/"
RESET_LINK = re.compile(r"https?://[^/\s]+(/konto/password/reset/key/[^/\s]+/)")
NEW_PASSWORD = "Sonnenaufgang über der Eifel"


def request_reset(client, email):
    return client.post(RESET_URL, {"email": email})


def reset_path(message):
    match = RESET_LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def open_link(client, path):
    """Follow the link from the mail; allauth moves the key into the session
    and redirects to a URL without it."""
    return client.get(path, follow=True)


def set_password(client, path, password=NEW_PASSWORD, repeat=None):
    response = open_link(client, path)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    return client.post(form_url, {"password1": password, "password2": repeat or password})


def test_the_reset_page_lives_under_konto(db):
    assert reverse("account_reset_password") == RESET_URL


def test_the_login_page_links_to_the_reset(client, db):
    assert f'href="{RESET_URL}"' in client.get(reverse("account_login")).content.decode()


def test_a_citizen_gets_a_link_and_sets_a_new_password(client, citizen):
    response = request_reset(client, "Citizen@Example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["citizen@example.org"]
    assert mail.outbox[0].subject == "Ihr Link zum Zurücksetzen des Passworts"

    response = set_password(Client(), reset_path(mail.outbox[0]))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)
    assert not citizen.check_password(PASSWORD)


def test_the_new_password_works_for_login(client, citizen):
    request_reset(client, citizen.email)
    set_password(Client(), reset_path(mail.outbox[0]))
    response = client.post(reverse("account_login"), {"login": citizen.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_the_link_works_only_once(client, citizen):
    request_reset(client, citizen.email)
    path = reset_path(mail.outbox[0])
    set_password(Client(), path)

    second = Client()
    response = open_link(second, path)
    assert "Dieser Link zum Zurücksetzen des Passworts ist abgelaufen oder wurde schon benutzt." in (
        response.content.decode()
    )
    set_password(second, path, "Noch ein ganz anderes Passwort")
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)


def test_the_link_expires(client, citizen, settings, monkeypatch):
    request_reset(client, citizen.email)
    path = reset_path(mail.outbox[0])
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)

    response = open_link(Client(), path)
    assert "Dieser Link zum Zurücksetzen des Passworts ist abgelaufen oder wurde schon benutzt." in (
        response.content.decode()
    )
    set_password(Client(), path)
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_a_link_with_a_wrong_key_is_refused(client, citizen):
    request_reset(client, citizen.email)
    path = reset_path(mail.outbox[0])
    tampered = path[:-3] + ("x" if path[-3] != "x" else "y") + path[-2:]
    response = open_link(Client(), tampered)
    assert "abgelaufen oder wurde schon benutzt" in response.content.decode()


def test_the_new_password_must_follow_the_rules(client, citizen):
    request_reset(client, citizen.email)
    browser = Client()
    response = set_password(browser, reset_path(mail.outbox[0]), "kurz")
    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_the_two_entries_must_match(client, citizen):
    request_reset(client, citizen.email)
    response = set_password(Client(), reset_path(mail.outbox[0]), NEW_PASSWORD, "Etwas ganz anderes hier")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_link(client, citizen):
    known = request_reset(Client(), citizen.email)
    unknown = request_reset(client, "niemand@example.org")
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    # allauth tells the owner of the unknown address that there is no
    # account (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS); the visitor learns nothing.
    assert len(mail.outbox) == 2
    to_unknown = mail.outbox[1]
    assert to_unknown.to == ["niemand@example.org"]
    assert to_unknown.subject == "Zu dieser Adresse gibt es kein Konto"
    assert "/konto/password/reset/key/" not in to_unknown.body
    assert "/konto/signup/" in to_unknown.body


def test_the_done_page_does_not_say_whether_a_mail_was_sent(client, db):
    html = client.get(reverse("account_reset_password_done")).content.decode()
    assert "Wenn zu der Adresse ein Konto gehört" in html


def test_an_invalid_address_is_refused_and_kept(client, db):
    response = request_reset(client, "keine-adresse")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte gültige E-Mail-Adresse eingeben." in html
    assert 'value="keine-adresse"' in html
    assert mail.outbox == []
