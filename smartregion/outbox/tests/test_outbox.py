"""Every e-mail goes through the task queue: a request never fails because
of the mail server, a failed delivery is retried later with backoff, and a
mail that fails every attempt is kept (without its text) for the
administrators."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from django_tasks import task_backends

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.lib.tests.dashboard import run_hook
from smartregion.lib.tests.services import free_port
from smartregion.outbox import tasks
from smartregion.outbox.models import FailedMail
from smartregion.outbox.payload import from_payload, to_payload
from smartregion.outbox.wagtail_hooks import add_failed_mail_panel

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def queued_mail(settings):
    """The production set-up: messages go into the queue, the task
    delivers them (here into mail.outbox)."""
    settings.EMAIL_BACKEND = "smartregion.outbox.mailer.QueueBackend"
    settings.MAIL_DELIVERY_BACKEND = LOCMEM
    return settings


@pytest.fixture
def unreachable_smtp(queued_mail):
    """A real SMTP connection to a loopback port where nothing listens."""
    queued_mail.MAIL_DELIVERY_BACKEND = SMTP
    queued_mail.EMAIL_HOST = "127.0.0.1"
    queued_mail.EMAIL_PORT = free_port()
    queued_mail.EMAIL_TIMEOUT = 2
    return queued_mail


@pytest.fixture
def deferring_queue(settings):
    """A task backend that keeps what is enqueued (with run_after) instead
    of running it, like the database worker's queue."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return task_backends["default"]


def signup(client):
    return client.post(
        "/konto/signup/",
        {
            "email": "neu@example.org",
            "password1": "Kirschblüten am Laacher See",
            "display_name": "Maifeld-Radlerin",
            "accept_terms": "on",
        },
    )


def test_a_mail_is_delivered_by_the_task_after_the_commit(queued_mail, django_capture_on_commit_callbacks):
    message = EmailMessage("Ihre Anmeldung", "Hallo", to=["a@example.org"])
    message.attach("veranstaltung.ics", "BEGIN:VCALENDAR", "text/calendar")
    message.attach("plan.pdf", b"%PDF-\x00\xff", "application/pdf")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message.send()
        assert mail.outbox == []

    assert len(callbacks) == 1
    [delivered] = mail.outbox
    assert (delivered.subject, delivered.body, delivered.to) == ("Ihre Anmeldung", "Hallo", ["a@example.org"])
    assert [attachment[:2] for attachment in delivered.attachments] == [
        ("veranstaltung.ics", "BEGIN:VCALENDAR"),
        ("plan.pdf", b"%PDF-\x00\xff"),
    ]


def test_a_message_survives_the_trip_through_the_queue_unchanged():
    message = EmailMessage("Betreff", "Text", "von@example.org", ["a@example.org"], cc=["c@example.org"])
    message.extra_headers["Reply-To"] = "antwort@example.org"

    again = from_payload(to_payload(message))

    assert again.message().as_string().split("\n\n", 1)[1] == message.message().as_string().split("\n\n", 1)[1]
    assert again.recipients() == message.recipients()
    assert again.extra_headers == message.extra_headers


def test_a_sign_up_succeeds_while_the_mail_server_is_unreachable(
    client, unreachable_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client)

    assert response.status_code == 302
    assert User.objects.filter(email="neu@example.org").exists()
    failed = FailedMail.objects.get()
    assert failed.recipients == "neu@example.org"
    assert failed.attempts == 1
    assert "Connection refused" in failed.error or "ConnectionRefused" in failed.error


def test_the_sign_up_mail_is_delivered_through_the_queue(client, queued_mail, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client)

    [delivered] = mail.outbox
    assert delivered.to == ["neu@example.org"]
    assert "/konto/confirm-email/" in delivered.body
    assert not FailedMail.objects.exists()


def test_a_failed_attempt_is_retried_later_with_a_growing_delay(unreachable_smtp, deferring_queue):
    payload = to_payload(EmailMessage("Betreff", "Text", to=["a@example.org"]))

    assert tasks.deliver.call(payload) is False
    assert tasks.deliver.call(payload, 2) is False

    first, second = deferring_queue.results
    assert first.args == [payload, 2]
    assert second.args == [payload, 3]
    assert 55 <= (first.task.run_after - first.enqueued_at).total_seconds() <= 65
    assert 235 <= (second.task.run_after - second.enqueued_at).total_seconds() <= 245
    assert not FailedMail.objects.exists()


def test_the_last_attempt_keeps_a_failed_mail_without_its_text(unreachable_smtp, deferring_queue):
    unreachable_smtp.MAIL_MAX_ATTEMPTS = 3
    payload = to_payload(EmailMessage("Ihr Link", "https://geheim.example/key", to=["a@example.org"]))

    assert tasks.deliver.call(payload, 3) is False

    assert deferring_queue.results == []
    failed = FailedMail.objects.get()
    assert (failed.subject, failed.recipients, failed.attempts) == ("Ihr Link", "a@example.org", 3)
    assert "geheim" not in str([getattr(failed, field.attname) for field in FailedMail._meta.fields])


def test_administrators_see_the_failed_mails_with_their_addresses(client, admin):
    FailedMail.objects.create(subject="Ihre Anmeldung", recipients="a@example.org", error="refused", attempts=5)

    panels = run_hook(add_failed_mail_panel, admin)
    log_in_with_second_factor(client, admin)
    listing = client.get(reverse("wagtailsnippets_outbox_failedmail:list"))

    assert [(item.label, item.count) for item in panels["failed-mails"].items] == [("Nicht zugestellte E-Mails", 1)]
    assert listing.status_code == 200
    assert "a@example.org" in listing.content.decode()


def test_other_staff_see_neither_the_panel_nor_the_addresses(client, editor, moderator):
    FailedMail.objects.create(subject="Ihre Anmeldung", recipients="a@example.org", error="refused", attempts=5)

    for person in (editor, moderator):
        assert run_hook(add_failed_mail_panel, person) == {}
        log_in_with_second_factor(client, person)
        response = client.get(reverse("wagtailsnippets_outbox_failedmail:list"))
        assert response.status_code in (302, 403)
        assert "a@example.org" not in response.content.decode()
