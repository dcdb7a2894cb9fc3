"""A Redis outage: a real redis-server, killed in the middle of the test
and started again. The site keeps serving without its caches, nobody is
logged out (sessions are cached_db), rate limits let people through
instead of answering 500, and /healthz names the cache."""

import logging

import pytest
from django.test import Client

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.models import Support
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.lib import ratelimit
from smartregion.lib.tests.services import RedisServer, needs_redis
from smartregion.participation.tests.factories import open_process

pytestmark = [pytest.mark.django_db, needs_redis]

STORE = "/ideenspeicher/"


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.kill()


@pytest.fixture
def redis_settings(settings, redis_server):
    """The production settings for REDIS_URL (settings.py), on the test's
    own redis-server."""
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_server.url, "OPTIONS": options},
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "pages",
            "OPTIONS": options,
        },
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    return redis_server


@pytest.fixture
def visitor(redis_settings):
    # Made after the settings, so that its middleware uses cached_db.
    return Client(raise_request_exception=False)


@pytest.fixture
def idea():
    return IdeaFactory(process=open_process(), title="Mitfahrbank in Kruft")


def test_a_member_stays_logged_in_while_redis_is_down(visitor, redis_settings, citizen):
    visitor.force_login(citizen)
    assert visitor.get("/konto/").status_code == 200

    redis_settings.kill()
    during = visitor.get("/konto/")
    redis_settings.start()
    after = visitor.get("/konto/")

    assert during.status_code == 200
    assert citizen.email in during.content.decode()
    assert after.status_code == 200
    assert citizen.email in after.content.decode()


def test_pages_are_served_without_the_page_cache_while_redis_is_down(visitor, redis_settings, idea):
    assert visitor.get(STORE)["X-Page-Cache"] == "miss"
    assert visitor.get(STORE)["X-Page-Cache"] == "hit"

    redis_settings.kill()
    during = visitor.get(STORE)
    redis_settings.start()
    first_after, second_after = visitor.get(STORE), visitor.get(STORE)

    assert during.status_code == 200
    assert "Mitfahrbank in Kruft" in during.content.decode()
    assert not during.has_header("X-Page-Cache")
    assert first_after["X-Page-Cache"] == "miss"
    assert second_after["X-Page-Cache"] == "hit"


def test_a_member_can_support_while_redis_is_down(visitor, redis_settings, idea, citizen):
    verify_email(citizen)
    visitor.force_login(citizen)

    redis_settings.kill()
    response = visitor.post(f"{idea.get_absolute_url()}unterstuetzen/", {"support": "1"})

    assert response.status_code == 302
    assert Support.objects.filter(idea=idea, user=citizen).exists()


def test_the_sign_up_page_answers_while_redis_is_down(visitor, redis_settings):
    redis_settings.kill()

    assert visitor.get("/konto/signup/").status_code == 200


def test_rate_limits_let_people_through_and_log_while_redis_is_down(redis_settings, caplog):
    assert ratelimit.allow("outage-test", limit=1, period=60)
    assert not ratelimit.allow("outage-test", limit=1, period=60)

    redis_settings.kill()
    with caplog.at_level(logging.WARNING, logger="smartregion.lib.ratelimit"):
        allowed = [ratelimit.allow("outage-test", limit=1, period=60) for _attempt in range(3)]

    assert allowed == [True, True, True]
    assert "Rate limit outage-test not counted" in caplog.text


def test_rate_limits_count_again_once_redis_is_back(redis_settings):
    redis_settings.kill()
    redis_settings.start()

    assert ratelimit.allow("outage-test", limit=1, period=60)
    assert not ratelimit.allow("outage-test", limit=1, period=60)


def test_healthz_names_the_cache_while_redis_is_down(visitor, redis_settings):
    assert visitor.get("/healthz").status_code == 200

    redis_settings.kill()
    during = visitor.get("/healthz")
    redis_settings.start()
    after = visitor.get("/healthz")

    assert during.status_code == 503
    assert during.content == b"failed\ndatabase: ok\ncache: failed\ncache-pages: failed\n"
    assert after.status_code == 200
