"""The delivery of one e-mail (see mailer.py), retried with backoff.

django-tasks retries nothing by itself, so a failed attempt enqueues the
next one with `run_after` (1, 4, 16, 64 minutes with the defaults) until
MAIL_MAX_ATTEMPTS; a backend that cannot defer (the immediate backend of
development and tests) gets one attempt. The last failure is kept as a
FailedMail row and logged."""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from smartregion.outbox.models import FailedMail
from smartregion.outbox.payload import from_payload

logger = logging.getLogger(__name__)


def retry_delay(attempt: int) -> dt.timedelta:
    """How long to wait after failed attempt number `attempt` (from 1)."""
    return dt.timedelta(seconds=settings.MAIL_RETRY_SECONDS * 4 ** (attempt - 1))


@task()
def deliver(payload: dict, attempt: int = 1) -> bool:
    """Send the message of `payload`; whether it went out now."""
    message = from_payload(payload)
    try:
        with get_connection(settings.MAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([message])
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried
        if attempt < settings.MAIL_MAX_ATTEMPTS and deliver.get_backend().supports_defer:
            delay = retry_delay(attempt)
            logger.warning("Mail not delivered (attempt %s), next in %s: %r", attempt, delay, error)
            deliver.using(run_after=timezone.now() + delay).enqueue(payload, attempt + 1)
        else:
            logger.error("Mail not delivered after %s attempts, given up: %r", attempt, error)
            FailedMail.objects.create(
                subject=payload["subject"][:255],
                recipients=", ".join(message.recipients()),
                error=repr(error)[:2000],
                attempts=attempt,
            )
        return False
    return True
