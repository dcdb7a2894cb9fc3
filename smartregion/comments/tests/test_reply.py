"""Replies: one level, written inline (a <details> form) or on the reply
page; a reply to a reply joins its top-level comment."""

import uuid

import pytest

from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import HiddenReason
from smartregion.participation.tests.factories import process_with_phase

pytestmark = pytest.mark.django_db


def reply(client, comment, text="Da stimme ich zu.", **extra):
    data = {"text": text, "submission_key": str(uuid.uuid4()), "next": comment.target.get_absolute_url()}
    return client.post(f"/kommentare/{comment.pk}/antworten/", data, **extra)


def test_a_reply_hangs_under_its_comment(client, verified_citizen, verified_other_citizen, idea):
    parent = actions.add_comment(idea, verified_other_citizen, "Gute Idee!")
    client.force_login(verified_citizen)

    response = reply(client, parent)

    answer = Comment.objects.get(parent=parent)
    assert response.url == f"{idea.get_absolute_url()}#kommentar-{answer.pk}"
    assert answer.author == verified_citizen
    assert answer.target == idea
    idea.refresh_from_db()
    assert idea.comment_count == 2
    thread = client.get(f"/kommentare/idee/{idea.pk}/").text
    replies = thread[thread.index('<ol class="comment-replies">') :]
    assert "Da stimme ich zu." in replies


def test_a_reply_to_a_reply_joins_the_top_level_comment(verified_citizen, idea):
    top = actions.add_comment(idea, verified_citizen, "Oben")
    first = actions.add_comment(idea, verified_citizen, "Antwort", parent=top)

    second = actions.add_comment(idea, verified_citizen, "Antwort auf die Antwort", parent=first)

    assert second.parent == top


def test_the_reply_page_of_a_reply_answers_its_top_level_comment(client, verified_citizen, idea):
    top = actions.add_comment(idea, verified_citizen, "Oben")
    first = actions.add_comment(idea, verified_citizen, "Antwort", parent=top)
    client.force_login(verified_citizen)

    reply(client, first, text="Dritte Stimme")

    assert Comment.objects.get(text="Dritte Stimme").parent == top


@pytest.mark.parametrize("state", ["removed", "hidden", "pending"])
def test_no_reply_to_a_comment_that_is_not_visible(client, verified_citizen, idea, state):
    parent = CommentFactory(target=idea, author=verified_citizen)
    if state == "removed":
        actions.remove_comment(parent)
    elif state == "hidden":
        actions.hide_comment(parent, HiddenReason.OFF_TOPIC)
    else:
        Comment.objects.filter(pk=parent.pk).update(status=Comment.Status.PENDING)
    client.force_login(verified_citizen)

    response = reply(client, parent)

    assert response.status_code == 200
    assert "Auf diesen Kommentar kann nicht (mehr) geantwortet werden." in response.text
    assert not Comment.objects.filter(parent=parent).exists()


def test_no_reply_across_targets(verified_citizen, idea):
    elsewhere = IdeaFactory(process=process_with_phase("ideas.comment"))
    parent = CommentFactory(target=elsewhere)

    with pytest.raises(actions.ReplyNotPossible):
        actions.add_comment(idea, verified_citizen, "Falscher Ort", parent=parent)
    assert not Comment.objects.filter(parent=parent).exists()


def test_the_reply_page_shows_the_comment_and_the_form(client, verified_citizen, idea):
    parent = CommentFactory(target=idea, text="Was ist mit dem Winter?")
    client.force_login(verified_citizen)

    text = client.get(f"/kommentare/{parent.pk}/antworten/").text

    assert "<h1>Auf einen Kommentar antworten</h1>" in text
    assert "Was ist mit dem Winter?" in text
    assert 'action="/kommentare/' in text
    assert '<label for="antwort-' in text


def test_anonymous_visitors_see_the_reply_page_without_a_form(client, idea):
    parent = CommentFactory(target=idea)

    text = client.get(f"/kommentare/{parent.pk}/antworten/").text

    assert "Bitte melden Sie sich an, um zu kommentieren" in text
    assert "csrfmiddlewaretoken" not in text
    response = reply(client, parent)
    assert response.url.startswith("/konto/login/")
    assert not Comment.objects.filter(parent=parent).exists()


def test_a_reply_with_an_error_keeps_the_text_on_the_reply_page(client, verified_citizen, idea):
    parent = CommentFactory(target=idea)
    client.force_login(verified_citizen)

    response = reply(client, parent, text="x" * 2001)

    assert response.status_code == 200
    assert "<h1>Auf einen Kommentar antworten</h1>" in response.text
    assert "x" * 2001 in response.text
    assert "höchstens 2000 Zeichen" in response.text
    assert not Comment.objects.filter(parent=parent).exists()


def test_with_htmx_a_reply_error_replaces_its_form(client, verified_citizen, idea):
    parent = CommentFactory(target=idea)
    client.force_login(verified_citizen)

    response = reply(client, parent, text="", HTTP_HX_REQUEST="true")

    assert response.text.lstrip().startswith(f'<form method="post" action="/kommentare/{parent.pk}/antworten/"')
    assert f'id="antwort-{parent.pk}"' in response.text
    assert "Bitte schreiben Sie Ihre Antwort in das Feld." in response.text


def test_reply_forms_only_on_visible_top_level_comments(client, verified_citizen, idea):
    top = CommentFactory(target=idea)
    answer = CommentFactory(target=idea, parent=top)
    client.force_login(verified_citizen)

    text = client.get(f"/kommentare/idee/{idea.pk}/").text

    assert f'action="/kommentare/{top.pk}/antworten/"' in text
    assert f'action="/kommentare/{answer.pk}/antworten/"' not in text
