"""Bulk decisions in the queue: several ticked items approved, hidden with
one reason, or their reports dismissed, each through moderation.actions in
its own transaction; what cannot be decided stays and is named."""

import pytest
from django.test import Client

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.models import Comment
from smartregion.moderation.models import ModerationAction, Report
from smartregion.moderation.tests.queue_setup import (
    BULK,
    QUEUE,
    pending_comment,
    pending_idea,
    reported_comment,
    reported_idea,
    reports_of,
)
from smartregion.participation.models import HiddenReason, Moderation

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_moderator(client, moderator):
    return log_in_with_second_factor(client, moderator)


def value(key, obj):
    return f"{key}:{obj.pk}"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_several_items_are_hidden_with_one_reason(as_moderator, moderator, mayen):
    first = reported_comment(mayen, text="Werbung eins")
    second = reported_comment(mayen, text="Werbung zwei")
    idea = reported_idea(mayen, title="Werbung drei")
    untouched = reported_comment(mayen, text="bleibt")

    response = as_moderator.post(
        BULK,
        {
            "bulk-items": [value("kommentar", first), value("kommentar", second), value("idee", idea)],
            "bulk-decision": "hide",
            "bulk-reason": HiddenReason.ADVERTISING,
            "bulk-note": "Werbung für einen Onlineshop.",
        },
        follow=True,
    )

    assert response.redirect_chain[-1] == (QUEUE, 302)
    assert "3 Beiträge ausgeblendet." in messages_of(response)
    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.status == Comment.Status.HIDDEN
        assert comment.hidden_reason == HiddenReason.ADVERTISING
    idea.refresh_from_db()
    assert idea.moderation == Moderation.HIDDEN
    untouched.refresh_from_db()
    assert untouched.status == Comment.Status.VISIBLE
    hides = ModerationAction.objects.filter(action=ModerationAction.Action.HIDE)
    assert hides.count() == 3
    assert set(hides.values_list("note", flat=True)) == {"Werbung für einen Onlineshop."}
    assert [entry.obj for entry in response.context["queue"].reports.entries] == [untouched]


def test_waiting_items_are_approved_together(as_moderator, mayen):
    comment = pending_comment(mayen)
    idea = pending_idea(mayen)
    as_moderator.post(
        BULK, {"bulk-items": [value("kommentar", comment), value("idee", idea)], "bulk-decision": "approve"}
    )
    comment.refresh_from_db()
    idea.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    assert idea.moderation == Moderation.VISIBLE


def test_reports_of_several_items_are_dismissed(as_moderator, mayen):
    first, second = reported_comment(mayen, reports=2), reported_idea(mayen)
    as_moderator.post(
        BULK, {"bulk-items": [value("kommentar", first), value("idee", second)], "bulk-decision": "dismiss"}
    )
    for item in (first, second):
        assert set(reports_of(item).values_list("status", flat=True)) == {Report.Status.DISMISSED}


def test_an_item_that_cannot_be_decided_is_named_and_the_others_are_decided(as_moderator, mayen):
    waiting = pending_comment(mayen, text="wartet")
    visible = reported_comment(mayen, text="schon sichtbar")

    response = as_moderator.post(
        BULK,
        {"bulk-items": [value("kommentar", visible), value("kommentar", waiting)], "bulk-decision": "approve"},
        follow=True,
    )

    messages = messages_of(response)
    assert "1 Beitrag freigegeben." in messages
    assert any("schon sichtbar" in message and "anderen Zustand" in message for message in messages)
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.VISIBLE


def test_items_outside_the_moderators_municipalities_are_skipped(client, moderator_mayen, mayen, mendig):
    in_mayen = reported_comment(mayen, text="in Mayen")
    in_mendig = reported_comment(mendig, text="in Mendig")
    log_in_with_second_factor(client, moderator_mayen)

    response = client.post(
        BULK,
        {
            "bulk-items": [value("kommentar", in_mayen), value("kommentar", in_mendig)],
            "bulk-decision": "hide",
            "bulk-reason": HiddenReason.OTHER,
        },
        follow=True,
    )

    assert any("nicht in Ihrem Bereich" in message for message in messages_of(response))
    in_mayen.refresh_from_db()
    in_mendig.refresh_from_db()
    assert in_mayen.status == Comment.Status.HIDDEN
    assert in_mendig.status == Comment.Status.VISIBLE


NO_REASON = "Bitte wählen Sie einen Grund für das Ausblenden."
UNKNOWN_ITEM = "Die Auswahl enthält einen unbekannten Beitrag."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"bulk-decision": "dismiss"}, "Bitte wählen Sie mindestens einen Beitrag aus."),
        ({"bulk-items": ["kommentar:{pk}"]}, "Bitte wählen Sie eine Entscheidung."),
        (
            {"bulk-items": ["kommentar:{pk}"], "bulk-decision": "hide"},
            "Bitte wählen Sie einen Grund für das Ausblenden.",
        ),
        ({"bulk-items": ["umfrage:1"], "bulk-decision": "dismiss"}, "Die Auswahl enthält einen unbekannten Beitrag."),
        (
            {"bulk-items": ["kommentar:abc"], "bulk-decision": "dismiss"},
            "Die Auswahl enthält einen unbekannten Beitrag.",
        ),
        (
            {"bulk-items": ["kommentar:{pk}"], "bulk-decision": "delete"},
            "Bitte wählen Sie eine Entscheidung aus der Liste.",
        ),
    ],
)
def test_a_bulk_decision_with_bad_input_is_refused_and_keeps_the_selection(as_moderator, mayen, data, message):
    comment = reported_comment(mayen)
    data = {key: [v.format(pk=comment.pk) for v in val] if isinstance(val, list) else val for key, val in data.items()}
    data["bulk-note"] = "meine Notiz"

    response = as_moderator.post(BULK, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Nichts ist entschieden." in page
    assert "meine Notiz</textarea>" in page
    if f"kommentar:{comment.pk}" in data.get("bulk-items", []):
        assert f'value="kommentar:{comment.pk}" id="select-reports-kommentar-{comment.pk}" checked' in page
    assert reports_of(comment).get().status == Report.Status.OPEN


def test_the_queue_filters_come_back_after_a_bulk_decision(as_moderator, mayen):
    comment = reported_comment(mayen)
    response = as_moderator.post(
        f"{BULK}?typ=kommentar&alter=24h", {"bulk-items": [value("kommentar", comment)], "bulk-decision": "dismiss"}
    )
    assert response.status_code == 302
    assert response.url.startswith(f"{QUEUE}?")
    assert "typ=kommentar" in response.url
    assert "alter=24h" in response.url


def test_bulk_decisions_need_the_csrf_token(moderator, mayen):
    comment = reported_comment(mayen)
    client = log_in_with_second_factor(Client(enforce_csrf_checks=True), moderator)
    response = client.post(BULK, {"bulk-items": [value("kommentar", comment)], "bulk-decision": "dismiss"})
    assert response.status_code == 403
    assert reports_of(comment).get().status == Report.Status.OPEN
    assert client.get(BULK).status_code == 405
