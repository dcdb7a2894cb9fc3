"""`manage.py seed_demo` creates accounts with public passwords: with DEBUG
off it refuses to run unless forced. On an empty database, so apart from the
tests that seed the demo once per module."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from smartregion.cms.models import HomePage


@pytest.mark.django_db
def test_it_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())

    assert not HomePage.objects.exists()


@pytest.mark.django_db
def test_it_runs_without_debug_when_forced(settings):
    settings.DEBUG = False

    call_command("seed_demo", "--force", stdout=StringIO())

    assert HomePage.objects.exists()
