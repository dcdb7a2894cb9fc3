"""Reports and objections in the data export and on account deletion.

Both are anonymised rather than deleted: the decisions taken on them stay
understandable and the transparency page's figures stay right. What the
person wrote is cleared with the link to them.
"""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.moderation.models import Objection, Report

register(
    Report,
    key="moderation_reports",
    label=_("Meldungen an die Moderation"),
    user_field="reporter",
    fields=[
        ("content_type", _("Gemeldet wurde")),
        ("object_id", _("Nummer des Beitrags")),
        "reason",
        "text",
        "status",
        "created_at",
        "decided_at",
    ],
    on_account_deletion=Erasure.ANONYMISE,
    anonymised_values={"text": ""},
)

register(
    Objection,
    key="moderation_objections",
    label=_("Widersprüche gegen Entscheidungen der Moderation"),
    user_field="author",
    fields=[
        ("content_type", _("Beitrag")),
        ("object_id", _("Nummer des Beitrags")),
        "text",
        "status",
        "created_at",
        "decided_at",
        "decision_note",
    ],
    on_account_deletion=Erasure.ANONYMISE,
    anonymised_values={"text": ""},
)
