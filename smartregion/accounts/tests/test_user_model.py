"""Accounts log in with their e-mail address and show a public name, never
the address."""

import pytest

from smartregion.accounts.models import User


@pytest.mark.django_db
def test_create_user_stores_the_e_mail_address_in_lower_case():
    user = User.objects.create_user("Anna.Beispiel@Example.ORG", "ein-langes-passwort")

    assert user.email == "anna.beispiel@example.org"
    assert user.check_password("ein-langes-passwort")
    assert not user.is_staff
    assert not user.is_superuser


@pytest.mark.django_db
def test_create_user_requires_an_e_mail_address():
    with pytest.raises(ValueError):
        User.objects.create_user("", "ein-langes-passwort")


@pytest.mark.django_db
def test_create_superuser_makes_staff_and_superuser():
    user = User.objects.create_superuser("admin@example.org", "ein-langes-passwort")

    assert user.is_staff
    assert user.is_superuser


def test_the_e_mail_address_is_the_login_name():
    assert User.USERNAME_FIELD == "email"
    assert not hasattr(User, "username") or User.username is None


@pytest.mark.parametrize(
    ("display_name", "first_name", "last_name", "expected"),
    [
        ("Radfahrerin", "Anna", "Beispiel", "Radfahrerin"),
        ("", "Anna", "Beispiel", "Anna Beispiel"),
        ("", "", "", "Teilnehmende Person"),
    ],
)
def test_the_public_name_is_never_the_e_mail_address(display_name, first_name, last_name, expected):
    user = User(email="anna@example.org", display_name=display_name, first_name=first_name, last_name=last_name)

    assert user.public_name == expected
    assert str(user) == expected
    assert "@" not in str(user)
