"""The moderation hides a comment with a reason and restores it; the
thread shows "Von der Moderation ausgeblendet: …"."""

import pytest

from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import HiddenReason, Process
from smartregion.participation.tests.factories import process_with_phase

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(verified_citizen, idea):
    return actions.add_comment(idea, verified_citizen, "Das ist eine Beleidigung.")


def test_a_hidden_comment_shows_the_reason_and_not_the_text(client, verified_other_citizen, idea, comment):
    actions.add_comment(idea, verified_other_citizen, "Eine Antwort bleibt lesbar.", parent=comment)

    actions.hide_comment(comment, HiddenReason.DISRESPECTFUL)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert comment.hidden_reason == HiddenReason.DISRESPECTFUL
    idea.refresh_from_db()
    assert idea.comment_count == 1
    for person in (None, verified_other_citizen, comment.author):
        if person:
            client.force_login(person)
        text = client.get(f"/kommentare/idee/{idea.pk}/").text
        assert "Von der Moderation ausgeblendet: respektlos oder beleidigend" in text
        assert "Das ist eine Beleidigung." not in text
        assert "Eine Antwort bleibt lesbar." in text
    # Its author cannot change it any more.
    assert f"/kommentare/{comment.pk}/bearbeiten/" not in text


def test_restoring_shows_and_counts_it_again(client, idea, comment):
    actions.hide_comment(comment, HiddenReason.OFF_TOPIC)

    actions.restore_comment(comment)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert comment.hidden_reason == ""
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert "Das ist eine Beleidigung." in client.get(f"/kommentare/idee/{idea.pk}/").text


def test_hiding_twice_counts_once_and_changes_the_reason(idea, comment):
    actions.hide_comment(comment, HiddenReason.OFF_TOPIC)
    actions.hide_comment(comment, HiddenReason.ADVERTISING)

    comment.refresh_from_db()
    assert comment.hidden_reason == HiddenReason.ADVERTISING
    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_restoring_a_pending_comment_approves_it(verified_citizen):
    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    pending = actions.add_comment(idea, verified_citizen, "Bitte freigeben")
    idea.refresh_from_db()
    assert idea.comment_count == 0

    actions.restore_comment(pending)
    actions.restore_comment(pending)

    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert Comment.objects.get().status == Comment.Status.VISIBLE


def test_hiding_a_pending_comment_leaves_the_count(verified_citizen):
    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    pending = actions.add_comment(idea, verified_citizen, "Werbung!")

    actions.hide_comment(pending, HiddenReason.ADVERTISING)

    idea.refresh_from_db()
    assert idea.comment_count == 0


def test_a_removed_comment_is_the_authors_decision(idea, comment):
    actions.remove_comment(comment)

    with pytest.raises(actions.CommentGone):
        actions.hide_comment(comment, HiddenReason.OTHER)
    with pytest.raises(actions.CommentGone):
        actions.restore_comment(comment)
    assert Comment.objects.get().status == Comment.Status.REMOVED


def test_an_unknown_reason_is_refused(comment):
    with pytest.raises(ValueError):
        actions.hide_comment(comment, "weil")
    assert Comment.objects.get().status == Comment.Status.VISIBLE


def test_only_moderators_moderate(moderator, verified_citizen, idea):
    comment = CommentFactory(target=idea)

    assert moderator.has_perm("moderation.moderate_comment", comment)
    assert not verified_citizen.has_perm("moderation.moderate_comment", comment)
    assert not comment.author.has_perm("moderation.moderate_comment", comment)
