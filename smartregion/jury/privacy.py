"""The jurors' ratings and their seats on juries in the data export and
on account deletion."""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.jury.models import JuryRating
from smartregion.participation.models import Process

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

# That a person sits on the jury of a process is data about them. When the
# account goes, the person leaves the jury (the link rows go with the user
# row); the process stays.
register(
    Process,
    key="jury_processes",
    label=_("Mitglied der Jury in"),
    user_field="jurors",
    fields=["title"],
    on_account_deletion=Erasure.ANONYMISE,
)
