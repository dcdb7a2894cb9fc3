from django.core.management.base import BaseCommand

from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import DeletedAccount, User


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
        self.stdout.write(self.style.SUCCESS(f"Deleted accounts deleted again: {len(restored)}."))
