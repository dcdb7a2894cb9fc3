"""Fixtures shared by every app's tests: the people who use the portal,
the smallest page tree it serves and the seeded demo region."""

from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from smartregion.accounts.roles import ADMINISTRATORS, GUIDES, JURORS, MODERATORS
from smartregion.accounts.tests.factories import UserFactory, editors_group, staff_group, verify_email
from smartregion.cms.tests.factories import build_page_tree
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail keeps the site root paths in the cache; a previous test's tree
    # must not leak into the next one.
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def no_page_cache(settings):
    """Render every anonymous page afresh, for tests that count a page's
    queries or change rows between two visits without a POST."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _default_language():
    # A request under /en/ leaves English active in the thread; every test
    # starts in the site's default language.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded files and image renditions go to a folder that disappears.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _deletion_log_dir(settings, tmp_path):
    # Each test's account deletions are recorded in a folder of its own.
    settings.DELETION_LOG_DIR = tmp_path / "deletions"


@pytest.fixture
def citizen(db):
    """A registered person without any staff role."""
    return UserFactory(email="citizen@example.org", display_name="Bürgerin")


@pytest.fixture
def editor(db):
    """A member of the editorial team ("Redaktion")."""
    return UserFactory(email="editor@example.org", display_name="Redakteurin", groups=[editors_group()])


@pytest.fixture
def other_citizen(db):
    """Another registered person, to show that one citizen cannot reach
    what belongs to another."""
    return UserFactory(email="other.citizen@example.org", display_name="Nachbar")


@pytest.fixture
def moderator(db):
    """A member of "Moderation", with a verified address."""
    return verify_email(
        UserFactory(email="moderator@example.org", display_name="Moderatorin", groups=[staff_group(MODERATORS)])
    )


@pytest.fixture
def mayen(db):
    return MunicipalityFactory(name="Mayen", slug="mayen")


@pytest.fixture
def guide_mayen(db, mayen):
    """A regional guide ("Regionallotsin") responsible for Mayen only."""
    guide = verify_email(
        UserFactory(email="guide.mayen@example.org", display_name="Lotsin Mayen", groups=[staff_group(GUIDES)])
    )
    guide.guide_municipalities.add(mayen)
    return guide


@pytest.fixture
def juror(db):
    """A member of the "Jury" group."""
    return verify_email(UserFactory(email="juror@example.org", display_name="Jurorin", groups=[staff_group(JURORS)]))


@pytest.fixture
def admin(db):
    """A member of "Administration", who manages accounts in the backend."""
    return verify_email(
        UserFactory(email="admin@example.org", display_name="Administratorin", groups=[staff_group(ADMINISTRATORS)])
    )


@pytest.fixture
def page_tree(db):
    """Home (root of the default site) with the news index "aktuelles", the
    office page with its weekly hours and a content page."""
    return build_page_tree()


def _uses_database(item):
    return item.get_closest_marker("django_db") or {"db", "transactional_db"} & set(item.fixturenames)


@pytest.fixture(scope="module")
def _demo_of_module(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """`manage.py seed_demo` run once for a whole test module, inside a
    transaction rolled back when the module ends. Each test runs in a
    savepoint within it (pytest-django's `db`), so what a test changes is
    gone for the next one while the seeding itself is paid once.

    The transaction stays open until the last test of the module, so every
    database test of such a module has to ask for `seeded`; one that
    expects an empty database belongs in another module."""
    empty = [
        item.name
        for item in request.session.items
        if item.module is request.module and _uses_database(item) and "seeded" not in item.fixturenames
    ]
    if empty:
        pytest.fail(
            f"{request.module.__name__} seeds the demo once for all its tests; move these tests, which use "
            f"the database without `seeded`, to another module: {', '.join(empty)}",
            pytrace=False,
        )
    media_root = tmp_path_factory.mktemp("demo-media")
    output = StringIO()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with override_settings(DEBUG=True, MEDIA_ROOT=media_root):
                call_command("seed_demo", stdout=output)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield media_root, output.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def seeded(_demo_of_module, db, settings):
    """The demo region as `manage.py seed_demo` creates it (with DEBUG on,
    so a test can run the command again); returns what the command
    printed."""
    media_root, output = _demo_of_module
    settings.DEBUG = True
    # The demo's images are files in the module's media folder.
    settings.MEDIA_ROOT = media_root
    return output
