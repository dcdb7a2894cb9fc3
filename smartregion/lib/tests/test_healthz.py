"""/healthz: what a load balancer or monitor polls."""

import pytest
from django.db import OperationalError, connection


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert b"database unavailable" in response.content


@pytest.mark.django_db
def test_it_needs_no_more_than_one_query(client, django_assert_num_queries):
    # SELECT 1
    with django_assert_num_queries(1):
        client.get("/healthz")


@pytest.mark.django_db
def test_it_refuses_post(client):
    assert client.post("/healthz").status_code == 405
