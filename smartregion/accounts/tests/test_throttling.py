"""Rate limits (settings.ACCOUNT_RATE_LIMITS, kept in the cache): they slow
down guessing and mail bombing per address and per IP, lift again after
their window, and never tell whether an address has an account."""

import time
from types import SimpleNamespace

import pytest
from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import PASSWORD

WRONG = "falsches-passwort"
TOO_MANY_LOGINS = "too_many_login_attempts"


def log_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def fail_logins(client, email, times):
    for _ in range(times):
        response = log_in(client, email, WRONG)
        assert response.status_code == 200
        assert str(get_adapter().error_messages["email_password_mismatch"]) in response.content.decode()


def message(code):
    return str(get_adapter().error_messages[code])


@pytest.fixture
def later(monkeypatch):
    """Move the rate limiter's clock `seconds` ahead."""

    def move(seconds):
        moved = time.time() + seconds
        clock = SimpleNamespace(time=lambda: moved, monotonic=time.monotonic, sleep=time.sleep)
        monkeypatch.setattr(ratelimit, "time", clock)

    return move


def test_the_sixth_rapid_login_for_one_address_is_refused_even_with_the_right_password(client, citizen):
    fail_logins(client, citizen.email, 5)
    response = log_in(client, citizen.email)
    assert response.status_code == 200
    assert message(TOO_MANY_LOGINS) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_limit_counts_the_address_however_it_is_written(client, citizen):
    fail_logins(client, "CITIZEN@example.org", 5)
    response = log_in(client, "citizen@example.org")
    assert message(TOO_MANY_LOGINS) in response.content.decode()


def test_five_failures_still_allow_the_right_password(client, citizen):
    fail_logins(client, citizen.email, 4)
    log_in(client, citizen.email)
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_another_address_from_the_same_ip_still_logs_in(client, citizen, other_citizen):
    fail_logins(client, citizen.email, 5)
    other = Client()
    log_in(other, other_citizen.email)
    assert other.session["_auth_user_id"] == str(other_citizen.pk)


def test_the_victim_logs_in_from_another_ip_only_after_the_window(client, citizen, later):
    fail_logins(client, citizen.email, 5)
    victim = Client(REMOTE_ADDR="198.51.100.7")
    assert message(TOO_MANY_LOGINS) in log_in(victim, citizen.email).content.decode()
    later(5 * 60 + 1)
    log_in(victim, citizen.email)
    assert victim.session["_auth_user_id"] == str(citizen.pk)


def test_too_many_failures_from_one_ip_are_refused(client, citizen):
    for number in range(10):
        fail_logins(client, f"raten{number}@example.org", 1)
    response = log_in(Client(), citizen.email)
    assert message(TOO_MANY_LOGINS) in response.content.decode()
    # Someone elsewhere is not affected.
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    log_in(elsewhere, citizen.email)
    assert elsewhere.session["_auth_user_id"] == str(citizen.pk)


def test_the_limit_does_not_tell_whether_an_address_is_registered(client, citizen):
    fail_logins(client, citizen.email, 5)
    registered = log_in(client, citizen.email, WRONG)
    unknown_client = Client(REMOTE_ADDR="198.51.100.7")
    fail_logins(unknown_client, "niemand@example.org", 5)
    unknown = log_in(unknown_client, "niemand@example.org", WRONG)
    assert registered.status_code == unknown.status_code == 200
    assert message(TOO_MANY_LOGINS) in registered.content.decode()
    assert message(TOO_MANY_LOGINS) in unknown.content.decode()


def sign_up(client, number):
    return client.post(
        reverse("account_signup"),
        {
            "email": f"person{number}@example.org",
            "password1": "Kirschblüten am Laacher See",
            "display_name": f"Person {number}",
            "accept_terms": "on",
        },
    )


def test_sign_ups_from_one_ip_are_limited(db):
    for number in range(10):
        assert sign_up(Client(), number).status_code == 302
    response = sign_up(Client(), 10)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert User.objects.count() == 10
    assert sign_up(Client(REMOTE_ADDR="198.51.100.7"), 11).status_code == 302


def request_reset(client, email):
    return client.post(reverse("account_reset_password"), {"email": email})


def test_reset_mails_for_one_address_are_limited(client, citizen):
    for _ in range(3):
        assert request_reset(client, citizen.email).status_code == 302
    assert len(mail.outbox) == 3
    response = request_reset(Client(REMOTE_ADDR="198.51.100.7"), citizen.email)
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_reset_limit_does_not_tell_whether_an_address_is_registered(client, citizen):
    for _ in range(3):
        request_reset(client, citizen.email)
        request_reset(client, "niemand@example.org")
    registered = request_reset(client, citizen.email)
    unknown = request_reset(client, "niemand@example.org")
    assert registered.status_code == unknown.status_code == 429
    assert registered.content == unknown.content


def test_reset_mails_from_one_ip_are_limited(client, db):
    for number in range(10):
        assert request_reset(client, f"person{number}@example.org").status_code == 302
    assert request_reset(client, "person10@example.org").status_code == 429
    assert len(mail.outbox) == 10


def test_verification_mails_for_one_address_are_limited(client, citizen, later):
    client.force_login(citizen)
    for _ in range(3):
        response = client.post(reverse("account_email"), {"email": citizen.email, "action_send": ""})
        assert response.status_code == 302
    assert len(mail.outbox) == 1
    later(3 * 60 + 1)
    client.post(reverse("account_email"), {"email": citizen.email, "action_send": ""})
    assert len(mail.outbox) == 2


def test_the_counters_live_in_the_shared_cache(client, citizen):
    # The default cache is Redis when REDIS_URL is set, so every app server
    # counts the same attempts; emptying it resets the counters.
    fail_logins(client, citizen.email, 5)
    assert message(TOO_MANY_LOGINS) in log_in(client, citizen.email).content.decode()
    cache.clear()
    log_in(client, citizen.email)
    assert client.session["_auth_user_id"] == str(citizen.pk)
