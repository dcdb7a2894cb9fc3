"""Editing one's own comment within 15 minutes; it is marked "bearbeitet"."""

import datetime as dt

import pytest
from django.utils import timezone

from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.participation.models import HiddenReason

pytestmark = pytest.mark.django_db


def age(comment, minutes):
    """Pretend `comment` was written `minutes` ago."""
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - dt.timedelta(minutes=minutes))
    comment.refresh_from_db()
    return comment


@pytest.fixture
def comment(verified_citizen, idea):
    return actions.add_comment(idea, verified_citizen, "Die Bank braucht ein Dach.")


def test_the_author_edits_within_15_minutes(client, verified_citizen, idea, comment):
    age(comment, 14)
    client.force_login(verified_citizen)

    page = client.get(f"/kommentare/{comment.pk}/bearbeiten/?next={idea.get_absolute_url()}")
    response = client.post(
        f"/kommentare/{comment.pk}/bearbeiten/",
        {"text": "Die Bank braucht ein Dach und eine Lampe.", "next": idea.get_absolute_url()},
    )

    assert "Die Bank braucht ein Dach." in page.text
    assert response.status_code == 302
    assert response.url == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    comment.refresh_from_db()
    assert comment.text == "Die Bank braucht ein Dach und eine Lampe."
    assert comment.edited_at is not None
    thread = client.get(f"/kommentare/idee/{idea.pk}/").text
    assert '<span class="comment__edited">bearbeitet</span>' in thread
    idea.refresh_from_db()
    assert idea.comment_count == 1


def test_after_15_minutes_the_comment_stays_as_it_was(client, verified_citizen, idea, comment):
    age(comment, 16)
    client.force_login(verified_citizen)

    assert not verified_citizen.has_perm("comments.change_comment", comment)
    response = client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"text": "Zu spät"}, follow=True)

    assert "Das geht nur in den ersten 15 Minuten nach dem Schreiben." in response.text
    comment.refresh_from_db()
    assert comment.text == "Die Bank braucht ein Dach."
    assert comment.edited_at is None
    with pytest.raises(actions.EditWindowClosed):
        actions.edit_comment(comment, "Zu spät")


def test_the_edit_link_shows_only_within_the_window(client, verified_citizen, idea, comment):
    client.force_login(verified_citizen)
    edit_link = f'href="/kommentare/{comment.pk}/bearbeiten/'

    assert edit_link in client.get(f"/kommentare/idee/{idea.pk}/").text
    age(comment, 16)
    assert edit_link not in client.get(f"/kommentare/idee/{idea.pk}/").text


def test_nobody_else_edits(client, verified_other_citizen, moderator, comment):
    for person in (verified_other_citizen, moderator):
        client.force_login(person)
        assert client.get(f"/kommentare/{comment.pk}/bearbeiten/").status_code == 403
        assert client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"text": "Fremd"}).status_code == 403
    comment.refresh_from_db()
    assert comment.text == "Die Bank braucht ein Dach."


def test_anonymous_visitors_are_sent_to_the_login(client, comment):
    response = client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"text": "Anonym"})

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")


def test_bad_input_keeps_the_typed_text(client, verified_citizen, comment):
    client.force_login(verified_citizen)

    response = client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"text": "y" * 2001})

    assert response.status_code == 200
    assert "y" * 2001 in response.text
    assert "höchstens 2000 Zeichen" in response.text
    comment.refresh_from_db()
    assert comment.text == "Die Bank braucht ein Dach."


def test_an_unchanged_text_is_not_marked_edited(comment):
    comment = actions.edit_comment(comment, "  Die Bank braucht ein Dach.  ")

    assert comment.edited_at is None


@pytest.mark.parametrize("state", ["removed", "hidden"])
def test_removed_and_hidden_comments_cannot_be_edited(client, verified_citizen, comment, state):
    if state == "removed":
        actions.remove_comment(comment)
    else:
        actions.hide_comment(comment, HiddenReason.DISRESPECTFUL)
    client.force_login(verified_citizen)

    client.post(f"/kommentare/{comment.pk}/bearbeiten/", {"text": "Doch wieder da"})

    comment.refresh_from_db()
    assert comment.text == "Die Bank braucht ein Dach."
    with pytest.raises(actions.CommentGone):
        actions.edit_comment(comment, "Doch wieder da")


@pytest.mark.parametrize(
    "next_url", ["http://testserver//evil.example/x", "//evil.example/x", "https://evil.example/"]
)
def test_a_next_address_on_another_host_is_ignored(client, verified_citizen, idea, comment, next_url):
    age(comment, 20)
    client.force_login(verified_citizen)

    response = client.get(f"/kommentare/{comment.pk}/bearbeiten/", {"next": next_url})

    assert response.status_code == 302
    assert response.url == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
