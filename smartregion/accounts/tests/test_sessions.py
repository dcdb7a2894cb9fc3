"""Sessions: a new key at login, nothing left on the server after logout,
an idle timeout renewed by every request, and strict cookies in
production."""

import datetime as dt
import importlib.util

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import smartregion.settings
from smartregion.accounts.tests.factories import PASSWORD

TWO_WEEKS = 14 * 24 * 3600


def load_settings(monkeypatch, **environment):
    """smartregion/settings.py read afresh with `environment`, as a separate
    module (the settings in use stay untouched)."""
    for name in ("DEBUG", "SESSION_IDLE_TIMEOUT", "SECURE_SSL_REDIRECT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SECRET_KEY", "probe-secret-key")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_probe", smartregion.settings.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def log_in(client, user, **extra):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD, **extra})
    assert response.status_code == 302
    return response


@pytest.fixture
def clock(monkeypatch):
    """Set the time the sessions see (timezone.now) to `at`."""

    def set_to(at):
        monkeypatch.setattr(timezone, "now", lambda: at)

    return set_to


def test_login_gives_a_new_session_key(client, citizen):
    before = client.session
    before["seen_the_news"] = True
    before.save()
    old_key = before.session_key

    log_in(client, citizen)

    assert client.session.session_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    # What the visitor had in the session is kept.
    assert client.session["seen_the_news"] is True


def test_logout_deletes_the_session_on_the_server(client, citizen):
    log_in(client, citizen)
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()

    client.post(reverse("account_logout"))

    assert not Session.objects.filter(session_key=key).exists()
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = key
    assert stolen.get(reverse("accounts:profile")).status_code == 302


def test_every_request_renews_the_idle_timeout(client, citizen, clock):
    start = timezone.now()
    clock(start)
    log_in(client, citizen, remember="on")
    key = client.session.session_key
    assert Session.objects.get(session_key=key).expire_date == start + dt.timedelta(
        seconds=settings.SESSION_COOKIE_AGE
    )

    almost = start + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    clock(almost)
    assert client.get(reverse("accounts:profile")).status_code == 200
    renewed = Session.objects.get(session_key=key).expire_date
    assert renewed == almost + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)

    clock(renewed + dt.timedelta(seconds=1))
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_browser_session_also_ends_on_the_server_when_idle(client, citizen, clock):
    start = timezone.now()
    clock(start)
    log_in(client, citizen)
    assert client.session.get_expire_at_browser_close()

    clock(start + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE + 1))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_the_idle_timeout_is_two_weeks_unless_configured(monkeypatch):
    production = load_settings(monkeypatch)
    assert production.SESSION_COOKIE_AGE == TWO_WEEKS
    # Renewed by RenewSessionMiddleware, not on every request.
    assert production.SESSION_SAVE_EVERY_REQUEST is False
    assert production.ACCOUNT_SESSION_REMEMBER is None  # people choose
    assert load_settings(monkeypatch, SESSION_IDLE_TIMEOUT="3600").SESSION_COOKIE_AGE == 3600


def test_production_cookies_are_secure_httponly_and_lax(monkeypatch):
    production = load_settings(monkeypatch, DEBUG="0")
    assert production.DEBUG is False
    assert production.SESSION_COOKIE_SECURE is True
    assert production.SESSION_COOKIE_HTTPONLY is True
    assert production.SESSION_COOKIE_SAMESITE == "Lax"
    assert production.CSRF_COOKIE_SECURE is True


def test_the_session_cookie_carries_the_production_flags(client, citizen, settings, monkeypatch):
    production = load_settings(monkeypatch, DEBUG="0")
    for name in ("SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE"):
        setattr(settings, name, getattr(production, name))
    cookie = log_in(client, citizen).cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_local_development_works_without_https(monkeypatch):
    development = load_settings(monkeypatch, DEBUG="1")
    assert development.SESSION_COOKIE_SECURE is False
    assert development.SESSION_COOKIE_HTTPONLY is True


def test_the_session_is_written_at_most_once_per_renewal_interval(client, citizen, clock):
    from smartregion.accounts.middleware import SESSION_RENEWAL_INTERVAL

    start = timezone.now()
    clock(start)
    log_in(client, citizen, remember="on")
    key = client.session.session_key
    client.get(reverse("accounts:profile"))
    first = Session.objects.get(session_key=key).expire_date

    clock(start + dt.timedelta(seconds=SESSION_RENEWAL_INTERVAL - 1))
    client.get(reverse("accounts:profile"))
    assert Session.objects.get(session_key=key).expire_date == first

    later = start + dt.timedelta(seconds=SESSION_RENEWAL_INTERVAL + 1)
    clock(later)
    client.get(reverse("accounts:profile"))
    assert Session.objects.get(session_key=key).expire_date == later + dt.timedelta(
        seconds=settings.SESSION_COOKIE_AGE
    )
