"""Comments in the data export, and what account deletion does to them:
the author goes, the public text stays (a removed comment loses its text
too)."""

import pytest

from smartregion.accounts import privacy
from smartregion.accounts.actions import delete_account
from smartregion.comments import actions
from smartregion.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_persons_comments(verified_citizen, verified_other_citizen, idea):
    actions.add_comment(idea, verified_citizen, "Mein Kommentar")
    actions.add_comment(idea, verified_other_citizen, "Fremder Kommentar")

    rows = privacy.export_user_data(verified_citizen)["comments"]

    assert [row["text"] for row in rows] == ["Mein Kommentar"]
    assert rows[0]["object_id"] == idea.pk
    assert rows[0]["status"] == Comment.Status.VISIBLE
    assert "submission_key" not in rows[0]


def test_deleting_the_account_keeps_the_discussion_without_the_author(
    client, verified_citizen, verified_other_citizen, idea
):
    mine = actions.add_comment(idea, verified_citizen, "Bleibt stehen")
    taken_back = actions.add_comment(idea, verified_citizen, "Zurückgenommen")
    actions.remove_comment(taken_back)
    answer = actions.add_comment(idea, verified_other_citizen, "Antwort darauf", parent=mine)

    delete_account(verified_citizen)

    mine.refresh_from_db()
    taken_back.refresh_from_db()
    assert mine.author is None
    assert mine.text == "Bleibt stehen"
    assert taken_back.author is None
    assert taken_back.text == ""
    assert Comment.objects.get(pk=answer.pk).author == verified_other_citizen
    idea.refresh_from_db()
    assert idea.comment_count == 2
    text = client.get(f"/kommentare/idee/{idea.pk}/").text
    assert "Gelöschtes Konto" in text
    assert "Bleibt stehen" in text
    assert "Bürgerin" not in text
