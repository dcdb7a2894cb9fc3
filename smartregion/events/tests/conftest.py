import pytest

from smartregion.accounts.tests.factories import verify_email


@pytest.fixture
def verified_citizen(citizen):
    """`citizen` with a verified address, who may register as a member."""
    return verify_email(citizen)


@pytest.fixture
def verified_other_citizen(other_citizen):
    return verify_email(other_citizen)
