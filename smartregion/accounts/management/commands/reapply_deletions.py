from django.core.management.base import BaseCommand

from smartregion.accounts import deletion_log
from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import DeletedAccount, User
from smartregion.lib import pagecache


class Command(BaseCommand):
    help = (
        "Delete again every account that was deleted according to the deletion log "
        "(DELETION_LOG_DIR) or the older tombstone table. Run it after restoring a "
        "database backup, before the app servers start again (README, 'Restore'). "
        "Running it twice changes nothing."
    )

    def handle(self, *args, **options):
        deletions = deletion_log.recorded()
        # Tombstones written before the deletion log existed know only the id.
        deletions += [
            deletion_log.Deletion(user_id=user_id, joined=None)
            for user_id in DeletedAccount.objects.values_list("user_id", flat=True)
        ]
        candidates = User.objects.filter(pk__in={deletion.user_id for deletion in deletions}).order_by("pk")
        restored = [user for user in candidates if any(deletion.matches(user) for deletion in deletions)]
        for user in restored:
            # Already in the log: no second record.
            delete_account(user, record=False)
        # Public pages may show the restored names and supports: no request
        # made this change, so no POST ended the cached pages.
        pagecache.invalidate()
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted accounts deleted again: {len(restored)}. Deletion records read: {len(deletions)}."
            )
        )
