"""The region's word list: a contribution with a listed word or pattern
waits for the moderation instead of being published; nothing is deleted."""

import pytest

from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments import actions as comment_actions
from smartregion.comments.models import Comment
from smartregion.ideas import actions as idea_actions
from smartregion.moderation.models import ModerationAction, WatchedTerm, matches, terms_changed
from smartregion.moderation.tests.factories import WatchedTermFactory
from smartregion.participation.models import Moderation


@pytest.fixture
def word_list(db):
    WatchedTermFactory(term="Deppen")
    WatchedTermFactory(term=r"kauf\w* jetzt", is_pattern=True)
    terms_changed()


def test_whole_words_in_any_case(word_list):
    assert matches("Diese DEPPEN da!") == ["Deppen"]
    assert matches("Deppenapostroph ist kein Schimpfwort") == []
    assert matches("Kaufen Sie jetzt") == []
    assert matches("KAUFEN JETZT bei uns") == [r"kauf\w* jetzt"]
    assert matches("") == []


def test_a_change_of_the_list_is_seen_at_once(word_list):
    assert matches("neu") == []
    WatchedTerm.objects.create(term="neu")
    terms_changed()
    assert matches("ganz neu") == ["neu"]


def test_a_broken_pattern_stops_nothing(word_list):
    WatchedTerm.objects.create(term="(", is_pattern=True)
    terms_changed()
    assert matches("Deppen") == ["Deppen"]


def test_a_comment_with_a_listed_word_waits_and_the_hold_is_logged(word_list, idea):
    comment = comment_actions.add_comment(idea, UserFactory(), "Ihr Deppen!")
    assert comment.status == Comment.Status.PENDING
    idea.refresh_from_db()
    assert idea.comment_count == 0
    entry = ModerationAction.objects.for_item(comment).get()
    assert (entry.action, entry.actor, entry.note, entry.state_after) == ("hold", None, "Deppen", "pending")


def test_a_comment_without_listed_words_is_published(word_list, idea):
    comment = comment_actions.add_comment(idea, UserFactory(), "Gute Idee.")
    assert comment.status == Comment.Status.VISIBLE
    assert not ModerationAction.objects.exists()


def test_an_idea_with_a_listed_pattern_waits(word_list, idea):
    new = idea_actions.submit_idea(
        idea.process, UserFactory(), {"title": "Angebot", "text": "Kaufen jetzt bei uns!", "topics": []}
    )
    assert new.moderation == Moderation.PENDING
    assert ModerationAction.objects.for_item(new).get().note == r"kauf\w* jetzt"


def test_a_comment_edited_to_hold_a_listed_word_waits_again_and_leaves_the_count(word_list, idea):
    comment = comment_actions.add_comment(idea, UserFactory(), "Gute Idee.")

    comment_actions.edit_comment(comment, "Ihr Deppen!")

    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert idea.comment_count == 0
    assert ModerationAction.objects.for_item(comment).get().note == "Deppen"


def test_an_idea_edited_to_hold_a_listed_word_waits_again(word_list, idea):
    idea_actions.edit_idea(idea, {"title": idea.title, "text": "Jetzt mit Deppen.", "topics": []})

    idea.refresh_from_db()
    assert idea.moderation == Moderation.PENDING
    assert ModerationAction.objects.for_item(idea).get().note == "Deppen"


def test_an_edit_without_listed_words_changes_no_state(word_list, idea):
    idea_actions.edit_idea(idea, {"title": idea.title, "text": "Etwas genauer beschrieben.", "topics": []})

    idea.refresh_from_db()
    assert idea.moderation == Moderation.VISIBLE
    assert not ModerationAction.objects.exists()
