"""The author removes their comment: "vom Verfasser entfernt" takes its
place, replies stay, the count goes down."""

import pytest

from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.participation.models import HiddenReason, Process
from smartregion.participation.tests.factories import process_with_phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(verified_citizen, idea):
    return actions.add_comment(idea, verified_citizen, "Mein voreiliger Gedanke.")


def test_the_author_confirms_and_removes(client, verified_citizen, verified_other_citizen, idea, comment):
    answer = actions.add_comment(idea, verified_other_citizen, "Eine Antwort darauf.", parent=comment)
    client.force_login(verified_citizen)

    confirm = client.get(f"/kommentare/{comment.pk}/entfernen/?next={idea.get_absolute_url()}")
    response = client.post(f"/kommentare/{comment.pk}/entfernen/", {"next": idea.get_absolute_url()})

    assert "Ja, Kommentar entfernen" in confirm.text
    assert response.url == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED
    idea.refresh_from_db()
    assert idea.comment_count == 1
    thread = client.get(f"/kommentare/idee/{idea.pk}/").text
    assert "vom Verfasser entfernt" in thread
    assert "Mein voreiliger Gedanke." not in thread
    assert "Eine Antwort darauf." in thread
    assert Comment.objects.get(pk=answer.pk).status == Comment.Status.VISIBLE


def test_removing_twice_counts_once(idea, comment):
    actions.remove_comment(comment)
    actions.remove_comment(comment)

    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_a_pending_comment_leaves_no_mark_on_the_count(verified_citizen):
    from smartregion.ideas.tests.factories import IdeaFactory

    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    comment = actions.add_comment(idea, verified_citizen, "Wartet noch")

    actions.remove_comment(comment)

    idea.refresh_from_db()
    assert idea.comment_count == 0
    assert Comment.objects.get().status == Comment.Status.REMOVED


def test_the_author_may_remove_after_the_edit_window_and_the_phase(client, verified_citizen, idea, comment):
    Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at.replace(year=2020))
    idea.process.phases.update(opens=[])
    client.force_login(verified_citizen)

    client.post(f"/kommentare/{comment.pk}/entfernen/")

    assert Comment.objects.get().status == Comment.Status.REMOVED


def test_nobody_else_removes(client, verified_other_citizen, moderator, comment):
    for person in (verified_other_citizen, moderator):
        client.force_login(person)
        assert client.get(f"/kommentare/{comment.pk}/entfernen/").status_code == 403
        assert client.post(f"/kommentare/{comment.pk}/entfernen/").status_code == 403
    assert Comment.objects.get().status == Comment.Status.VISIBLE


def test_anonymous_visitors_are_sent_to_the_login(client, comment):
    response = client.post(f"/kommentare/{comment.pk}/entfernen/")

    assert response.url.startswith("/konto/login/")
    assert Comment.objects.get().status == Comment.Status.VISIBLE


def test_a_hidden_comment_stays_hidden(client, verified_citizen, idea, comment):
    actions.hide_comment(comment, HiddenReason.ADVERTISING)
    client.force_login(verified_citizen)

    response = client.post(f"/kommentare/{comment.pk}/entfernen/", follow=True)

    assert "Dieser Kommentar ist bereits entfernt oder ausgeblendet." in response.text
    assert Comment.objects.get().status == Comment.Status.HIDDEN
    with pytest.raises(actions.CommentGone):
        actions.remove_comment(comment)
