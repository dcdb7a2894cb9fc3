"""The jurors' ratings in the data export and on account deletion."""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.jury.models import JuryRating

# A juror's scores are part of the published ranking of the process: they
# stay without the name, the private note goes with the account.
register(
    JuryRating,
    key="jury_ratings",
    label=_("Bewertungen als Jurymitglied"),
    user_field="juror",
    fields=[("idea", _("Idee")), "criterion", "score", "note", "created_at"],
    on_account_deletion=Erasure.ANONYMISE,
    anonymised_values={"note": ""},
)
