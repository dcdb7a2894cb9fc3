import json

from django.core.management.base import BaseCommand

from smartregion.demo.fingerprint import fingerprint


class Command(BaseCommand):
    help = "Print a stable description (JSON) of the demo site in the database, to compare two seeds."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Page contents in full instead of hashes.")

    def handle(self, *args, full=False, **options):
        self.stdout.write(json.dumps(fingerprint(full=full), indent=1, sort_keys=True, ensure_ascii=False))
