"""Ideas and supports in the data export and on account deletion (the
jury's ratings: jury/privacy.py).

Ideas are public contributions: they stay when their author's account goes
and are signed "Gelöschtes Konto" from then on. Supports are personal (who
supported what) and go, and each idea's support_count goes down with them.
"""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.ideas.models import Idea, Support


def delete_supports(supports) -> None:
    """Account deletion: delete the person's supports and lower the count of
    each idea they supported. Runs inside delete_account's transaction."""
    from smartregion.ideas.actions import delete_supports as delete

    delete(supports)


register(
    Idea,
    key="ideas",
    label=_("Ideen"),
    user_field="author",
    fields=[
        "title",
        "text",
        ("process", _("Verfahren")),
        "municipality",
        "latitude",
        "longitude",
        "image",
        "image_alt",
        "status",
        "created_at",
        "edited_at",
        "withdrawn_at",
    ],
    on_account_deletion=Erasure.ANONYMISE,
)

register(
    Support,
    key="idea_supports",
    label=_("Unterstützte Ideen"),
    user_field="user",
    fields=[("idea", _("Idee")), ("created_at", _("Unterstützt am"))],
    on_account_deletion=delete_supports,
)

# Ideas a guide or a staff member entered for someone who handed them in on
# paper, at a stand or by phone. That the staff member entered them is data
# about the staff member, so it is in their export; the ideas themselves
# belong to the people who brought them and stay without the reference.
register(
    Idea,
    key="ideas_captured",
    label=_("Von Ihnen erfasste Ideen"),
    user_field="captured_by",
    fields=["title", ("process", _("Verfahren")), "channel", "collected_on", "created_at"],
    on_account_deletion=Erasure.ANONYMISE,
)
