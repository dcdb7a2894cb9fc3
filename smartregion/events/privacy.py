"""Event registrations in the data export and on account deletion."""

from django.utils.translation import gettext_lazy as _

from smartregion.accounts.privacy import Erasure, register
from smartregion.events.models import EventRegistration


def cancel_and_delete(registrations) -> None:
    """Account deletion: cancel each active registration first, so that a
    freed seat goes to the next person on the waitlist (with a mail), then
    delete the rows. Runs inside delete_account's transaction."""
    from smartregion.events.actions import cancel_registration

    for registration in registrations.filter(status__in=EventRegistration.ACTIVE).select_related("event"):
        cancel_registration(registration, notify=False)
    registrations.delete()


register(
    EventRegistration,
    key="event_registrations",
    label=_("Anmeldungen zu Veranstaltungen"),
    user_field="user",
    fields=[
        ("event", _("Veranstaltung")),
        "status",
        "channel",
        "accessibility_needs",
        "answer",
        "attended",
        "created_at",
        "confirmed_at",
        "cancelled_at",
    ],
    on_account_deletion=cancel_and_delete,
)

# Registrations a staff member entered for someone who phoned or came to the
# door. That a staff member entered them is data about the staff member, so
# it is in their export, but only which event, how and when: the registered
# person's name, address and needs are not the staff member's data. When the
# staff account goes, the registrations stay (they belong to the people who
# registered) and only lose the reference.
register(
    EventRegistration,
    key="event_registrations_entered",
    label=_("Von Ihnen eingetragene Anmeldungen"),
    user_field="entered_by",
    fields=[("event", _("Veranstaltung")), "channel", "created_at"],
    on_account_deletion=Erasure.ANONYMISE,
)
