"""Comments in the data export and on account deletion.

Account deletion anonymises: comments are public contributions to a
discussion, and other people's replies refer to them, so they stay with
their text and lose their author (the thread shows "Gelöschtes Konto").
Comments the person had removed themselves are no longer public: they
lose their text as well.
"""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import register
from smartregion.comments.models import Comment


def anonymise(comments) -> None:
    """Account deletion: keep the comments without their author; clear the
    text of those the author had removed. Runs inside delete_account's
    transaction."""
    comments.filter(status=Comment.Status.REMOVED).update(author=None, text="")
    comments.update(author=None)


register(
    Comment,
    key="comments",
    label=_("Kommentare"),
    user_field="author",
    fields=[
        ("content_type", _("Kommentiert wurde")),
        ("object_id", _("Nummer des Beitrags")),
        "text",
        "status",
        "hidden_reason",
        "created_at",
        "edited_at",
    ],
    on_account_deletion=anonymise,
)
