"""Fixtures shared by every app's tests: the people who use the portal and
the smallest page tree it serves."""

import pytest
from django.core.cache import cache

from smartregion.accounts.tests.factories import UserFactory, editors_group
from smartregion.cms.tests.factories import build_page_tree


@pytest.fixture(autouse=True)
def _empty_cache():
    # Wagtail keeps the site root paths in the cache; a previous test's tree
    # must not leak into the next one.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Uploaded files and image renditions go to a folder that disappears.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def citizen(db):
    """A registered person without any staff role."""
    return UserFactory(email="citizen@example.org", display_name="Bürgerin")


@pytest.fixture
def editor(db):
    """A member of the editorial team ("Redaktion")."""
    return UserFactory(email="editor@example.org", display_name="Redakteurin", groups=[editors_group()])


@pytest.fixture
def page_tree(db):
    """Home (root of the default site) with the news index "aktuelles", the
    office page with its weekly hours and a content page."""
    return build_page_tree()
