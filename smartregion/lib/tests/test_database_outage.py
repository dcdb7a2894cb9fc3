"""A database outage: PostgreSQL unreachable (its driver's real "connection
refused"). Every request is answered at once with 503, Retry-After and a
plain German page; anonymous pages in the page cache are still served;
/healthz names the database; once it is back, pages are 200 again."""

import time

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.lib import outage
from smartregion.lib.tests.services import database_unreachable, silent_server
from smartregion.participation.tests.factories import open_process

pytestmark = pytest.mark.django_db

STORE = "/ideenspeicher/"
OUTAGE_TEXT = "vorübergehend nicht erreichbar"


@pytest.fixture
def visitor():
    # The test client would raise the view's exception; a browser gets the
    # error page.
    return Client(raise_request_exception=False)


@pytest.fixture
def idea():
    return IdeaFactory(process=open_process(), title="Dorfladen mit Café")


def test_a_page_that_needs_the_database_answers_503_at_once(visitor, idea):
    with database_unreachable():
        started = time.monotonic()
        response = visitor.get(idea.get_absolute_url())
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    assert OUTAGE_TEXT in response.content.decode()
    assert elapsed < 2


def test_retry_after_follows_the_setting(visitor, idea, settings):
    settings.OUTAGE_RETRY_AFTER = 30

    with database_unreachable():
        response = visitor.get(idea.get_absolute_url())

    assert response["Retry-After"] == "30"


def test_an_anonymous_page_in_the_cache_is_still_served(visitor, idea):
    warm = visitor.get(STORE)
    assert warm["X-Page-Cache"] == "miss"

    with database_unreachable():
        cached = visitor.get(STORE)
        uncached = visitor.get(f"{STORE}?seite=2")

    assert cached.status_code == 200
    assert cached["X-Page-Cache"] == "hit"
    assert "Dorfladen mit Café" in cached.content.decode()
    assert uncached.status_code == 503


def test_a_logged_in_member_gets_503_not_500(visitor, idea, citizen):
    visitor.force_login(citizen)

    with database_unreachable():
        response = visitor.get("/konto/")

    assert response.status_code == 503
    assert OUTAGE_TEXT in response.content.decode()


def test_a_post_during_the_outage_answers_503(visitor, idea, citizen):
    visitor.force_login(citizen)
    url = f"{idea.get_absolute_url()}unterstuetzen/"

    with database_unreachable():
        response = visitor.post(url, {"support": "1"})

    assert response.status_code == 503


def test_pages_answer_200_again_once_the_database_is_back(visitor, idea, citizen):
    visitor.force_login(citizen)
    with database_unreachable():
        assert visitor.get(idea.get_absolute_url()).status_code == 503

    response = visitor.get(idea.get_absolute_url())

    assert response.status_code == 200
    assert "Dorfladen mit Café" in response.content.decode()


def test_a_hanging_database_costs_a_request_one_connect_timeout(visitor, idea, citizen):
    # The view's query waits two seconds (libpq's least connect_timeout)
    # for the silent server; the
    # middleware that loads the member for the answer then fails at once
    # instead of waiting again (lib/db/postgresql).
    visitor.force_login(citizen)
    with silent_server() as port, database_unreachable(port, connect_timeout=2):
        started = time.monotonic()
        response = visitor.get("/konto/")
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert 1.9 < elapsed < 3.5


def test_after_a_failure_the_next_attempts_fail_at_once_for_a_moment(settings):
    settings.DATABASE_FAIL_FAST_SECONDS = 60
    with silent_server() as port, database_unreachable(port, connect_timeout=1):
        with pytest.raises(OperationalError):
            connection.ensure_connection()
        started = time.monotonic()
        with pytest.raises(OperationalError, match="not tried again so soon"):
            connection.ensure_connection()
        elapsed = time.monotonic() - started

    assert elapsed < 0.1


def test_healthz_names_the_database_when_it_fails(client):
    with database_unreachable():
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started

    assert response.status_code == 503
    lines = response.content.decode().splitlines()
    assert lines[0] == "failed"
    assert "database: failed" in lines
    assert "cache: ok" in lines
    assert "no-cache" in response["Cache-Control"]
    assert elapsed < 2


def test_other_errors_still_answer_500():
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = outage.server_error(request)

    assert response.status_code == 500
    assert not response.has_header("Retry-After")
    assert "Es ist ein Fehler aufgetreten" in response.content.decode()


def _raised_by_postgresql(error_class):
    """Django's OperationalError as it wraps a psycopg error of
    `error_class` (the SQLSTATE comes with the class)."""
    try:
        try:
            raise error_class("from the server")
        except error_class as cause:
            raise OperationalError(str(cause)) from cause
    except OperationalError as wrapped:
        return wrapped


def test_a_deadlock_is_a_fault_of_the_request_not_an_outage():
    from psycopg import errors

    assert not outage.is_database_outage(_raised_by_postgresql(errors.DeadlockDetected))
    assert not outage.is_database_outage(_raised_by_postgresql(errors.QueryCanceled))


def test_a_server_shutting_down_or_a_lost_connection_is_an_outage():
    from psycopg import errors

    assert outage.is_database_outage(_raised_by_postgresql(errors.AdminShutdown))
    assert outage.is_database_outage(_raised_by_postgresql(errors.ConnectionFailure))
    assert outage.is_database_outage(OperationalError("connection refused"))
