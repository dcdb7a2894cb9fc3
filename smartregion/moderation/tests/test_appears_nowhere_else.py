"""Hidden and pending contributions appear nowhere but on their own page
(for their author and the staff): one test per surface that shows ideas
or comments to the public. Ideas reach every reader through
Idea.objects.public(); comments through the thread's shown_to() and the
idea's comment_count, which counts visible comments only.

Each test makes a public idea, a hidden one and a pending one (decided
through moderation.actions, as the moderators do) with unmistakable titles,
then looks for them on the surface."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments import actions as comment_actions
from smartregion.comments.models import Comment
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import actions
from smartregion.moderation.models import Report
from smartregion.participation.models import HiddenReason, Moderation, Process
from smartregion.participation.tests.factories import open_process

PUBLIC = "Mitfahrbank am Bahnhof"
HIDDEN = "Mitfahrbank Werbeangebot"
PENDING = "Mitfahrbank Wartezimmer"


@pytest.fixture(autouse=True)
def _no_page_cache(no_page_cache):
    pass


@pytest.fixture
def ideas(db, mayen, moderator):
    process = open_process(moderation=Process.ModerationMode.PRE)
    text = "Eine Bank, auf der man zeigt, dass man mitgenommen werden möchte."
    public = IdeaFactory(process=process, municipality=mayen, title=PUBLIC, text=text)
    hidden = IdeaFactory(process=process, municipality=mayen, title=HIDDEN, text=text)
    actions.hide(hidden, moderator, HiddenReason.ADVERTISING)
    pending = IdeaFactory(process=process, municipality=mayen, title=PENDING, text=text, moderation=Moderation.PENDING)
    return {"public": public, "hidden": hidden, "pending": pending, "process": process}


def assert_only_public(content: str):
    assert PUBLIC in content
    assert HIDDEN not in content
    assert PENDING not in content


def test_the_ideenspeicher_list(client, ideas):
    assert_only_public(client.get(reverse("ideas:idea-store")).content.decode())


def test_the_ideenspeicher_count(client, ideas):
    page = client.get(reverse("ideas:idea-store")).content.decode()
    assert re.search(r">\s*1 Idee\s*<", page)


def test_the_process_page_and_its_count(client, ideas):
    page = client.get(ideas["process"].get_absolute_url()).content.decode()
    assert_only_public(page)


def test_the_municipality_section(client, ideas, mayen):
    assert_only_public(client.get(mayen.get_absolute_url()).content.decode())


def test_the_feed(client, ideas):
    assert_only_public(client.get(reverse("ideas:idea-store-feed")).content.decode())


def test_the_csv(client, ideas):
    response = client.get(reverse("ideas:idea-store-csv"))
    assert_only_public(b"".join(response.streaming_content).decode("utf-8-sig"))


def test_the_map_data(client, ideas):
    for each in ideas.values():
        if hasattr(each, "latitude"):
            type(each).objects.filter(pk=each.pk).update(latitude=50.3, longitude=7.2)
    assert_only_public(client.get(reverse("ideas:idea-store-map-data")).content.decode())


def test_the_search(client, ideas, page_tree):
    response = client.get(reverse("search"), {"q": "Mitfahrbank"})
    assert response.status_code == 200
    page = response.content.decode()
    assert HIDDEN not in page
    assert PENDING not in page


def test_the_similar_idea_hint(client, ideas):
    url = reverse("ideas:similar-ideas", args=[ideas["process"].slug])
    assert_only_public(client.get(url, {"title": "Mitfahrbank", "text": "mitgenommen Bank"}).content.decode())


def test_comments_in_the_thread_and_the_count(client, ideas, moderator):
    idea = ideas["public"]
    shown = comment_actions.add_comment(idea, UserFactory(), "Sichtbarer Kommentar")
    actions.approve(shown, moderator)
    hidden = comment_actions.add_comment(idea, UserFactory(), "Ausgeblendeter Kommentar")
    actions.approve(hidden, moderator)
    actions.hide(hidden, moderator, HiddenReason.DISRESPECTFUL)
    comment_actions.add_comment(idea, UserFactory(), "Wartender Kommentar")
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Sichtbarer Kommentar" in page
    assert "Ausgeblendeter Kommentar" not in page
    assert "Wartender Kommentar" not in page
    assert "Kommentare (1)" in page


def test_the_e_mails_carry_no_hidden_words_to_others(db, ideas, moderator, django_capture_on_commit_callbacks):
    reporter = UserFactory(email="someone@example.org")
    comment = comment_actions.add_comment(ideas["public"], UserFactory(), "Verbotene Worte hier")
    actions.approve(comment, moderator)
    actions.report(comment, reporter, Report.Reason.INSULT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.hide(comment, moderator, HiddenReason.DISRESPECTFUL)
    to_others = [message for message in mail.outbox if message.to != [comment.author.email]]
    assert to_others
    for message in to_others:
        assert "Verbotene Worte" not in message.subject + message.body
