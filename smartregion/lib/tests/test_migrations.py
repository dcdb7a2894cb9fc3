"""The models and the migrations agree (what CI checks with
`makemigrations --check`)."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    output = StringIO()

    # Exits with SystemExit(1) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", stdout=output, stderr=output)

    assert "No changes detected" in output.getvalue()
