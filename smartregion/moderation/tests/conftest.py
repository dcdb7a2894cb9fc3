import pytest

from smartregion.accounts.roles import MODERATORS
from smartregion.accounts.tests.factories import UserFactory, staff_group, verify_email
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import open_process
from smartregion.region.tests.factories import MunicipalityFactory


@pytest.fixture
def mendig(db):
    return MunicipalityFactory(name="Mendig", slug="mendig")


@pytest.fixture
def author(db):
    return verify_email(UserFactory(email="author@example.org", display_name="Autorin"))


@pytest.fixture
def reporter(db):
    return verify_email(UserFactory(email="reporter@example.org", display_name="Melderin"))


@pytest.fixture
def other_reporter(db):
    return verify_email(UserFactory(email="reporter2@example.org", display_name="Melder"))


@pytest.fixture
def idea(db, mayen, author):
    """A visible idea in Mayen, in a process open for comments."""
    return IdeaFactory(process=open_process(), municipality=mayen, author=author, title="Mitfahrbank in Mayen")


@pytest.fixture
def comment(db, idea, author):
    return CommentFactory(target=idea, author=author, text="Das ist ein Kommentar mit Inhalt.")


@pytest.fixture
def other_moderator(db):
    """A second county-wide moderator, who decides objections."""
    return verify_email(
        UserFactory(email="moderator2@example.org", display_name="Moderator Zwei", groups=[staff_group(MODERATORS)])
    )


@pytest.fixture
def moderator_mayen(db, mayen):
    """A moderator scoped to Mayen."""
    user = verify_email(
        UserFactory(email="moderator.mayen@example.org", display_name="Mod Mayen", groups=[staff_group(MODERATORS)])
    )
    user.moderated_municipalities.add(mayen)
    return user


@pytest.fixture
def moderator_mendig(db, mendig):
    user = verify_email(
        UserFactory(email="moderator.mendig@example.org", display_name="Mod Mendig", groups=[staff_group(MODERATORS)])
    )
    user.moderated_municipalities.add(mendig)
    return user
