from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from smartregion.cms import demo as cms_demo
from smartregion.demo import accounts as demo_accounts
from smartregion.events import demo as events_demo
from smartregion.ideas import demo as ideas_demo
from smartregion.lib import pagecache
from smartregion.participation import demo as participation_demo
from smartregion.region import demo as region_demo


class Command(BaseCommand):
    help = (
        "Create or update the demo region, its pages, news and events, the demo accounts and the demo "
        "processes with their ideas (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (demo passwords are public)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with publicly known passwords and runs only with DEBUG=1 "
                "(or with --force)."
            )
        with transaction.atomic():
            region_demo.seed()
            cms_demo.seed()
            events_demo.seed()
            accounts = demo_accounts.seed()
            # Processes (with their jurors) and ideas need the accounts.
            processes = participation_demo.seed()
            ideas_demo.seed(processes)
            # Pages cached for anonymous visitors would hide the new content.
            transaction.on_commit(pagecache.invalidate)
        self.stdout.write(self.style.SUCCESS("Demo region ready."))
        self.stdout.write(
            "Demo accounts (local use only). Log in at /konto/login/; staff set up a second factor "
            "(an authenticator app) on their first visit to /redaktion/."
        )
        width = max(len(account.role) for account in accounts)
        for account in accounts:
            self.stdout.write(f"  {account.role:<{width}}  {account.email:<36} password: {account.password}")
