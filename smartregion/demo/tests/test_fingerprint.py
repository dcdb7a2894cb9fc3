"""The demo site seeded from the region's data files is the site recorded in
myk10-fingerprint.json (pages, rows, counts and links). After a deliberate
change of the demo content, record it again:

    DEBUG=1 DATABASE_URL=sqlite:////tmp/fp.sqlite3 manage.py migrate
    DEBUG=1 DATABASE_URL=sqlite:////tmp/fp.sqlite3 manage.py seed_demo
    DEBUG=1 DATABASE_URL=sqlite:////tmp/fp.sqlite3 manage.py demo_fingerprint \\
        > smartregion/demo/tests/myk10-fingerprint.json

(`--full` shows the contents behind the hashes, to see what differs.)
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from smartregion.cms.models import ContentPage
from smartregion.demo.fingerprint import fingerprint

RECORDED = Path(__file__).resolve().parent / "myk10-fingerprint.json"


@pytest.mark.django_db
def test_the_seeded_demo_is_the_recorded_site(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())

    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    seeded = fingerprint()

    for section in ("counts", "pages", "links", "rows"):
        assert seeded[section] == recorded[section], section


@pytest.mark.django_db
def test_the_fingerprint_changes_when_a_page_changes(settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    before = fingerprint()
    page = ContentPage.objects.get(slug="faq")
    page.summary = "Anders"
    page.save()

    after = fingerprint()
    assert [p["content"] for p in after["pages"]] != [p["content"] for p in before["pages"]]
