"""Supports have a rate limit per person like comments and ideas: past it,
a support or withdrawal writes nothing and says why."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.ideas.models import Support
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.ideas.views import ideas as views
from smartregion.lib.ratelimit import MINUTE, Limit
from smartregion.participation.tests.factories import open_process

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
REFUSAL = "Sie haben gerade sehr oft unterstützt."


@pytest.fixture
def two_a_minute(monkeypatch):
    monkeypatch.setattr(views, "SUPPORT_LIMITS", (Limit(2, MINUTE),))


def support_url(idea):
    return reverse("ideas:idea-support", args=[idea.process.slug, idea.pk])


def test_supports_past_the_limit_write_nothing_and_say_why(client, citizen, two_a_minute):
    verify_email(citizen)
    client.force_login(citizen)
    first, second, third = IdeaFactory.create_batch(3, process=open_process())
    client.post(support_url(first), {"support": "1"}, **HTMX)
    client.post(support_url(second), {"support": "1"}, **HTMX)

    response = client.post(support_url(third), {"support": "1"}, **HTMX)

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert set(Support.objects.values_list("idea_id", flat=True)) == {first.pk, second.pk}


def test_without_javascript_the_refusal_is_a_message(client, citizen, two_a_minute):
    verify_email(citizen)
    client.force_login(citizen)
    idea = IdeaFactory(process=open_process())
    client.post(support_url(idea), {"support": "1"})
    client.post(support_url(idea), {"support": "0"})

    response = client.post(support_url(idea), {"support": "1"}, follow=True)

    assert REFUSAL in response.content.decode()
    assert not Support.objects.exists()


def test_the_limit_is_per_person(client, citizen, two_a_minute):
    other = verify_email(UserFactory())
    verify_email(citizen)
    idea = IdeaFactory(process=open_process())
    client.force_login(citizen)
    for wanted in ("1", "0", "1"):
        client.post(support_url(idea), {"support": wanted}, **HTMX)
    client.force_login(other)

    response = client.post(support_url(idea), {"support": "1"}, **HTMX)

    assert REFUSAL not in response.content.decode()
    assert list(Support.objects.values_list("user_id", flat=True)) == [other.pk]


def test_an_unverified_person_is_refused_before_the_limit_counts(client, citizen, two_a_minute):
    client.force_login(citizen)
    idea = IdeaFactory(process=open_process())

    for _attempt in range(3):
        response = client.post(support_url(idea), {"support": "1"}, **HTMX)

    assert REFUSAL not in response.content.decode()
    assert not Support.objects.exists()
