"""Send the reminders for tomorrow's events now (what the task does in
production), and expire guest registrations nobody confirmed."""

from django.core.management.base import BaseCommand

from smartregion.events.actions import expire_unconfirmed
from smartregion.events.tasks import send_due_reminders


class Command(BaseCommand):
    help = "Sends the reminder e-mails for events starting tomorrow (once per registration)."

    def handle(self, *args, **options):
        expired = expire_unconfirmed()
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent, {expired} unconfirmed registration(s) expired.")
