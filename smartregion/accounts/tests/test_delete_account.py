"""Delete my account: the current password is required; the account and its
private data go, the id goes to the tombstone list, and every session of the
account ends, on every device."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.test import Client

from smartregion.accounts.models import AccountAction, Consent, DeletedAccount, User
from smartregion.accounts.tests.factories import PASSWORD

URL = "/konto/loeschen/"


@pytest.fixture
def citizen_with_data(citizen):
    Consent.objects.create(user=citizen, document=Consent.Document.TERMS, version="2026-11")
    Consent.objects.create(user=citizen, document=Consent.Document.PRIVACY, version="2026-11")
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    TOTP.activate(citizen, generate_totp_secret())
    return citizen


def sessions_of(user_id):
    return [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == str(user_id)]


@pytest.mark.django_db
def test_the_page_explains_what_happens_and_asks_for_the_password(client, citizen):
    client.force_login(citizen)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.templates[0].name == "accounts/delete_account.html"
    html = response.text
    assert "Das Löschen lässt sich nicht rückgängig machen." in html
    assert "„Gelöschtes Konto“" in html
    assert "Sie werden auf allen Geräten abgemeldet." in html
    assert 'href="/konto/daten/"' in html
    assert 'type="password" name="password" autocomplete="current-password"' in html
    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
def test_the_right_password_deletes_the_account_and_its_private_data(client, citizen_with_data):
    user_id = citizen_with_data.pk
    client.force_login(citizen_with_data)

    response = client.post(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"
    assert not User.objects.filter(pk=user_id).exists()
    assert not Consent.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    assert not Authenticator.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(email="citizen@example.org").exists()


@pytest.mark.django_db
def test_it_writes_the_tombstone(client, citizen):
    user_id = citizen.pk
    client.force_login(citizen)

    client.post(URL, {"password": PASSWORD})

    assert list(DeletedAccount.objects.values_list("user_id", flat=True)) == [user_id]


@pytest.mark.django_db
def test_it_logs_out_and_says_so_in_german(client, citizen):
    client.force_login(citizen)

    response = client.post(URL, {"password": PASSWORD}, follow=True)

    assert not response.wsgi_request.user.is_authenticated
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Ihr Konto ist gelöscht. Alle Anmeldungen auf allen Geräten sind beendet."
    ]
    assert client.get("/konto/").status_code == 302


@pytest.mark.django_db
def test_the_other_logged_in_client_of_the_same_person_is_logged_out(citizen):
    laptop, phone = Client(), Client()
    laptop.force_login(citizen)
    phone.force_login(citizen)
    assert phone.get("/konto/").status_code == 200
    assert len(sessions_of(citizen.pk)) == 2

    laptop.post(URL, {"password": PASSWORD})

    assert sessions_of(citizen.pk) == []
    response = phone.get("/konto/")
    assert response.status_code == 302
    assert response.url == "/konto/login/?next=/konto/"


@pytest.mark.django_db
def test_other_people_stay_logged_in_and_keep_their_data(client, citizen, other_citizen):
    Consent.objects.create(user=other_citizen, document=Consent.Document.TERMS, version="2026-11")
    other = Client()
    other.force_login(other_citizen)
    client.force_login(citizen)

    client.post(URL, {"password": PASSWORD})

    assert other.get("/konto/").status_code == 200
    assert len(sessions_of(other_citizen.pk)) == 1
    assert Consent.objects.filter(user=other_citizen).count() == 1


@pytest.mark.django_db
def test_a_wrong_password_changes_nothing(client, citizen_with_data):
    client.force_login(citizen_with_data)

    response = client.post(URL, {"password": "ein-falsches-passwort"})

    assert response.status_code == 200
    assert "Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht." in response.text
    assert 'aria-invalid="true"' in response.text
    assert User.objects.filter(pk=citizen_with_data.pk).exists()
    assert Consent.objects.filter(user=citizen_with_data).count() == 2
    assert EmailAddress.objects.filter(user=citizen_with_data).count() == 1
    assert Authenticator.objects.filter(user=citizen_with_data).count() == 1
    assert not DeletedAccount.objects.exists()
    assert len(sessions_of(citizen_with_data.pk)) == 1
    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_an_empty_password_is_refused(client, citizen):
    client.force_login(citizen)

    response = client.post(URL, {"password": ""})

    assert response.status_code == 200
    assert "Bitte geben Sie Ihr Passwort ein, um Ihr Konto zu löschen." in response.text
    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
def test_password_guessing_is_throttled_even_for_the_right_password(client, citizen):
    # allauth's "reauthenticate" limit: 10 attempts a minute per account.
    client.force_login(citizen)
    for _attempt in range(10):
        client.post(URL, {"password": "ein-falsches-passwort"})

    response = client.post(URL, {"password": PASSWORD})

    assert "Zu viele Versuche." in response.text
    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
def test_a_get_request_deletes_nothing(client, citizen):
    client.force_login(citizen)

    client.get(URL, {"password": PASSWORD})

    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)

    response = client.post(URL, {"password": PASSWORD})

    assert response.status_code == 403
    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_is_sent_to_the_login(client, citizen, method):
    response = getattr(client, method)(URL, {"password": PASSWORD})

    assert response.status_code == 302
    assert response.url.startswith(f"/konto/login/?next={URL}")
    assert User.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db
def test_the_audit_log_about_the_account_goes_and_actions_by_it_stay(client, citizen, other_citizen):
    AccountAction.objects.create(actor=other_citizen, target=citizen, kind=AccountAction.Kind.BLOCKED, details="x")
    by_citizen = AccountAction.objects.create(
        actor=citizen, target=other_citizen, kind=AccountAction.Kind.UNBLOCKED, details="y"
    )
    client.force_login(citizen)

    client.post(URL, {"password": PASSWORD})

    assert list(AccountAction.objects.all()) == [by_citizen]
    by_citizen.refresh_from_db()
    assert by_citizen.actor is None
    assert by_citizen.target == other_citizen
