"""The moderation's permissions as a role × scope matrix: county-wide
moderators act everywhere, scoped ones in their municipalities, nobody
else moderates; objections go to another moderator."""

import pytest

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import actions
from smartregion.participation.models import HiddenReason, Moderation
from smartregion.participation.tests.factories import open_process


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.org", is_superuser=True, is_staff=True)


@pytest.fixture
def idea_without_municipality(db, author):
    return IdeaFactory(process=open_process(), municipality=None, author=author)


PEOPLE = ["moderator", "moderator_mayen", "moderator_mendig", "superuser", "editor", "admin", "citizen", "guide_mayen"]

# Who may moderate an item in Mayen, one in Mendig, one of the whole region.
MODERATE = {
    "moderator": (True, True, True),
    "moderator_mayen": (True, False, False),
    "moderator_mendig": (False, True, False),
    "superuser": (True, True, True),
    "editor": (False, False, False),
    "admin": (False, False, False),
    "citizen": (False, False, False),
    "guide_mayen": (False, False, False),
}


@pytest.mark.parametrize("person", PEOPLE)
def test_moderate_item_by_role_and_scope(request, person, idea, mendig, author, idea_without_municipality):
    user = request.getfixturevalue(person)
    in_mendig = IdeaFactory(municipality=mendig, author=author)
    comment_in_mayen = request.getfixturevalue("comment")
    expected = MODERATE[person]
    items = (idea, in_mendig, idea_without_municipality)
    got = tuple(user.has_perm("moderation.moderate_item", item) for item in items)
    assert got == expected
    # A comment is scoped like the idea it is written on.
    assert user.has_perm("moderation.moderate_comment", comment_in_mayen) == expected[0]
    assert user.has_perm("moderation.moderate_idea", idea) == expected[0]


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("moderator", True), ("moderator_mayen", True), ("superuser", True), ("editor", False), ("citizen", False)],
)
def test_the_queue_itself_is_for_moderators(request, person, allowed):
    assert request.getfixturevalue(person).has_perm("moderation.moderate_item") is allowed


@pytest.mark.parametrize(
    ("person", "allowed"),
    [
        ("moderator", True),
        ("moderator_mayen", True),
        ("admin", True),
        ("superuser", True),
        ("editor", False),
        ("citizen", False),
        ("guide_mayen", False),
    ],
)
def test_who_sees_the_audit_log(request, person, allowed):
    assert request.getfixturevalue(person).has_perm("moderation.view_audit_log") is allowed


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("editor", True), ("superuser", True), ("moderator", False), ("admin", False), ("citizen", False)],
)
def test_who_manages_the_word_list(request, person, allowed):
    assert request.getfixturevalue(person).has_perm("moderation.manage_watched_terms") is allowed


def test_verified_participants_report_what_others_wrote(idea, comment, author, reporter, citizen, moderator):
    assert reporter.has_perm("moderation.report_item", idea)
    assert reporter.has_perm("moderation.report_item", comment)
    # Not one's own contribution.
    assert not author.has_perm("moderation.report_item", comment)
    # Not without a verified address.
    assert not citizen.has_perm("moderation.report_item", comment)
    assert verify_email(citizen).has_perm("moderation.report_item", comment)


def test_hidden_or_pending_items_cannot_be_reported(db, idea, comment, reporter, moderator, author):
    actions.hide(comment, moderator, HiddenReason.OTHER)
    assert not reporter.has_perm("moderation.report_item", comment)
    assert not reporter.has_perm("moderation.report_item", IdeaFactory(moderation=Moderation.PENDING, author=author))


def test_a_blocked_person_cannot_report(comment, reporter):
    reporter.blocked_reason = "Spam"
    assert not reporter.has_perm("moderation.report_item", comment)


def test_an_objection_is_decided_by_another_moderator_in_scope(
    comment, author, moderator, other_moderator, moderator_mayen, moderator_mendig, superuser
):
    hide = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide, author, "Bitte prüfen.")
    assert not moderator.has_perm("moderation.decide_objection", objection)
    assert other_moderator.has_perm("moderation.decide_objection", objection)
    assert moderator_mayen.has_perm("moderation.decide_objection", objection)
    assert not moderator_mendig.has_perm("moderation.decide_objection", objection)
    assert not author.has_perm("moderation.decide_objection", objection)
    assert superuser.has_perm("moderation.decide_objection", objection)


def test_a_moderator_decides_nothing_about_their_own_contribution(moderator, other_moderator):
    own = IdeaFactory(process=open_process(), author=moderator)

    assert not moderator.has_perm("moderation.moderate_item", own)
    assert not moderator.has_perm("moderation.moderate_idea", own)
    assert other_moderator.has_perm("moderation.moderate_item", own)


def test_a_moderator_does_not_decide_the_objection_to_their_own_hidden_idea(
    moderator, other_moderator, moderator_mayen, mayen
):
    own = IdeaFactory(process=open_process(), author=moderator_mayen, municipality=mayen)
    hide_action = actions.hide(own, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide_action, moderator_mayen, "Das passt zum Thema.")

    assert not moderator_mayen.has_perm("moderation.decide_objection", objection)
    assert not moderator.has_perm("moderation.decide_objection", objection)
    assert other_moderator.has_perm("moderation.decide_objection", objection)
    with pytest.raises(actions.SameModerator):
        actions.decide_objection(objection, moderator_mayen, uphold=True)
