"""One item in the moderation backend: its text, reports and history, and
the decisions approve, hide (with a public reason and a note), restore and
dismiss reports, each a POST with the CSRF token, refused in German with
the input kept, never a 500."""

import pytest
from django.core import mail
from django.test import Client

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.models import Comment
from smartregion.ideas.models import Idea
from smartregion.moderation import actions
from smartregion.moderation.models import ModerationAction, Report
from smartregion.moderation.tests.queue_setup import (
    item_url,
    pending_comment,
    pending_idea,
    reported_comment,
    reported_idea,
    reports_of,
)
from smartregion.participation.models import HiddenReason, Moderation

pytestmark = pytest.mark.django_db

Action = ModerationAction.Action


@pytest.fixture
def as_moderator(client, moderator):
    return log_in_with_second_factor(client, moderator)


@pytest.fixture
def comment(mayen):
    return reported_comment(mayen, reports=2, text="Du bist ein Idiot.")


def test_the_item_page_shows_text_reports_and_history(as_moderator, comment):
    response = as_moderator.get(item_url("kommentar", comment))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Du bist ein Idiot." in page
    assert page.count("Beleidigung oder Bedrohung") >= 2
    assert "Bitte prüfen." in page  # the reporters' explanation
    assert "gemeldet" in page  # the history
    assert "Meldungen zurückweisen" in page
    assert 'name="hide-reason"' in page
    assert f"#kommentar-{comment.pk}" in page  # the public page


def test_the_item_page_needs_a_fixed_number_of_queries(as_moderator, mayen, django_assert_num_queries):
    few = reported_comment(mayen, reports=1)
    many = reported_comment(mayen, reports=6)
    as_moderator.get(item_url("kommentar", few))

    counts = []
    for comment in (few, many):
        with django_assert_num_queries(ITEM_QUERIES) as captured:
            assert as_moderator.get(item_url("kommentar", comment)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


# Session, user, the user's and the groups' permissions, authenticator,
# Wagtail's user profile, group names; the comment with its author; the
# moderator's municipalities (rule); the reports with reporters and who
# decided; the objections; the comment's idea (process, municipality,
# author joined); the history with the actors; Wagtail's menu (locales,
# page and collection permissions).
ITEM_QUERIES = 16


def test_an_unknown_item_or_type_is_not_found(as_moderator, comment):
    assert as_moderator.get("/redaktion/moderation/kommentar/999999/").status_code == 404
    assert as_moderator.get(f"/redaktion/moderation/umfrage/{comment.pk}/").status_code == 404
    response = as_moderator.post("/redaktion/moderation/kommentar/999999/ausblenden/", {"hide-reason": "other"})
    assert response.status_code == 404


def test_a_moderator_hides_a_comment_with_a_reason_and_a_note(as_moderator, moderator, comment):
    response = as_moderator.post(
        item_url("kommentar", comment, "ausblenden"),
        {"hide-reason": HiddenReason.DISRESPECTFUL, "hide-note": "Bitte sachlich bleiben."},
    )

    assert response.status_code == 302
    assert response.url == item_url("kommentar", comment)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    assert comment.hidden_reason == HiddenReason.DISRESPECTFUL
    entry = ModerationAction.objects.for_item(comment).get(action=Action.HIDE)
    assert entry.actor == moderator
    assert entry.note == "Bitte sachlich bleiben."
    assert (entry.state_before, entry.state_after) == ("visible", "hidden")
    assert not reports_of(comment).filter(status=Report.Status.OPEN).exists()
    page = as_moderator.get(response.url).content.decode()
    assert "Der Beitrag ist ausgeblendet." in page
    assert "Wieder einblenden" in page


def test_hiding_without_a_reason_is_refused_and_keeps_the_note(as_moderator, comment):
    response = as_moderator.post(
        item_url("kommentar", comment, "ausblenden"), {"hide-reason": "", "hide-note": "Mein Hinweis"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte wählen Sie einen Grund für das Ausblenden." in page
    assert "Die Entscheidung ist nicht gespeichert." in page
    assert "Mein Hinweis</textarea>" in page
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert not ModerationAction.objects.for_item(comment).filter(action=Action.HIDE).exists()


def test_an_unknown_reason_and_a_too_long_note_are_refused(as_moderator, comment):
    response = as_moderator.post(item_url("kommentar", comment, "ausblenden"), {"hide-reason": "langweilig"})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Grund aus der Liste." in response.content.decode()
    response = as_moderator.post(
        item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.OTHER, "hide-note": "x" * 2001}
    )
    assert response.status_code == 400
    assert "höchstens 2000 Zeichen" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_hiding_a_hidden_item_again_says_why_in_german(as_moderator, moderator, comment):
    actions.hide(comment, moderator, HiddenReason.OTHER)
    response = as_moderator.post(
        item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.OFF_TOPIC, "hide-note": "zweimal"}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Ihre Entscheidung ist nicht gespeichert" in page
    assert "in einem anderen Zustand" in page
    comment.refresh_from_db()
    assert comment.hidden_reason == HiddenReason.OTHER


def test_a_moderator_restores_a_hidden_idea(as_moderator, moderator, mayen):
    idea = reported_idea(mayen)
    actions.hide(idea, moderator, HiddenReason.ADVERTISING)

    response = as_moderator.post(item_url("idee", idea, "einblenden"), {"restore-note": "Doch keine Werbung."})

    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.moderation == Moderation.VISIBLE
    entry = ModerationAction.objects.for_item(idea).get(action=Action.RESTORE)
    assert entry.note == "Doch keine Werbung."


def test_a_moderator_approves_a_waiting_comment_and_idea(as_moderator, mayen):
    comment = pending_comment(mayen)
    idea = pending_idea(mayen)

    assert as_moderator.post(item_url("kommentar", comment, "freigeben"), {}).status_code == 302
    assert as_moderator.post(item_url("idee", idea, "freigeben"), {"approve-note": ""}).status_code == 302

    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert idea.moderation == Moderation.VISIBLE
    assert idea in Idea.objects.public()


def test_approving_a_visible_item_is_refused(as_moderator, comment):
    response = as_moderator.post(item_url("kommentar", comment, "freigeben"), {"approve-note": "Notiz"})
    assert response.status_code == 409
    assert "in einem anderen Zustand" in response.content.decode()
    assert not ModerationAction.objects.for_item(comment).filter(action=Action.APPROVE).exists()


def test_a_moderator_dismisses_the_reports_and_the_item_stays(as_moderator, comment):
    response = as_moderator.post(item_url("kommentar", comment, "zurueckweisen"), {"dismiss-note": "Satire"})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert set(reports_of(comment).values_list("status", flat=True)) == {Report.Status.DISMISSED}
    assert ModerationAction.objects.for_item(comment).get(action=Action.DISMISS).note == "Satire"
    # Nothing left to dismiss.
    response = as_moderator.post(item_url("kommentar", comment, "zurueckweisen"), {})
    assert response.status_code == 409
    assert "keine offenen Meldungen" in response.content.decode()


def test_decisions_need_a_post(as_moderator, comment):
    for action in ("freigeben", "ausblenden", "einblenden", "zurueckweisen"):
        assert as_moderator.get(item_url("kommentar", comment, action)).status_code == 405


def test_decisions_need_the_csrf_token(moderator, comment):
    client = log_in_with_second_factor(Client(enforce_csrf_checks=True), moderator)
    response = client.post(item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.OTHER})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    page = client.get(item_url("kommentar", comment)).content.decode()
    assert page.count('name="csrfmiddlewaretoken"') >= 2


def test_a_moderator_for_mayen_cannot_decide_on_an_item_in_mendig(client, moderator_mayen, mendig):
    comment = reported_comment(mendig)
    log_in_with_second_factor(client, moderator_mayen)

    assert client.get(item_url("kommentar", comment)).url == "/redaktion/"
    response = client.post(item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.OTHER})
    assert response.status_code == 302
    assert response.url == "/redaktion/"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE


def test_a_moderator_for_mayen_decides_on_an_item_in_mayen(client, moderator_mayen, mayen):
    comment = reported_comment(mayen)
    log_in_with_second_factor(client, moderator_mayen)
    response = client.post(item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.OTHER})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN


def test_the_author_is_mailed_after_a_hide(as_moderator, comment, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        as_moderator.post(item_url("kommentar", comment, "ausblenden"), {"hide-reason": HiddenReason.DISRESPECTFUL})
    assert comment.author.email in {address for message in mail.outbox for address in message.to}
