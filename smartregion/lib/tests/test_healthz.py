"""/healthz: what a load balancer or monitor polls: one line per component
(database and each cache), 503 naming the one that failed. The outages
themselves are in test_database_outage.py and test_redis_outage.py."""

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection


@pytest.mark.django_db
def test_it_answers_ok_when_every_component_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\ndatabase: ok\ncache: ok\ncache-pages: ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database: failed" in response.content


@pytest.mark.django_db
def test_it_answers_503_when_a_cache_keeps_nothing(client, monkeypatch):
    # A cache that ignores its errors reads None for what was just written.
    monkeypatch.setattr(caches["pages"], "get", lambda *args, **kwargs: None)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.content == b"failed\ndatabase: ok\ncache: ok\ncache-pages: failed\n"


@pytest.mark.django_db
def test_it_needs_no_more_than_one_query(client, django_assert_num_queries):
    # SELECT 1
    with django_assert_num_queries(1):
        client.get("/healthz")


@pytest.mark.django_db
def test_it_refuses_post(client):
    assert client.post("/healthz").status_code == 405
