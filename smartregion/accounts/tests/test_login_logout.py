"""Logging in with e-mail address and password, "remember me", and logging
out, which only a POST does."""

import pytest
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.test import Client
from django.urls import reverse

from smartregion.accounts.tests.factories import PASSWORD

LOGIN_URL = "/konto/login/"
LOGOUT_URL = "/konto/logout/"


def log_in(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"login": email, "password": password, **extra})


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_the_login_page_lives_under_konto(db):
    assert reverse("account_login") == LOGIN_URL
    assert reverse("account_logout") == LOGOUT_URL


@pytest.mark.parametrize("typed", ["citizen@example.org", "Citizen@Example.ORG", "  citizen@example.org "])
def test_a_citizen_logs_in_with_the_address_as_typed(client, citizen, typed):
    response = log_in(client, typed)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    assert logged_in_user_id(client) == str(citizen.pk)


def test_login_leads_back_to_the_page_that_asked_for_it(client, citizen):
    response = client.post(f"{LOGIN_URL}?next=/konto/email/", {"login": citizen.email, "password": PASSWORD})
    assert response["Location"] == "/konto/email/"


def test_the_login_refuses_a_next_url_on_another_host(client, citizen):
    response = client.post(f"{LOGIN_URL}?next=https://example.com/", {"login": citizen.email, "password": PASSWORD})
    assert response["Location"] == reverse("accounts:profile")


def test_a_wrong_password_is_refused_and_the_address_stays(client, citizen):
    response = log_in(client, citizen.email, "falsches-passwort")
    assert response.status_code == 200
    html = response.content.decode()
    assert str(get_adapter().error_messages["email_password_mismatch"]) in html
    assert 'value="citizen@example.org"' in html
    assert "falsches-passwort" not in html
    assert logged_in_user_id(client) is None


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, citizen):
    wrong_password = log_in(Client(), citizen.email, "falsches-passwort")
    unknown = log_in(client, "niemand@example.org", "falsches-passwort")
    message = str(get_adapter().error_messages["email_password_mismatch"])
    assert unknown.status_code == wrong_password.status_code == 200
    assert message in unknown.content.decode()
    assert message in wrong_password.content.decode()


def test_an_inactive_account_cannot_log_in(client, citizen):
    citizen.is_active = False
    citizen.save()
    log_in(client, citizen.email)
    assert logged_in_user_id(client) is None


def test_without_remember_me_the_session_ends_with_the_browser(client, citizen):
    response = log_in(client, citizen.email)
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == ""
    assert cookie["expires"] == ""


def test_with_remember_me_the_session_lasts_the_idle_timeout(client, citizen):
    response = log_in(client, citizen.email, remember="on")
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


def test_remember_me_is_not_ticked_in_advance(client, db):
    html = client.get(LOGIN_URL).content.decode()
    assert 'name="remember"' in html
    assert 'name="remember" id="id_remember" aria-describedby="remember-hint">' in html


def test_logging_out_by_get_only_asks(client, citizen):
    client.force_login(citizen)
    response = client.get(LOGOUT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Möchten Sie sich abmelden?" in html
    assert f'<form method="post" action="{LOGOUT_URL}">' in html
    assert logged_in_user_id(client) == str(citizen.pk)


def test_logging_out_by_post_ends_the_login(client, citizen, page_tree):
    client.force_login(citizen)
    response = client.post(LOGOUT_URL, follow=True)
    assert response.redirect_chain[0][0] == "/"
    assert logged_in_user_id(client) is None
    assert "Sie sind abgemeldet." in response.content.decode()


def test_logging_out_needs_the_csrf_token(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = client.post(LOGOUT_URL)
    assert response.status_code == 403
    assert logged_in_user_id(client) == str(citizen.pk)


def test_the_header_logs_out_with_a_post_form(client, citizen, page_tree):
    client.force_login(citizen)
    html = client.get("/").content.decode()
    assert f'<form method="post" action="{LOGOUT_URL}">' in html


def test_the_profile_asks_visitors_to_log_in(client, db):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/konto/"
