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

import base64
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction


def to_payload(message: EmailMessage) -> dict:
    """`message` as JSON-able data (the task's argument)."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            filename, content = attachment.get_filename(), attachment.get_payload(decode=True)
            mimetype = attachment.get_content_type()
        else:
            filename, content, mimetype = attachment
        if isinstance(content, str):
            attachments.append([filename, content, mimetype, "text"])
        else:
            attachments.append([filename, base64.b64encode(content).decode(), mimetype, "base64"])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def from_payload(payload: dict) -> EmailMultiAlternatives:
    """The message that `to_payload` made the data of."""
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype, encoding in payload["attachments"]:
        message.attach(filename, base64.b64decode(content) if encoding == "base64" else content, mimetype)
    return message


def enqueue(message: EmailMessage) -> None:
    """Deliver `message` through the task queue once the current
    transaction commits (at once outside of one)."""
    from smartregion.outbox.tasks import deliver

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
