"""Account deletion removes the mails that name the person: failed mails to
their addresses, and (on the database task queue) the delivery tasks with
their address or name. The queue's table exists only with django-tasks-db,
which the stack tests use (stack_tests/test_restore.py); here the rules."""

import pytest
from allauth.account.models import EmailAddress

from smartregion.accounts.actions import delete_account
from smartregion.accounts.tests.factories import UserFactory
from smartregion.outbox.models import FailedMail
from smartregion.outbox.privacy import mentions_address, name_pattern, names_of, redact


def failed_mail(recipients, subject="Willkommen"):
    return FailedMail.objects.create(subject=subject, recipients=recipients, error="refused", attempts=5)


@pytest.mark.django_db
def test_failed_mails_to_any_address_of_the_person_go_with_the_account():
    user = UserFactory(email="gerda@example.org", display_name="Gerda Grün")
    EmailAddress.objects.create(user=user, email="Zweit@Example.org", verified=True, primary=False)
    failed_mail("gerda@example.org")
    failed_mail("andere@example.org, zweit@example.org")
    failed_mail("andere@example.org", subject="Neuer Kommentar von Gerda Grün")
    kept = failed_mail("andere@example.org", subject="Neuer Kommentar von Gerdan")

    delete_account(user)

    assert list(FailedMail.objects.all()) == [kept]


def test_an_address_is_found_anywhere_in_the_payload_whatever_its_case():
    payload = {"args": [{"to": ["Gerda@Example.org"], "body": "Hallo"}, 1], "kwargs": {}}

    assert mentions_address(payload, {"gerda@example.org"})
    assert not mentions_address(payload, {"erda@example.net"})


def test_names_are_found_as_whole_words_only():
    pattern = name_pattern({"Gerda Grün", "Gerda", "Grün"})

    assert pattern.search("Neuer Kommentar von Gerda Grün.")
    assert pattern.search("Hallo gerda,")
    assert not pattern.search("Die Grünfläche am Gerdaweg")


def test_a_name_too_short_to_tell_is_not_searched_for():
    user = UserFactory.build(display_name="Gerda", first_name="G", last_name="")

    assert names_of(user) == {"Gerda"}


def test_redaction_replaces_the_name_in_every_string_and_keeps_the_rest():
    payload = {"args": [{"subject": "Gerda antwortet", "alternatives": [["<p>Gerda</p>", "text/html"]]}, 2]}

    redacted = redact(payload, name_pattern({"Gerda"}))

    message = {"subject": "Gelöschtes Konto antwortet", "alternatives": [["<p>Gelöschtes Konto</p>", "text/html"]]}
    assert redacted == {"args": [message, 2]}
