"""Withdrawing one's own idea: asked first, then marked; it stays public
with its comments."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import verify_email
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas import actions
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import open_process, process_with_phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(citizen):
    return IdeaFactory(process=open_process(), author=verify_email(citizen))


def withdraw_url(idea):
    return reverse("ideas:idea-withdraw", args=[idea.process.slug, idea.pk])


def test_get_asks_and_changes_nothing(client, idea):
    client.force_login(idea.author)

    response = client.get(withdraw_url(idea))

    assert "Ja, Idee zurückziehen" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == Idea.Status.SUBMITTED


def test_post_withdraws_and_the_idea_stays_visible_with_its_comments(client, idea):
    CommentFactory(target=idea, text="Schade, die Idee war gut.")
    client.force_login(idea.author)

    response = client.post(withdraw_url(idea), follow=True)

    idea.refresh_from_db()
    assert idea.status == Idea.Status.WITHDRAWN
    assert idea.withdrawn_at is not None
    page = response.content.decode()
    assert "Sie haben Ihre Idee zurückgezogen." in page
    assert "Schade, die Idee war gut." in page
    client.logout()
    assert client.get(idea.get_absolute_url()).status_code == 200


def test_withdrawing_works_in_any_phase(client, citizen):
    idea = IdeaFactory(process=process_with_phase("jury.rate"), author=verify_email(citizen))
    client.force_login(citizen)

    client.post(withdraw_url(idea))

    idea.refresh_from_db()
    assert idea.is_withdrawn


def test_withdrawing_twice_changes_nothing(client, idea):
    actions.withdraw_idea(idea)
    first = Idea.objects.get(pk=idea.pk).withdrawn_at
    client.force_login(idea.author)

    response = client.post(withdraw_url(idea), follow=True)

    assert "bereits zurückgezogen" in response.content.decode()
    assert Idea.objects.get(pk=idea.pk).withdrawn_at == first


def test_others_are_refused(client, idea, other_citizen, moderator):
    for person in (verify_email(other_citizen), moderator):
        client.force_login(person)
        assert client.get(withdraw_url(idea)).status_code == 403
        assert client.post(withdraw_url(idea)).status_code == 403
    idea.refresh_from_db()
    assert not idea.is_withdrawn


def test_an_anonymous_visitor_is_sent_to_the_login(client, idea):
    response = client.post(withdraw_url(idea))

    assert reverse("account_login") in response["Location"]
    idea.refresh_from_db()
    assert not idea.is_withdrawn


def test_a_withdrawn_idea_keeps_its_supports_but_collects_no_more(idea, other_citizen):
    actions.support_idea(idea, other_citizen)

    actions.withdraw_idea(idea)

    idea.refresh_from_db()
    assert idea.support_count == 1
    assert not verify_email(other_citizen).has_perm("ideas.support_idea", idea)
