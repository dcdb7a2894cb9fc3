"""Supporting an idea: toggle, who may, the exact count, and the answer
with htmx (the box in place) and without JavaScript (redirect)."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.ideas import actions
from smartregion.ideas.models import Support
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import open_process, process_with_phase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def verified_citizen(citizen):
    return verify_email(citizen)


@pytest.fixture
def idea():
    return IdeaFactory(process=open_process())


def support_url(idea):
    return reverse("ideas:idea-support", args=[idea.process.slug, idea.pk])


def count(idea):
    idea.refresh_from_db()
    return idea.support_count


# The actions --------------------------------------------------------------------


def test_support_adds_one_row_and_one_count(idea, verified_citizen):
    assert actions.support_idea(idea, verified_citizen) is True

    assert Support.objects.filter(idea=idea, user=verified_citizen).count() == 1
    assert count(idea) == 1


def test_a_second_support_by_the_same_person_changes_nothing(idea, verified_citizen):
    actions.support_idea(idea, verified_citizen)

    assert actions.support_idea(idea, verified_citizen) is False

    assert Support.objects.filter(idea=idea).count() == 1
    assert count(idea) == 1


def test_withdrawing_the_support_lowers_the_count_once(idea, verified_citizen):
    actions.support_idea(idea, verified_citizen)

    assert actions.withdraw_support(idea, verified_citizen) is True
    assert actions.withdraw_support(idea, verified_citizen) is False

    assert not Support.objects.exists()
    assert count(idea) == 0


def test_toggle_supports_and_takes_back(idea, verified_citizen):
    assert actions.toggle_support(idea, verified_citizen) is True
    assert actions.toggle_support(idea, verified_citizen) is False
    assert count(idea) == 0


def test_the_count_is_the_number_of_people(idea):
    people = UserFactory.create_batch(7)
    for person in people:
        actions.support_idea(idea, person)
    actions.withdraw_support(idea, people[0])

    assert count(idea) == 6 == Support.objects.filter(idea=idea).count()


def test_the_author_cannot_support_the_own_idea(idea):
    with pytest.raises(actions.SupportRefused):
        actions.support_idea(idea, idea.author)

    assert count(idea) == 0


# The view -----------------------------------------------------------------------


def test_without_javascript_it_redirects_with_a_message(client, idea, verified_citizen):
    client.force_login(verified_citizen)

    response = client.post(support_url(idea), {"support": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#unterstuetzen"
    page = client.get(response["Location"]).content.decode()
    assert "Danke! Sie unterstützen diese Idee." in page
    assert "Unterstützung zurücknehmen" in page
    assert count(idea) == 1


def test_with_htmx_it_answers_with_the_box_alone(client, idea, verified_citizen):
    client.force_login(verified_citizen)

    response = client.post(support_url(idea), {"support": "1"}, **HTMX)

    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<div class="support" id="unterstuetzen">')
    assert "<html" not in page
    assert "<strong>1</strong> Person unterstützt diese Idee" in page
    assert "Unterstützung zurücknehmen" in page
    assert 'role="status"' in page


def test_taking_back_with_htmx_shows_the_support_button_again(client, idea, verified_citizen):
    actions.support_idea(idea, verified_citizen)
    client.force_login(verified_citizen)

    response = client.post(support_url(idea), {"support": "0"}, **HTMX)

    assert ">Unterstützen</button>" in response.content.decode()
    assert count(idea) == 0


def test_a_double_click_supports_once(client, idea, verified_citizen):
    client.force_login(verified_citizen)

    client.post(support_url(idea), {"support": "1"})
    client.post(support_url(idea), {"support": "1"})

    assert count(idea) == 1


def test_the_author_is_refused(client, idea):
    verify_email(idea.author)
    client.force_login(idea.author)

    response = client.post(support_url(idea), {"support": "1"}, follow=True)
    htmx = client.post(support_url(idea), {"support": "1"}, **HTMX)

    assert "Ihre eigene Idee können Sie nicht unterstützen." in response.content.decode()
    assert "Ihre eigene Idee können Sie nicht unterstützen." in htmx.content.decode()
    assert count(idea) == 0


def test_an_unverified_person_is_refused(client, idea, citizen):
    client.force_login(citizen)

    response = client.post(support_url(idea), {"support": "1"}, follow=True)

    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in response.content.decode()
    assert count(idea) == 0


def test_an_anonymous_visitor_is_sent_to_the_login(client, idea):
    response = client.post(support_url(idea), {"support": "1"})

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert count(idea) == 0


@pytest.mark.parametrize("switches", [(), ("ideas.submit", "ideas.comment"), ("jury.rate",)])
def test_nobody_supports_while_supports_are_closed(client, verified_citizen, switches):
    idea = IdeaFactory(process=process_with_phase(*switches))
    client.force_login(verified_citizen)

    client.post(support_url(idea), {"support": "1"})

    assert count(idea) == 0


def test_a_withdrawn_idea_collects_no_support(client, idea, verified_citizen):
    actions.withdraw_idea(idea)
    client.force_login(verified_citizen)

    client.post(support_url(idea), {"support": "1"})

    assert count(idea) == 0


def test_a_pending_idea_is_not_found(client, verified_citizen):
    idea = IdeaFactory(process=open_process(), moderation=Moderation.PENDING)
    client.force_login(verified_citizen)

    assert client.post(support_url(idea), {"support": "1"}).status_code == 404
    assert count(idea) == 0


def test_it_only_answers_post(client, idea, verified_citizen):
    client.force_login(verified_citizen)

    assert client.get(support_url(idea)).status_code == 405


def test_it_needs_the_csrf_token(idea, verified_citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(verified_citizen)

    assert client.post(support_url(idea), {"support": "1"}).status_code == 403
    assert count(idea) == 0


def test_a_superuser_supporting_their_own_idea_gets_a_message_not_an_error(client):
    # has_perm says yes to every question of a superuser, so the action's
    # own refusal is what stops it.
    superuser = verify_email(UserFactory(is_superuser=True, is_staff=True))
    idea = IdeaFactory(process=open_process(), author=superuser)
    client.force_login(superuser)

    response = client.post(support_url(idea), {"support": "1"}, **HTMX)

    assert response.status_code == 200
    assert "Ihre eigene Idee können Sie nicht unterstützen." in response.text
    assert count(idea) == 0
