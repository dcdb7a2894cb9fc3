"""The moderation log is append-only: no update, no delete, neither in bulk
nor row by row. Deleting an account only removes its name from the log."""

import pytest

from smartregion.moderation import actions
from smartregion.moderation.models import ModerationAction
from smartregion.participation.models import HiddenReason


@pytest.fixture
def entry(comment, moderator):
    return actions.hide(comment, moderator, HiddenReason.OFF_TOPIC, "Notiz")


def test_bulk_update_is_refused(entry):
    with pytest.raises(PermissionError):
        ModerationAction.objects.filter(pk=entry.pk).update(note="geändert")
    assert ModerationAction.objects.get(pk=entry.pk).note == "Notiz"


def test_bulk_delete_is_refused(entry):
    with pytest.raises(PermissionError):
        ModerationAction.objects.all().delete()
    assert ModerationAction.objects.filter(pk=entry.pk).exists()


def test_saving_an_existing_entry_is_refused(entry):
    entry.note = "geändert"
    with pytest.raises(PermissionError):
        entry.save()
    assert ModerationAction.objects.get(pk=entry.pk).note == "Notiz"


def test_deleting_an_entry_is_refused(entry):
    with pytest.raises(PermissionError):
        entry.delete()
    assert ModerationAction.objects.filter(pk=entry.pk).exists()


def test_a_deleted_account_leaves_the_entry_without_a_name(entry, moderator):
    moderator.delete()
    entry = ModerationAction.objects.get(pk=entry.pk)
    assert entry.actor is None
    assert entry.action == ModerationAction.Action.HIDE
    assert entry.item_label.startswith("Kommentar „")


def test_the_entry_keeps_its_label_when_the_item_is_gone(entry, comment):
    comment.delete()
    assert ModerationAction.objects.get(pk=entry.pk).item_label == "Kommentar „Das ist ein Kommentar mit Inhalt.“"
