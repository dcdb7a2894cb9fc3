"""Changing the password asks for the current one; the new one follows the
password rules, and the account's address is told of the change."""

from django.core import mail
from django.test import Client
from django.urls import reverse

from smartregion.accounts.tests.factories import PASSWORD, verify_email

CHANGE_URL = "/konto/password/change/"
NEW_PASSWORD = "Nebel über dem Nettetal"


def change(client, current=PASSWORD, new=NEW_PASSWORD, repeat=None):
    return client.post(CHANGE_URL, {"oldpassword": current, "password1": new, "password2": repeat or new})


def test_the_page_lives_under_konto(db):
    assert reverse("account_change_password") == CHANGE_URL


def test_the_page_needs_a_login(client, citizen):
    response = client.get(CHANGE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    change(client)
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_the_form_asks_for_the_current_password(client, citizen):
    client.force_login(citizen)
    html = client.get(CHANGE_URL).content.decode()
    assert 'name="oldpassword"' in html
    assert "Aktuelles Passwort" in html


def test_a_citizen_changes_the_password_and_stays_logged_in(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    response = change(client)
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(citizen.pk)
    assert "Ihr Passwort ist geändert." in client.get(response["Location"]).content.decode()


def test_the_address_is_told_of_the_change(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    change(client)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["citizen@example.org"]
    assert mail.outbox[0].subject == "Ihr Passwort wurde geändert"


def test_the_new_password_logs_in_and_the_old_one_no_longer(client, citizen):
    client.force_login(citizen)
    change(client)
    old = Client()
    old.post(reverse("account_login"), {"login": citizen.email, "password": PASSWORD})
    assert "_auth_user_id" not in old.session
    new = Client()
    new.post(reverse("account_login"), {"login": citizen.email, "password": NEW_PASSWORD})
    assert new.session["_auth_user_id"] == str(citizen.pk)


def test_a_wrong_current_password_changes_nothing(client, citizen):
    client.force_login(citizen)
    response = change(client, current="falsches-passwort")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_oldpassword_helptext id_oldpassword_error"' in html
    assert NEW_PASSWORD not in html
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
    assert mail.outbox == []


def test_the_new_password_must_follow_the_rules(client, citizen):
    client.force_login(citizen)
    response = change(client, new="kurz")
    assert response.status_code == 200
    assert "Dieses Passwort ist zu kurz." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_the_two_entries_must_match(client, citizen):
    client.force_login(citizen)
    response = change(client, repeat="Nebel über dem Moseltal")
    assert response.status_code == 200
    assert 'id="id_password2_error"' in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)


def test_changing_needs_the_csrf_token(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert change(client).status_code == 403
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
