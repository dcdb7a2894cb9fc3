"""Ideas and comments register themselves with the moderation; the
moderation app imports neither."""

import ast
import pathlib

from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments import actions as comment_actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import registry
from smartregion.participation.models import HiddenReason, Moderation, Process
from smartregion.participation.tests.factories import open_process


def test_ideas_and_comments_are_registered():
    assert registry.by_key("idee").model is Idea
    assert registry.by_key("kommentar").model is Comment
    assert registry.by_key("nichts") is None
    assert {moderated.key for moderated in registry.all()} >= {"idee", "kommentar"}


def test_for_object_refuses_an_unregistered_model(mayen):
    try:
        registry.for_object(mayen)
    except LookupError:
        pass
    else:
        raise AssertionError("a municipality is not moderated")


def test_the_moderation_app_imports_neither_ideas_nor_comments():
    app = pathlib.Path(registry.__file__).parent
    for source in app.glob("*.py"):
        tree = ast.parse(source.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("smartregion.ideas", "smartregion.comments")), (source.name, name)


def test_an_idea_reports_its_state_scope_and_excerpt(idea, mayen, author):
    moderated = registry.for_object(idea)
    idea = moderated.load(idea.pk)
    assert moderated.state(idea) == "visible"
    assert moderated.municipality(idea) == mayen
    assert moderated.process(idea) == idea.process
    assert moderated.author(idea) == author
    assert moderated.excerpt(idea) == "Mitfahrbank in Mayen"
    assert moderated.item_label(idea) == "Idee „Mitfahrbank in Mayen“"
    assert moderated.public_url(idea) == idea.get_absolute_url()


def test_an_idea_without_municipality_belongs_to_its_process_municipality(db, mayen):
    idea = IdeaFactory(process=open_process(municipality=mayen), municipality=None)
    moderated = registry.for_object(idea)
    assert moderated.municipality(moderated.load(idea.pk)) == mayen


def test_idea_states(db):
    moderated = registry.by_key("idee")
    assert moderated.state(IdeaFactory(moderation=Moderation.PENDING)) == "pending"
    assert moderated.state(IdeaFactory(moderation=Moderation.HIDDEN, hidden_reason="other")) == "hidden"
    assert moderated.state(IdeaFactory(status=Idea.Status.WITHDRAWN)) == "removed"


def test_a_comment_takes_municipality_and_process_from_its_idea(comment, idea, mayen):
    moderated = registry.for_object(comment)
    loaded = moderated.load(comment.pk)
    assert moderated.municipality(loaded) == mayen
    assert moderated.process(loaded) == idea.process
    assert moderated.public_url(loaded) == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    assert moderated.state(loaded) == "visible"


def test_approving_a_pending_comment_makes_it_visible_and_counted(db, moderator):
    idea = IdeaFactory(process=open_process(moderation=Process.ModerationMode.PRE))

    comment = comment_actions.add_comment(idea, UserFactory(), "Wartet auf Freigabe.")
    assert comment.status == Comment.Status.PENDING
    moderated = registry.for_object(comment)
    assert moderated.approve(comment, moderator) is True
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert idea.comment_count == 1
    assert moderated.approve(comment, moderator) is False


def test_hiding_and_restoring_a_comment_through_the_registry(comment, moderator):
    moderated = registry.for_object(comment)
    assert moderated.hide(comment, moderator, HiddenReason.OFF_TOPIC) is True
    assert moderated.state(comment) == "hidden"
    assert moderated.hide(comment, moderator, HiddenReason.OFF_TOPIC) is False
    assert moderated.restore(comment, moderator) is True
    assert moderated.state(comment) == "visible"
    assert moderated.restore(comment, moderator) is False


def test_a_removed_comment_cannot_be_hidden(db, idea, moderator):
    comment = CommentFactory(target=idea, status=Comment.Status.REMOVED)
    assert registry.for_object(comment).hide(comment, moderator, HiddenReason.OTHER) is False


def test_pending_lists_hold_only_waiting_items(db, idea):
    waiting = IdeaFactory(moderation=Moderation.PENDING)
    waiting_comment = CommentFactory(target=idea, status=Comment.Status.PENDING)
    CommentFactory(target=idea)
    assert list(registry.by_key("idee").pending()) == [waiting]
    assert list(registry.by_key("kommentar").pending()) == [waiting_comment]
