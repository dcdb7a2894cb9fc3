"""Every permission of participation/rules.py, ideas/rules.py and
comments/rules.py as a role x phase matrix.

Each table below is one permission: a row per role, a column per state of
the process, "X" where the role has the permission and "." where it has
not. The objects are the same in every column: a visible idea in Mayen by
`author`, and a fresh comment by `author` on it.

The phases (PROCESS_STATES builds them):
  none      published, no phase active yet (the only phase is upcoming)
  ideas     the active phase opens only "ideas.submit"
  comments  ... only "ideas.comment"
  supports  ... only "ideas.support"
  jury      ... only "jury.rate"
  results   ... only "jury.results" (after an ideas phase)
  between   an ideas phase is over, a supports phase has not begun
  draft     not published; the active phase has ideas, comments, supports
            and jury open

The roles: everyone with a staff role also has a verified address, so that a
cell shows what the role adds or takes away, not a missing verification.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from smartregion.accounts.roles import GUIDES, JURORS
from smartregion.accounts.tests.factories import UserFactory, staff_group, verify_email
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.tests.factories import JuryCriterionFactory, JuryRatingFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory
from smartregion.region.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

PHASES = ["none", "ideas", "comments", "supports", "jury", "results", "between", "draft"]
ROLES = [
    "anonymous",
    "unverified",
    "verified",
    "author",
    "moderator",
    "editor",
    "guide_own",
    "guide_other",
    "juror",
    "juror_unassigned",
]

# What each permission is asked about.
OBJECT_OF = {
    "participation.view_process": "process",
    "participation.change_process": "process",
    "ideas.view_idea": "idea",
    "ideas.add_idea": "process",
    "ideas.change_idea": "idea",
    "ideas.withdraw_idea": "idea",
    "ideas.support_idea": "idea",
    "jury.rate_idea": "idea",
    "jury.view_jury_board": "process",
    "jury.manage_jury": "process",
    "ideas.set_idea_status": "idea",
    "moderation.moderate_idea": "idea",
    "ideas.capture_idea": "municipality",
    "comments.add_comment": "idea",
    "comments.change_comment": "comment",
    "comments.delete_comment": "comment",
    "moderation.moderate_comment": "comment",
}

MATRIX = {
    "participation.view_process": """
                      none ideas comments supports jury results between draft
    anonymous          X    X     X        X        X    X       X       .
    unverified         X    X     X        X        X    X       X       .
    verified           X    X     X        X        X    X       X       .
    author             X    X     X        X        X    X       X       .
    moderator          X    X     X        X        X    X       X       X
    editor             X    X     X        X        X    X       X       X
    guide_own          X    X     X        X        X    X       X       .
    guide_other        X    X     X        X        X    X       X       .
    juror              X    X     X        X        X    X       X       .
    juror_unassigned   X    X     X        X        X    X       X       .
    """,
    "participation.change_process": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             X    X     X        X        X    X       X       X
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "ideas.view_idea": """
                      none ideas comments supports jury results between draft
    anonymous          X    X     X        X        X    X       X       .
    unverified         X    X     X        X        X    X       X       .
    verified           X    X     X        X        X    X       X       .
    author             X    X     X        X        X    X       X       X
    moderator          X    X     X        X        X    X       X       X
    editor             X    X     X        X        X    X       X       X
    guide_own          X    X     X        X        X    X       X       .
    guide_other        X    X     X        X        X    X       X       .
    juror              X    X     X        X        X    X       X       .
    juror_unassigned   X    X     X        X        X    X       X       .
    """,
    "ideas.add_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    X     .        .        .    .       .       .
    author             .    X     .        .        .    .       .       .
    moderator          .    X     .        .        .    .       .       .
    editor             .    X     .        .        .    .       .       .
    guide_own          .    X     .        .        .    .       .       .
    guide_other        .    X     .        .        .    .       .       .
    juror              .    X     .        .        .    .       .       .
    juror_unassigned   .    X     .        .        .    .       .       .
    """,
    "ideas.change_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    X     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "ideas.withdraw_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             X    X     X        X        X    X       X       X
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "ideas.support_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        X        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        X        .    .       .       .
    editor             .    .     .        X        .    .       .       .
    guide_own          .    .     .        X        .    .       .       .
    guide_other        .    .     .        X        .    .       .       .
    juror              .    .     .        X        .    .       .       .
    juror_unassigned   .    .     .        X        .    .       .       .
    """,
    # The jury works in the backend, also while the process is not public.
    "jury.rate_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        X    .       .       X
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "jury.view_jury_board": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        X    .       .       X
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "jury.manage_jury": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             X    X     X        X        X    X       X       X
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "ideas.set_idea_status": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          X    X     X        X        X    X       X       X
    editor             X    X     X        X        X    X       X       X
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "moderation.moderate_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          X    X     X        X        X    X       X       X
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    # Asked about the idea's municipality (Mayen), whatever the phase.
    "ideas.capture_idea": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          .    .     .        .        .    .       .       .
    editor             X    X     X        X        X    X       X       X
    guide_own          X    X     X        X        X    X       X       X
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "comments.add_comment": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     X        .        .    .       .       .
    author             .    .     X        .        .    .       .       .
    moderator          .    .     X        .        .    .       .       .
    editor             .    .     X        .        .    .       .       .
    guide_own          .    .     X        .        .    .       .       .
    guide_other        .    .     X        .        .    .       .       .
    juror              .    .     X        .        .    .       .       .
    juror_unassigned   .    .     X        .        .    .       .       .
    """,
    # The author's own comment, written a minute ago.
    "comments.change_comment": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             X    X     X        X        X    X       X       X
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "comments.delete_comment": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             X    X     X        X        X    X       X       X
    moderator          .    .     .        .        .    .       .       .
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
    "moderation.moderate_comment": """
                      none ideas comments supports jury results between draft
    anonymous          .    .     .        .        .    .       .       .
    unverified         .    .     .        .        .    .       .       .
    verified           .    .     .        .        .    .       .       .
    author             .    .     .        .        .    .       .       .
    moderator          X    X     X        X        X    X       X       X
    editor             .    .     .        .        .    .       .       .
    guide_own          .    .     .        .        .    .       .       .
    guide_other        .    .     .        .        .    .       .       .
    juror              .    .     .        .        .    .       .       .
    juror_unassigned   .    .     .        .        .    .       .       .
    """,
}


def parse(table):
    """{(role, phase): bool} from a table of MATRIX; refuses a table whose
    header or rows do not match PHASES and ROLES."""
    lines = [line.split() for line in table.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    assert header == PHASES, header
    assert [row[0] for row in rows] == ROLES, [row[0] for row in rows]
    cells = {}
    for role, *marks in rows:
        assert len(marks) == len(PHASES) and set(marks) <= {"X", "."}, (role, marks)
        for phase, mark in zip(PHASES, marks, strict=True):
            cells[(role, phase)] = mark == "X"
    return cells


def test_the_matrix_covers_every_registered_permission():
    import rules

    registered = {name for name in rules.permissions.permissions if name.split(".")[0] in OBJECT_FAMILIES}
    assert registered | ALSO_IN_THE_MATRIX == set(MATRIX) == set(OBJECT_OF)


OBJECT_FAMILIES = ("participation", "ideas", "jury", "comments")
# The moderation's permissions on ideas and comments stand here too, to
# show that no phase changes them; their municipal scopes are the matrix of
# moderation/tests/test_rules.py.
ALSO_IN_THE_MATRIX = {"moderation.moderate_idea", "moderation.moderate_comment"}


def _window(kind):
    now = timezone.now()
    return {
        "past": (now - dt.timedelta(days=20), now - dt.timedelta(days=10)),
        "now": (now - dt.timedelta(days=1), now + dt.timedelta(days=1)),
        "future": (now + dt.timedelta(days=10), now + dt.timedelta(days=20)),
    }[kind]


def _phase(process, kind, sort_order, opens):
    starts_at, ends_at = _window(kind)
    PhaseFactory(process=process, starts_at=starts_at, ends_at=ends_at, sort_order=sort_order, opens=opens)


# The one action the active phase opens in the columns of a single action.
ONLY = {
    "ideas": "ideas.submit",
    "comments": "ideas.comment",
    "supports": "ideas.support",
    "jury": "jury.rate",
}


def build_process(state) -> Process:
    """A process in `state` (one of PHASES)."""
    if state == "draft":
        process = ProcessFactory(status=Process.Status.DRAFT)
        _phase(process, "now", 0, opens=["ideas.submit", "ideas.comment", "ideas.support", "jury.rate"])
        return process
    process = ProcessFactory()
    if state == "none":
        _phase(process, "future", 0, opens=["ideas.submit"])
    elif state == "results":
        _phase(process, "past", 0, opens=["ideas.submit"])
        _phase(process, "now", 1, opens=["jury.results"])
    elif state == "between":
        _phase(process, "past", 0, opens=["ideas.submit"])
        _phase(process, "future", 1, opens=["ideas.support"])
    else:
        _phase(process, "now", 0, opens=[ONLY[state]])
    return process


def people(mayen):
    """One user per role (AnonymousUser for "anonymous")."""
    verified = {
        "verified": verify_email(UserFactory()),
        "author": verify_email(UserFactory()),
    }
    guide_other = verify_email(UserFactory(groups=[staff_group(GUIDES)]))
    guide_other.guide_municipalities.add(MunicipalityFactory())
    return {
        "anonymous": AnonymousUser(),
        "unverified": UserFactory(),
        **verified,
        "guide_other": guide_other,
        "juror_unassigned": verify_email(UserFactory(groups=[staff_group(JURORS)])),
    }


@pytest.fixture
def world(mayen, moderator, editor, guide_mayen, juror):
    def build(state):
        process = build_process(state)
        users = people(mayen)
        users.update(moderator=moderator, editor=verify_email(editor), guide_own=guide_mayen, juror=juror)
        process.jurors.add(juror)
        process.save()  # a ParentalManyToManyField writes on save
        idea = IdeaFactory(process=process, author=users["author"], municipality=mayen)
        comment = CommentFactory(target=idea, author=users["author"])
        objects = {"process": process, "idea": idea, "municipality": mayen, "comment": comment}
        return users, objects

    return build


@pytest.mark.parametrize("state", PHASES)
@pytest.mark.parametrize("permission", list(MATRIX))
def test_the_role_phase_matrix(world, permission, state):
    users, objects = world(state)
    expected = {role: allowed for (role, phase), allowed in parse(MATRIX[permission]).items() if phase == state}
    obj = objects[OBJECT_OF[permission]]

    actual = {role: users[role].has_perm(permission, obj) for role in ROLES}

    wrong = [
        f"{role}: expected {expected[role]}, got {actual[role]}" for role in ROLES if actual[role] != expected[role]
    ]
    assert not wrong, f"{permission} in phase {state!r}:\n" + "\n".join(wrong)


# --- the conditions the matrix keeps fixed ----------------------------------


@pytest.fixture
def author():
    return verify_email(UserFactory())


@pytest.fixture
def verified():
    return verify_email(UserFactory())


def test_a_hidden_idea_is_seen_by_its_author_and_staff_only(author, verified, moderator):
    idea = IdeaFactory(process=build_process("ideas"), author=author, moderation=Moderation.HIDDEN)

    assert author.has_perm("ideas.view_idea", idea)
    assert moderator.has_perm("ideas.view_idea", idea)
    assert not verified.has_perm("ideas.view_idea", idea)
    assert not AnonymousUser().has_perm("ideas.view_idea", idea)


def test_a_pending_idea_cannot_be_supported_or_commented_by_others(verified):
    process = build_process("supports")
    _phase(process, "now", 1, opens=["ideas.comment"])
    idea = IdeaFactory(process=process, moderation=Moderation.PENDING)

    assert not verified.has_perm("ideas.support_idea", idea)
    assert not verified.has_perm("comments.add_comment", idea)


def test_a_withdrawn_idea_takes_no_support_comment_edit_or_second_withdrawal(author, verified):
    process = ProcessFactory()
    _phase(process, "now", 0, opens=["ideas.submit", "ideas.comment", "ideas.support"])
    idea = IdeaFactory(process=process, author=author, status=Idea.Status.WITHDRAWN)

    assert not verified.has_perm("ideas.support_idea", idea)
    assert not verified.has_perm("comments.add_comment", idea)
    assert not author.has_perm("ideas.change_idea", idea)
    assert not author.has_perm("ideas.withdraw_idea", idea)
    assert verified.has_perm("ideas.view_idea", idea)


def test_an_idea_rated_by_the_jury_cannot_be_edited(author):
    process = build_process("ideas")
    idea = IdeaFactory(process=process, author=author)
    assert author.has_perm("ideas.change_idea", idea)

    JuryRatingFactory(idea=idea, criterion=JuryCriterionFactory(process=process))

    assert not author.has_perm("ideas.change_idea", idea)


def test_with_a_shortlist_the_jury_rates_only_shortlisted_ideas_and_winners(juror):
    process = build_process("jury")
    process.jury_shortlist_only = True
    process.jurors.add(juror)
    process.save()
    submitted = IdeaFactory(process=process)
    shortlisted = IdeaFactory(process=process, status=Idea.Status.SHORTLISTED)
    winner = IdeaFactory(process=process, status=Idea.Status.WINNER)

    assert not juror.has_perm("jury.rate_idea", submitted)
    assert juror.has_perm("jury.rate_idea", shortlisted)
    assert juror.has_perm("jury.rate_idea", winner)


def test_the_jury_does_not_rate_a_withdrawn_idea(juror):
    process = build_process("jury")
    process.jurors.add(juror)
    process.save()

    assert not juror.has_perm("jury.rate_idea", IdeaFactory(process=process, status=Idea.Status.WITHDRAWN))


def test_a_comment_can_be_edited_for_fifteen_minutes_only(author):
    idea = IdeaFactory(process=build_process("comments"))
    comment = CommentFactory(target=idea, author=author)
    comment.created_at = timezone.now() - dt.timedelta(minutes=16)

    assert not author.has_perm("comments.change_comment", comment)
    assert author.has_perm("comments.delete_comment", comment)


@pytest.mark.parametrize("status", ["removed", "hidden"])
def test_a_removed_or_hidden_comment_is_neither_edited_nor_deleted_again(author, status):
    idea = IdeaFactory(process=build_process("comments"))
    comment = CommentFactory(target=idea, author=author, status=status)

    assert not author.has_perm("comments.change_comment", comment)
    assert not author.has_perm("comments.delete_comment", comment)


def test_a_region_wide_idea_is_captured_by_editors_only(editor, guide_mayen):
    assert editor.has_perm("ideas.capture_idea", None)
    assert not guide_mayen.has_perm("ideas.capture_idea", None)


def test_the_backend_listing_of_processes_stays_with_the_editors(editor, moderator):
    # Without an object the rule answers the model permission.
    assert editor.has_perm("participation.view_process")
    assert not moderator.has_perm("participation.view_process")
