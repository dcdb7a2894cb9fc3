"""The author objects to a decision once, through the link of the notice
mail or on their hidden idea's page; nobody else reaches the form."""

import pytest
from django.urls import reverse

from smartregion.moderation import actions
from smartregion.moderation.models import ModerationAction, Objection
from smartregion.participation.models import HiddenReason


@pytest.fixture(autouse=True)
def _no_page_cache(no_page_cache):
    pass


def object_url(entry):
    return reverse("moderation:object", args=[entry.pk])


@pytest.fixture
def hidden(comment, moderator):
    return actions.hide(comment, moderator, HiddenReason.OFF_TOPIC, "Geht am Thema vorbei.")


def test_the_author_objects_once(client, hidden, author, comment):
    client.force_login(author)
    page = client.get(object_url(hidden)).content.decode()
    assert "nicht zum Thema" in page
    assert "Geht am Thema vorbei." in page
    response = client.post(object_url(hidden), {"text": "Das gehört sehr wohl dazu."})
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert (objection.author, objection.text, objection.status) == (author, "Das gehört sehr wohl dazu.", "open")
    page = client.get(object_url(hidden)).content.decode()
    assert "Sie haben am" in page
    assert client.post(object_url(hidden), {"text": "Noch einmal."}).status_code == 409
    assert Objection.objects.count() == 1


def test_an_empty_objection_is_refused_with_a_message(client, hidden, author):
    client.force_login(author)
    response = client.post(object_url(hidden), {"text": ""})
    assert response.status_code == 400
    assert "Bitte begründen Sie Ihren Widerspruch." in response.content.decode()
    assert not Objection.objects.exists()


@pytest.mark.parametrize("person", ["reporter", "moderator", "other_moderator"])
def test_nobody_but_the_author_reaches_the_form(client, request, hidden, person):
    client.force_login(request.getfixturevalue(person))
    assert client.get(object_url(hidden)).status_code == 404
    assert client.post(object_url(hidden), {"text": "Ich auch."}).status_code == 404
    assert not Objection.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login(client, hidden):
    response = client.get(object_url(hidden))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_report_entry_is_no_decision(client, comment, reporter, author):
    actions.report(comment, reporter, "spam")
    entry = ModerationAction.objects.get()
    client.force_login(author)
    assert client.get(object_url(entry)).status_code == 404


def test_the_author_of_a_hidden_idea_finds_the_objection_link_on_its_page(client, idea, author, moderator):
    entry = actions.hide(idea, moderator, HiddenReason.ADVERTISING)
    client.force_login(author)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Von der Moderation ausgeblendet" in page
    assert object_url(entry) in page


def test_everybody_else_sees_the_placeholder_in_place_of_a_hidden_idea(client, idea, moderator, reporter):
    actions.hide(idea, moderator, HiddenReason.ADVERTISING)
    for visitor in (None, reporter):
        if visitor is not None:
            client.force_login(visitor)
        response = client.get(idea.get_absolute_url())
        page = response.content.decode()
        assert response.status_code == 200
        assert "Von der Moderation ausgeblendet: Werbung" in page
        assert "Mitfahrbank in Mayen" not in page


def test_a_hidden_comment_shows_the_placeholder_in_the_thread(client, idea, comment, moderator):
    actions.hide(comment, moderator, HiddenReason.PERSONAL_DATA)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Von der Moderation ausgeblendet: enthält persönliche Daten" in page
    assert "Das ist ein Kommentar mit Inhalt." not in page
