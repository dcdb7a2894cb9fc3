"""Every account deletion leaves a record outside the database (the folder
DELETION_LOG_DIR), and `manage.py reapply_deletions` deletes again what a
restored backup brought back, even when the backup also lost the tombstone
table."""

import json
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from smartregion.accounts import deletion_log
from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import Consent, DeletedAccount, User
from smartregion.accounts.tests.factories import UserFactory


def restore(user_id, joined, email="wieder@example.org"):
    """What a backup taken before the deletion brings back: the account with
    its id and its time of joining, and no tombstone."""
    DeletedAccount.objects.filter(user_id=user_id).delete()
    user = User.objects.create_user(email, "ein-langes-testpasswort", id=user_id, display_name="Wiederhergestellt")
    User.objects.filter(pk=user_id).update(date_joined=joined)
    Consent.objects.create(user=user, document=Consent.Document.TERMS, version="2026-11")
    return user


def reapply() -> str:
    out = StringIO()
    call_command("reapply_deletions", stdout=out)
    return out.getvalue()


def record_files(settings):
    return sorted(settings.DELETION_LOG_DIR.glob("*.json"))


@pytest.mark.django_db
def test_a_deletion_writes_one_record_with_the_id_and_the_time_of_joining_only(settings):
    user = UserFactory(email="geheim@example.org", display_name="Geheime Person", first_name="Gerda")
    user_id, joined = user.pk, user.date_joined

    delete_account(user)

    [path] = record_files(settings)
    content = json.loads(path.read_text())
    assert set(content) == {"user_id", "joined", "deleted_at"}
    assert content["user_id"] == user_id
    assert content["joined"] == joined.isoformat()
    text = path.read_text()
    assert "geheim" not in text and "Geheime" not in text and "Gerda" not in text
    assert deletion_log.recorded() == [deletion_log.Deletion(user_id=user_id, joined=joined)]


@pytest.mark.django_db
def test_reapply_deletes_a_restored_account_that_only_the_log_remembers(settings):
    user = UserFactory()
    user_id, joined = user.pk, user.date_joined
    delete_account(user)
    restore(user_id, joined)

    output = reapply()

    assert not User.objects.filter(pk=user_id).exists()
    assert not Consent.objects.filter(user_id=user_id).exists()
    assert "Deleted accounts deleted again: 1." in output
    # No second record for a repeated deletion.
    assert len(record_files(settings)) == 1


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    user = UserFactory()
    user_id, joined = user.pk, user.date_joined
    delete_account(user)
    restore(user_id, joined)
    reapply()

    assert "Deleted accounts deleted again: 0." in reapply()


@pytest.mark.django_db
def test_a_later_account_that_got_the_same_id_stays():
    user = UserFactory()
    user_id, joined = user.pk, user.date_joined
    delete_account(user)
    # After a restore the id sequence starts where the backup was: a new
    # person may get the id of someone deleted after the backup.
    newcomer = restore(user_id, joined.replace(year=joined.year + 1), email="neu@example.org")

    assert "Deleted accounts deleted again: 0." in reapply()
    assert User.objects.filter(pk=newcomer.pk).exists()


@pytest.mark.django_db
def test_a_deletion_that_cannot_be_recorded_deletes_nothing(settings, tmp_path):
    user = UserFactory()
    user_id = user.pk
    blocked = tmp_path / "a-file-not-a-folder"
    blocked.write_text("")
    settings.DELETION_LOG_DIR = blocked

    with pytest.raises(OSError):
        delete_account(user)

    assert User.objects.filter(pk=user_id).exists()
    assert not DeletedAccount.objects.filter(user_id=user_id).exists()


@pytest.mark.django_db
def test_a_record_marked_as_rolled_back_counts_no_more(settings):
    user = UserFactory()
    path = deletion_log.record(user.pk, user.date_joined)

    deletion_log.rolled_back(path)

    assert deletion_log.recorded() == []
    assert "Deleted accounts deleted again: 0." in reapply()
    assert User.objects.filter(pk=user.pk).exists()


@pytest.mark.django_db
def test_a_record_cut_off_by_a_crash_is_left_out(settings):
    settings.DELETION_LOG_DIR.mkdir(parents=True)
    (settings.DELETION_LOG_DIR / "20260101T000000000000Z-0000.json").write_text('{"user_id": 1')

    assert deletion_log.recorded() == []
    assert "Deleted accounts deleted again: 0." in reapply()


@pytest.mark.django_db
def test_a_deletion_inside_a_rolled_back_transaction_leaves_a_record_that_only_repeats_its_wish():
    user = UserFactory()
    user_id = user.pk

    with pytest.raises(RuntimeError), transaction.atomic():
        delete_account(user)
        raise RuntimeError("the caller's transaction fails")

    # The account is still there, and the record names it: a reapply
    # deletes it as its owner asked, nothing else.
    assert User.objects.filter(pk=user_id).exists()
    assert [deletion.user_id for deletion in deletion_log.recorded()] == [user_id]


def test_records_written_at_once_by_many_threads_all_count(settings):
    def write(number):
        deletion_log.record(number, timezone.now())

    threads = [threading.Thread(target=write, args=(number,)) for number in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(deletion.user_id for deletion in deletion_log.recorded()) == list(range(50))
