"""After a restore from a backup, `manage.py reapply_deletions` deletes again
every account whose id is on the tombstone list."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import Consent, DeletedAccount, User
from smartregion.accounts.tests.factories import UserFactory


def restore(user_id, email):
    """What a backup taken before the deletion brings back."""
    user = User.objects.create_user(email, "ein-langes-testpasswort", id=user_id, display_name="Wiederhergestellt")
    Consent.objects.create(user=user, document=Consent.Document.TERMS, version="2026-11")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.mark.django_db
def test_it_deletes_a_restored_account_again(citizen):
    user_id = citizen.pk
    delete_account(citizen)
    restore(user_id, "citizen@example.org")
    out = StringIO()

    call_command("reapply_deletions", stdout=out)

    assert not User.objects.filter(pk=user_id).exists()
    assert not Consent.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(email="citizen@example.org").exists()
    assert list(DeletedAccount.objects.values_list("user_id", flat=True)) == [user_id]
    assert "Deleted accounts deleted again: 1." in out.getvalue()


@pytest.mark.django_db
def test_it_leaves_accounts_that_were_never_deleted(citizen):
    deleted = UserFactory()
    delete_account(deleted)
    out = StringIO()

    call_command("reapply_deletions", stdout=out)

    assert User.objects.filter(pk=citizen.pk).exists()
    assert "Deleted accounts deleted again: 0." in out.getvalue()
