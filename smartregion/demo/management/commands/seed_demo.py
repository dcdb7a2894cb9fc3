from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from smartregion.demo import loader
from smartregion.lib import pagecache


class Command(BaseCommand):
    help = (
        "Create or update a demo region from its folder smartregion/demo/regions/<region>/: its pages, news and "
        "events, the demo accounts and the demo processes with their ideas (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--region",
            default=settings.DEMO_REGION,
            help="The folder under smartregion/demo/regions/ (default: the DEMO_REGION setting, %(default)s).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (demo passwords are public)."
        )

    def handle(self, *args, region, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with publicly known passwords and runs only with DEBUG=1 "
                "(or with --force)."
            )
        try:
            folder = loader.region_folder(region)
        except ValueError as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():
            accounts = loader.load(folder.name)
            # Pages cached for anonymous visitors would hide the new content.
            transaction.on_commit(pagecache.invalidate)
        self.stdout.write(self.style.SUCCESS("Demo region ready."))
        self.stdout.write(
            "Demo accounts (local use only). Log in at /konto/login/; staff set up a second factor "
            "(an authenticator app) on their first visit to /redaktion/."
        )
        width = max((len(account["role"]) for account in accounts), default=0)
        for account in accounts:
            self.stdout.write(f"  {account['role']:<{width}}  {account['email']:<36} password: {account['password']}")
