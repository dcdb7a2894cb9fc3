"""The moderation's writes: report, decide, object, decide the objection.
Each records the audit log in the same transaction and mails after the
commit."""

import pytest
from django.core import mail

from smartregion.comments.models import Comment
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import actions
from smartregion.moderation.models import ModerationAction, Objection, Report
from smartregion.participation.models import HiddenReason, Moderation

Action = ModerationAction.Action


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what an action sends after its commit (the mails)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def log_of(item):
    return list(ModerationAction.objects.for_item(item).order_by("created_at", "pk").values_list("action", flat=True))


def test_a_report_is_recorded_with_scope_and_confirmed_by_mail(commit, comment, reporter, mayen, idea):
    report = commit(actions.report, comment, reporter, Report.Reason.INSULT, "  Das ist beleidigend.  ")
    assert report.status == Report.Status.OPEN
    assert report.text == "Das ist beleidigend."
    assert report.municipality == mayen
    assert report.process == idea.process
    entry = ModerationAction.objects.for_item(comment).get()
    assert (entry.action, entry.actor, entry.reason) == (Action.REPORT, reporter, "insult")
    assert (entry.state_before, entry.state_after) == ("visible", "visible")
    assert [message.to for message in mail.outbox] == [["reporter@example.org"]]
    assert "Ihre Meldung ist eingegangen" in mail.outbox[0].subject
    assert "Beleidigung oder Bedrohung" in mail.outbox[0].body


def test_a_second_open_report_of_the_same_person_is_refused(comment, reporter, other_reporter):
    actions.report(comment, reporter, Report.Reason.SPAM)
    with pytest.raises(actions.AlreadyReported):
        actions.report(comment, reporter, Report.Reason.OTHER, "noch einmal")
    actions.report(comment, other_reporter, Report.Reason.SPAM)
    assert Report.objects.count() == 2
    assert log_of(comment) == [Action.REPORT, Action.REPORT]


def test_a_person_may_report_again_after_the_decision(comment, reporter, moderator):
    actions.report(comment, reporter, Report.Reason.SPAM)
    actions.dismiss_reports(comment, moderator)
    actions.report(comment, reporter, Report.Reason.SPAM)
    assert Report.objects.filter(status=Report.Status.OPEN).count() == 1


def test_a_report_refuses_an_unknown_reason_and_a_long_text(comment, reporter):
    with pytest.raises(ValueError):
        actions.report(comment, reporter, "boring")
    with pytest.raises(actions.ModerationError):
        actions.report(comment, reporter, Report.Reason.OTHER, "x" * 1001)
    assert not Report.objects.exists()
    assert not ModerationAction.objects.exists()


def test_hiding_upholds_the_reports_and_tells_author_and_reporters(
    commit, comment, reporter, other_reporter, moderator
):
    actions.report(comment, reporter, Report.Reason.INSULT)
    actions.report(comment, other_reporter, Report.Reason.SPAM)
    mail.outbox.clear()
    entry = commit(actions.hide, comment, moderator, HiddenReason.DISRESPECTFUL, "Beleidigt eine Person.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert comment.hidden_reason == HiddenReason.DISRESPECTFUL
    assert (entry.action, entry.actor, entry.reason, entry.note) == (
        Action.HIDE,
        moderator,
        "disrespectful",
        "Beleidigt eine Person.",
    )
    assert (entry.state_before, entry.state_after) == ("visible", "hidden")
    assert set(Report.objects.values_list("status", "decided_by")) == {(Report.Status.UPHELD, moderator.pk)}
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"author@example.org", "reporter@example.org", "reporter2@example.org"}
    notice = by_address["author@example.org"].body
    assert "respektlos oder beleidigend" in notice
    assert "Beleidigt eine Person." in notice
    assert f"/moderation/widerspruch/{entry.pk}/" in notice
    decision = by_address["reporter@example.org"].body
    assert "ausgeblendet" in decision
    # The reporters are not sent the hidden words.
    assert comment.text not in decision


def test_hiding_twice_is_refused_and_records_nothing_more(comment, moderator):
    actions.hide(comment, moderator, HiddenReason.OTHER)
    with pytest.raises(actions.WrongState):
        actions.hide(comment, moderator, HiddenReason.OTHER)
    assert log_of(comment) == [Action.HIDE]


def test_hiding_refuses_an_unknown_reason(comment, moderator):
    with pytest.raises(ValueError):
        actions.hide(comment, moderator, "ugly")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_approving_a_pending_idea_dismisses_its_reports(commit, db, moderator, reporter, author):
    idea = IdeaFactory(moderation=Moderation.PENDING, author=author)
    # A pending idea is not public, so nobody reports it through the site;
    # a report made before it went back to pending is still closed.
    Report.objects.create(content_type_id=_ct(idea), object_id=idea.pk, reporter=reporter, reason="spam")
    mail.outbox.clear()
    entry = commit(actions.approve, idea, moderator)
    idea.refresh_from_db()
    assert idea.moderation == Moderation.VISIBLE
    assert (entry.state_before, entry.state_after) == ("pending", "visible")
    assert Report.objects.get().status == Report.Status.DISMISSED
    assert [message.to for message in mail.outbox] == [["reporter@example.org"]]


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_approving_a_visible_item_is_refused(comment, moderator):
    with pytest.raises(actions.WrongState):
        actions.approve(comment, moderator)
    assert log_of(comment) == []


def test_restoring_a_hidden_idea(idea, moderator):
    actions.hide(idea, moderator, HiddenReason.ADVERTISING)
    entry = actions.restore(idea, moderator, "Doch kein Spam.")
    idea.refresh_from_db()
    assert idea.moderation == Moderation.VISIBLE
    assert idea.hidden_reason == ""
    assert (entry.action, entry.state_before, entry.state_after) == (Action.RESTORE, "hidden", "visible")
    with pytest.raises(actions.WrongState):
        actions.restore(idea, moderator)


def test_dismissing_reports_keeps_the_item_and_tells_the_reporters(commit, comment, reporter, moderator):
    actions.report(comment, reporter, Report.Reason.OFF_TOPIC)
    mail.outbox.clear()
    entry = commit(actions.dismiss_reports, comment, moderator, "Passt zum Thema.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert entry.action == Action.DISMISS
    assert Report.objects.get().status == Report.Status.DISMISSED
    assert "bleibt sichtbar" in mail.outbox[0].body
    with pytest.raises(actions.NoOpenReports):
        actions.dismiss_reports(comment, moderator)


def test_hold_for_review_records_the_matched_terms(db, author):
    idea = IdeaFactory(moderation=Moderation.PENDING, author=author)
    entry = actions.hold_for_review(idea, ["Schimpfwort", "Spamlink"])
    assert (entry.action, entry.actor, entry.note, entry.state_after) == (
        Action.HOLD,
        None,
        "Schimpfwort, Spamlink",
        "pending",
    )


# Objections


def test_the_author_objects_once_and_another_moderator_upholds(commit, comment, author, moderator, other_moderator):
    hide = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide, author, "Mein Kommentar passt sehr wohl zum Thema.")
    assert objection.status == Objection.Status.OPEN
    with pytest.raises(actions.AlreadyObjected):
        actions.object_to(hide, author, "Noch einmal.")
    with pytest.raises(actions.SameModerator):
        actions.decide_objection(objection, moderator, uphold=True)
    mail.outbox.clear()
    entry = commit(actions.decide_objection, objection, other_moderator, True, "Stimmt.")
    comment.refresh_from_db()
    objection.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert objection.status == Objection.Status.UPHELD
    assert (objection.decided_by, objection.decision_note) == (other_moderator, "Stimmt.")
    assert (entry.action, entry.state_before, entry.state_after) == (Action.OBJECTION_UPHELD, "hidden", "visible")
    assert log_of(comment) == [Action.HIDE, Action.OBJECTION, Action.OBJECTION_UPHELD]
    assert [message.to for message in mail.outbox] == [["author@example.org"]]
    assert "stattgegeben" in mail.outbox[0].body
    with pytest.raises(actions.ObjectionDecided):
        actions.decide_objection(objection, other_moderator, uphold=False)


def test_a_rejected_objection_leaves_the_item_hidden(comment, author, moderator, other_moderator):
    hide = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide, author, "Bitte prüfen.")
    entry = actions.decide_objection(objection, other_moderator, uphold=False)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert entry.action == Action.OBJECTION_REJECTED


def test_only_the_author_may_object(comment, moderator, reporter):
    hide = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    with pytest.raises(actions.ObjectionNotPossible):
        actions.object_to(hide, reporter, "Ich auch!")
    assert not Objection.objects.exists()


def test_an_objection_needs_a_text(comment, author, moderator):
    hide = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    with pytest.raises(actions.ModerationError):
        actions.object_to(hide, author, "   ")


def test_no_objection_against_an_older_hide_or_a_restored_item(comment, author, moderator, other_moderator):
    first = actions.hide(comment, moderator, HiddenReason.OFF_TOPIC)
    actions.restore(comment, other_moderator)
    with pytest.raises(actions.ObjectionNotPossible):
        actions.object_to(first, author, "Ist doch wieder sichtbar.")
    actions.hide(comment, moderator, HiddenReason.OTHER)
    with pytest.raises(actions.ObjectionNotPossible):
        actions.object_to(first, author, "Gegen die alte Entscheidung.")


def test_an_objection_cannot_be_made_against_a_report_entry(comment, author, reporter):
    actions.report(comment, reporter, Report.Reason.SPAM)
    entry = ModerationAction.objects.for_item(comment).get()
    with pytest.raises(actions.ObjectionNotPossible):
        actions.object_to(entry, author, "Das ist keine Entscheidung.")


def test_restoring_an_item_closes_the_open_objection_to_its_hiding(idea, author, moderator, other_moderator):
    from smartregion.moderation.models import Objection
    from smartregion.participation.models import HiddenReason

    hide_action = actions.hide(idea, moderator, HiddenReason.OFF_TOPIC)
    objection = actions.object_to(hide_action, author, "Das passt zum Thema.")

    actions.restore(idea, other_moderator)

    objection.refresh_from_db()
    assert objection.status == Objection.Status.UPHELD
    assert objection.decided_by == other_moderator
