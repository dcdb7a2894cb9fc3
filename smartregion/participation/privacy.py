"""Jury assignments in the data export and on account deletion."""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.participation.models import Process

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
