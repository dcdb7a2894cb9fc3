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


def test_the_static_files_collect_with_the_production_manifest(settings, tmp_path):
    """Every file a stylesheet or script refers to (fonts, images, source
    maps of the vendored libraries) must exist, or collectstatic with the
    hashed storage of production stops."""
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }

    call_command("collectstatic", interactive=False, verbosity=0)

    assert (tmp_path / "static" / "staticfiles.json").exists()
