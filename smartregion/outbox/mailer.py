"""Every e-mail goes out through the task queue.

settings.EMAIL_BACKEND is `QueueBackend`: `message.send()` anywhere in the
project (allauth's sign-up and password mails, the apps' tasks, Wagtail's
notifications) keeps the message as plain data and enqueues the task
`outbox.tasks.deliver` once the current transaction commits. The task
delivers it with settings.MAIL_DELIVERY_BACKEND (SMTP in production, env
EMAIL_BACKEND). A request therefore never waits for the mail server and
never fails because of it; a failed delivery is retried with backoff, and
a mail that fails every attempt becomes a FailedMail row for the
administrators.
"""

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from smartregion.outbox.payload import to_payload
from smartregion.outbox.tasks import deliver


def enqueue(message: EmailMessage) -> None:
    """Deliver `message` through the task queue once the current
    transaction commits (at once outside of one)."""
    payload = to_payload(message)
    transaction.on_commit(lambda: deliver.enqueue(payload))


class QueueBackend(BaseEmailBackend):
    """The project's EMAIL_BACKEND: hands each message to the task queue."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if message.recipients():
                enqueue(message)
                count += 1
        return count
