"""Reports, decisions and objections at the same moment, with real threads
on PostgreSQL: the unique constraints and row locks decide, so nothing is
counted, logged or mailed twice.

SQLite lets one writer in at a time, so these run only when the suite runs
on PostgreSQL, as CI does."""

from smartregion.ideas.models import Idea
from smartregion.lib.tests.concurrency import only_on_postgresql, run_at_once
from smartregion.moderation import actions
from smartregion.moderation.models import ModerationAction, Objection, Report
from smartregion.participation.models import HiddenReason, Moderation

pytestmark = only_on_postgresql


def test_one_person_reporting_an_idea_five_times_at_once_gives_one_open_report(transactional_db, idea, reporter):
    results, errors = run_at_once(
        lambda _: actions.report(Idea.objects.get(pk=idea.pk), reporter, Report.Reason.SPAM, "Werbung"), range(5)
    )

    assert len(results) == 1
    assert len(errors) == 4 and all(isinstance(error, actions.AlreadyReported) for error in errors)
    assert Report.objects.filter(object_id=idea.pk, status=Report.Status.OPEN).count() == 1
    assert ModerationAction.objects.filter(object_id=idea.pk, action=ModerationAction.Action.REPORT).count() == 1


def test_two_moderators_hiding_at_once_hide_once(transactional_db, idea, moderator, other_moderator):
    results, errors = run_at_once(
        lambda person: actions.hide(Idea.objects.get(pk=idea.pk), person, HiddenReason.ADVERTISING),
        [moderator, other_moderator],
    )

    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], actions.WrongState)
    assert ModerationAction.objects.filter(object_id=idea.pk, action=ModerationAction.Action.HIDE).count() == 1
    idea.refresh_from_db()
    assert idea.moderation == Moderation.HIDDEN


def test_an_author_objecting_three_times_at_once_objects_once(transactional_db, idea, author, moderator):
    hide_action = actions.hide(idea, moderator, HiddenReason.OFF_TOPIC)

    results, errors = run_at_once(
        lambda _: actions.object_to(ModerationAction.objects.get(pk=hide_action.pk), author, "Passt doch zum Thema."),
        range(3),
    )

    assert len(results) == 1
    assert len(errors) == 2 and all(isinstance(error, actions.AlreadyObjected) for error in errors)
    assert Objection.objects.filter(hide_action=hide_action).count() == 1


def test_two_moderators_deciding_an_objection_at_once_decide_once(
    transactional_db, idea, author, moderator, other_moderator, moderator_mayen
):
    hide_action = actions.hide(idea, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide_action, author, "Passt doch zum Thema.")

    results, errors = run_at_once(
        lambda person: actions.decide_objection(Objection.objects.get(pk=objection.pk), person, uphold=True),
        [other_moderator, moderator_mayen],
    )

    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], actions.ObjectionDecided)
    upheld = ModerationAction.Action.OBJECTION_UPHELD
    assert ModerationAction.objects.filter(object_id=idea.pk, action=upheld).count() == 1
