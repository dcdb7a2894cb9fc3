"""An author's objection against a hide is decided in the backend by
another moderator than the one who hid (rule moderation.decide_objection):
upheld, the item is visible again; rejected, it stays hidden."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.models import Comment
from smartregion.moderation.models import ModerationAction, Objection
from smartregion.moderation.tests.queue_setup import hidden_with_objection, item_url

pytestmark = pytest.mark.django_db


def decide_url(objection):
    return reverse("moderation_admin:objection-decide", args=[objection.pk])


@pytest.fixture
def objected(mayen, other_moderator):
    """A comment in Mayen hidden by other_moderator, with the author's
    objection."""
    return hidden_with_objection(mayen, other_moderator, text="Das war Kritik, keine Beleidigung.")


def test_the_item_page_shows_the_objection_and_the_decision_form(client, moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator)
    page = client.get(item_url("kommentar", comment)).content.decode()
    assert "Widerspruch der verfassenden Person" in page
    assert "Das war Kritik, keine Beleidigung." in page
    assert "Moderator Zwei" in page  # who hid it
    assert f'action="{decide_url(objection)}"' in page


def test_another_moderator_upholds_the_objection_and_the_comment_returns(client, moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator)

    response = client.post(
        decide_url(objection), {"objection-decision": "uphold", "objection-note": "Zugespitzt, aber zulässig."}
    )

    assert response.status_code == 302
    assert response.url == item_url("kommentar", comment)
    objection.refresh_from_db()
    comment.refresh_from_db()
    assert objection.status == Objection.Status.UPHELD
    assert objection.decided_by == moderator
    assert objection.decision_note == "Zugespitzt, aber zulässig."
    assert comment.status == Comment.Status.VISIBLE
    entry = ModerationAction.objects.for_item(comment).first()
    assert entry.action == ModerationAction.Action.OBJECTION_UPHELD
    assert entry.actor == moderator
    assert "Dem Widerspruch ist stattgegeben" in client.get(response.url).content.decode()


def test_another_moderator_rejects_the_objection_and_the_comment_stays_hidden(client, moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator)
    client.post(decide_url(objection), {"objection-decision": "reject"})
    objection.refresh_from_db()
    comment.refresh_from_db()
    assert objection.status == Objection.Status.REJECTED
    assert comment.status == Comment.Status.HIDDEN


def test_the_moderator_who_hid_cannot_decide_the_objection(client, other_moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, other_moderator)

    page = client.get(item_url("kommentar", comment)).content.decode()
    assert "Über den Widerspruch entscheidet eine andere Person der Moderation." in page
    assert f'action="{decide_url(objection)}"' not in page
    response = client.post(decide_url(objection), {"objection-decision": "uphold"})

    assert response.status_code == 302
    assert response.url == "/redaktion/"
    objection.refresh_from_db()
    assert objection.status == Objection.Status.OPEN


def test_a_decision_must_be_chosen(client, moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator)
    response = client.post(decide_url(objection), {"objection-note": "Meine Begründung"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte entscheiden Sie über den Widerspruch." in page
    assert "Meine Begründung</textarea>" in page
    objection.refresh_from_db()
    assert objection.status == Objection.Status.OPEN


def test_a_decided_objection_is_not_decided_again(client, moderator, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator)
    client.post(decide_url(objection), {"objection-decision": "reject"})
    response = client.post(decide_url(objection), {"objection-decision": "uphold"})
    assert response.status_code == 409
    assert "bereits entschieden" in response.content.decode()
    objection.refresh_from_db()
    assert objection.status == Objection.Status.REJECTED


def test_a_moderator_of_another_municipality_cannot_decide(client, moderator_mendig, objected):
    comment, objection = objected
    log_in_with_second_factor(client, moderator_mendig)
    response = client.post(decide_url(objection), {"objection-decision": "uphold"})
    assert response.url == "/redaktion/"
    objection.refresh_from_db()
    assert objection.status == Objection.Status.OPEN


def test_an_unknown_objection_is_not_found(client, moderator):
    log_in_with_second_factor(client, moderator)
    assert (
        client.post("/redaktion/moderation/widerspruch/999999/", {"objection-decision": "uphold"}).status_code == 404
    )
