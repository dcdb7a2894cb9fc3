import pytest

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import process_with_phase


@pytest.fixture
def verified_citizen(citizen):
    """`citizen` with a verified address: may comment while comments are
    open."""
    return verify_email(citizen)


@pytest.fixture
def verified_other_citizen(other_citizen):
    return verify_email(other_citizen)


@pytest.fixture
def idea(db):
    """A visible idea in a process whose phase has comments open."""
    return IdeaFactory(process=process_with_phase("ideas.comment"), title="Mitfahrbank in Mendig")
