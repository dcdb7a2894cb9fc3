"""The production configuration: Django's deployment checklist passes when
the environment is set the way the README asks for."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def production_environment(tmp_path):
    # Only what a production host sets; nothing inherited from the test run
    # (which sets DJANGO_SETTINGS_MODULE to the test settings and may set DEBUG).
    keep = {name: os.environ[name] for name in ("PATH", "HOME", "LANG", "SYSTEMROOT") if name in os.environ}
    return {
        **keep,
        "DJANGO_SETTINGS_MODULE": "smartregion.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
    }


def test_the_deployment_checklist_passes_without_warnings(tmp_path):
    manage = Path(settings.BASE_DIR) / "manage.py"

    result = subprocess.run(
        [sys.executable, str(manage), "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    environment = production_environment(tmp_path)
    del environment["SECRET_KEY"]

    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "check"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
