"""The rule predicates about people and roles (accounts/predicates.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from smartregion.accounts.predicates import (
    is_admin,
    is_editor,
    is_guide_for,
    is_moderator,
    is_staff_member,
    is_verified_participant,
)
from smartregion.accounts.roles import GUIDES
from smartregion.accounts.tests.factories import UserFactory, staff_group, verify_email
from smartregion.region.tests.factories import MunicipalityFactory

# Marked for the whole module: tests that get their people by
# request.getfixturevalue would otherwise run after the transactional tests,
# which empty the database of the groups the migrations made.
pytestmark = pytest.mark.django_db

ROLE_PREDICATES = {"is_editor": is_editor, "is_moderator": is_moderator, "is_admin": is_admin}


@pytest.fixture
def superuser(db):
    return UserFactory(email="super@example.org", is_superuser=True, is_staff=True)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("citizen", set()),
        ("editor", {"is_editor"}),
        ("moderator", {"is_moderator"}),
        ("guide_mayen", set()),
        ("juror", set()),
        ("admin", {"is_admin"}),
        ("superuser", {"is_admin"}),
    ],
)
def test_each_role_predicate_is_true_for_its_group_only(request, person, expected):
    user = request.getfixturevalue(person)

    assert {name for name, predicate in ROLE_PREDICATES.items() if predicate(user)} == expected


@pytest.mark.django_db
def test_an_anonymous_visitor_has_no_role(mayen):
    visitor = AnonymousUser()

    assert not any(predicate(visitor) for predicate in ROLE_PREDICATES.values())
    assert not is_guide_for(visitor, mayen)
    assert not is_staff_member(visitor)
    assert not is_verified_participant(visitor)


@pytest.mark.django_db
def test_a_guide_is_a_guide_for_her_municipalities_only(guide_mayen, mayen):
    andernach = MunicipalityFactory(name="Andernach", slug="andernach")

    assert is_guide_for(guide_mayen, mayen)
    assert not is_guide_for(guide_mayen, andernach)
    assert not is_guide_for(guide_mayen, None)


@pytest.mark.django_db
def test_municipalities_without_the_guide_role_make_no_guide(citizen, mayen):
    citizen.guide_municipalities.add(mayen)

    assert not is_guide_for(citizen, mayen)


@pytest.mark.django_db
def test_a_guide_for_several_municipalities(mayen):
    mendig = MunicipalityFactory(name="Mendig", slug="mendig")
    andernach = MunicipalityFactory(name="Andernach", slug="andernach")
    guide = UserFactory(groups=[staff_group(GUIDES)])
    guide.guide_municipalities.add(mayen, mendig)

    assert [is_guide_for(guide, place) for place in (mayen, mendig, andernach)] == [True, True, False]


@pytest.mark.django_db
def test_an_editor_is_no_guide_for_any_municipality(editor, mayen):
    assert not is_guide_for(editor, mayen)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("citizen", False),
        ("other_citizen", False),
        ("editor", True),
        ("moderator", True),
        ("guide_mayen", True),
        ("juror", True),
        ("admin", True),
        ("superuser", True),
    ],
)
def test_staff_members_are_the_staff_groups_and_superusers(request, person, expected):
    assert is_staff_member(request.getfixturevalue(person)) is expected


@pytest.mark.django_db
def test_a_verified_active_unblocked_person_is_a_verified_participant(citizen):
    assert not is_verified_participant(citizen)

    verify_email(citizen)

    assert is_verified_participant(citizen)


@pytest.mark.django_db
def test_a_blocked_or_inactive_person_is_no_verified_participant(citizen, other_citizen):
    verify_email(citizen)
    verify_email(other_citizen)
    citizen.blocked_reason = "Beleidigungen"
    other_citizen.is_active = False

    assert not is_verified_participant(citizen)
    assert not is_verified_participant(other_citizen)


@pytest.mark.django_db
def test_only_the_login_address_counts_as_verified(citizen):
    verify_email(citizen)
    citizen.email = "neu@example.org"

    assert not is_verified_participant(citizen)


@pytest.mark.django_db
def test_the_group_names_are_read_once_per_user_object(editor, django_assert_num_queries):
    # 1 the group names, 2-3 the user's and the groups' permissions (the
    # backend's access permission, asked by is_staff_member)
    with django_assert_num_queries(3):
        assert is_editor(editor)
        assert not is_moderator(editor)
        assert not is_admin(editor)
        assert is_staff_member(editor)
        assert is_staff_member(editor)
