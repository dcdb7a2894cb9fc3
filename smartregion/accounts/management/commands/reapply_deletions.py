from django.core.management.base import BaseCommand

from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import DeletedAccount, User
from smartregion.lib import pagecache


class Command(BaseCommand):
    help = (
        "Delete again every account whose id is on the tombstone list of deleted accounts. "
        "Run it after restoring a backup taken before some accounts were deleted."
    )

    def handle(self, *args, **options):
        tombstones = DeletedAccount.objects.values("user_id")
        restored = list(User.objects.filter(pk__in=tombstones).order_by("pk"))
        for user in restored:
            delete_account(user)
        # Public pages may show the restored names and supports: no request
        # made this change, so no POST ended the cached pages.
        pagecache.invalidate()
        self.stdout.write(self.style.SUCCESS(f"Deleted accounts deleted again: {len(restored)}."))
