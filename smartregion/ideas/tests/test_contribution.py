"""Ideas and the jury as contribution types of a process
(ideas/contribution.py, jury/contribution.py): their actions in the
order the phase form, the timeline and the box show them, and the other
registrations their declarations point to."""

import pytest

from smartregion.accounts import privacy
from smartregion.comments import targets
from smartregion.ideas.models import Idea
from smartregion.moderation import registry as moderation
from smartregion.participation import contributions


def test_the_actions_keep_the_order_and_the_labels_of_the_former_switches():
    declared = [(action.full_key, str(action.backend_label)) for action in contributions.actions()]

    assert declared[:5] == [
        ("ideas.submit", "Ideen einreichen"),
        ("ideas.comment", "Kommentieren"),
        ("ideas.support", "Unterstützen"),
        ("jury.rate", "Jury bewertet"),
        ("jury.results", "Ergebnisse veröffentlicht"),
    ]


def test_only_the_actions_of_ideas_appear_in_the_box():
    assert [action.full_key for action in contributions.actions() if action.in_box] == [
        "ideas.submit",
        "ideas.comment",
        "ideas.support",
    ]


def test_a_process_with_a_jury_shows_the_ideas_too():
    assert [t.key for t in contributions.types_in_use({"jury.rate"})] == ["ideas", "jury"]
    assert [t.key for t in contributions.types_in_use({"ideas.submit"})] == ["ideas"]
    assert contributions.types_in_use(set()) == []


@pytest.mark.parametrize("key", ["ideas", "jury"])
def test_the_declared_registrations_exist(key):
    declared = contributions.get(key)
    exported = {entry.key for entry in privacy.registered()}

    assert set(declared.privacy_export) <= exported
    if declared.comment_target:
        assert targets.by_key(declared.comment_target).action in {a.full_key for a in declared.actions}
    if declared.moderation_target:
        assert moderation.by_key(declared.moderation_target) is not None


@pytest.mark.django_db
def test_the_search_hook_finds_public_ideas():
    from smartregion.ideas.tests.factories import IdeaFactory

    found = IdeaFactory(title="Mitfahrbank am Dorfplatz")
    IdeaFactory(title="Bücherschrank")

    assert list(contributions.get("ideas").search("mitfahrbank")) == [found]
    assert isinstance(found, Idea)
