"""The password rules: Argon2 in production, at least 10 characters, no
composition rules, no common passwords, nothing made of the region's own
obvious words, and long passphrases welcome."""

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import smartregion.settings as production_settings
from smartregion.accounts.models import User
from smartregion.accounts.validators import RegionWordsValidator
from smartregion.region.models import RegionSettings
from smartregion.region.tests.factories import MunicipalityFactory

LONG_PASSWORD = "Zwischen Rhein und Eifel liegen zehn Kommunen mit vielen Ideen!!"


@pytest.fixture
def region(db):
    """The region's words: its names, two municipalities and a place."""
    region = RegionSettings.load()
    region.name = "Smarte Region MYK10"
    region.short_name = "MYK10"
    region.territory = "Landkreis Mayen-Koblenz"
    region.save()
    MunicipalityFactory(name="Andernach", slug="andernach")
    MunicipalityFactory(name="Verbandsgemeinde Vordereifel", slug="vordereifel", places=["Kottenheim"])
    return region


def refusals(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return [e.code for e in error.error_list]
    return []


def test_production_hashes_with_argon2():
    assert production_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hashed = Argon2PasswordHasher().encode("ein Passwort", Argon2PasswordHasher().salt())
    assert hashed.startswith("argon2$argon2id$")
    assert Argon2PasswordHasher().verify("ein Passwort", hashed)


def test_an_argon2_hash_logs_in(client, db, settings):
    settings.PASSWORD_HASHERS = production_settings.PASSWORD_HASHERS
    user = User.objects.create_user("argon@example.org", LONG_PASSWORD)
    assert user.password.startswith("argon2$")
    client.post(reverse("account_login"), {"login": "argon@example.org", "password": LONG_PASSWORD})
    assert client.session["_auth_user_id"] == str(user.pk)


def test_production_and_tests_share_the_validators():
    assert settings.AUTH_PASSWORD_VALIDATORS == production_settings.AUTH_PASSWORD_VALIDATORS


def test_nine_characters_are_too_few(region):
    assert refusals("Zugvogel9") == ["password_too_short"]


def test_ten_characters_are_enough_without_composition_rules(region):
    assert refusals("zugvogelxy") == []
    assert refusals("kleine grüne äpfel") == []


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "1234567890"])
def test_common_passwords_are_refused(region, password):
    assert "password_too_common" in refusals(password)


@pytest.mark.parametrize(
    "password",
    [
        "myk10myk10",
        "MYK10-2024!",
        "smarteregion",
        "SmarteRegion2025",
        "Andernach2024!",
        "vordereifel123",
        "Kottenheim#1",
        "Landkreis Mayen-Koblenz",
        "passwort2024",
    ],
)
def test_the_regions_own_words_are_refused(region, password):
    assert "password_region_words" in refusals(password)


def test_a_passphrase_may_contain_a_region_word(region):
    assert refusals("Mein Garten in Andernach blüht") == []
    assert refusals("myk10 ist eine schöne Gegend") == []


def test_the_region_words_are_data_not_code(db):
    # Another region, other words: nothing about MYK10 is built in.
    region = RegionSettings.load()
    region.name = "Digitale Heide"
    region.short_name = "HEIDE5"
    region.save()
    MunicipalityFactory(name="Soltau", slug="soltau")
    validator = RegionWordsValidator()
    with pytest.raises(ValidationError):
        validator.validate("Soltau123456")
    with pytest.raises(ValidationError):
        validator.validate("heide5heide5")
    validator.validate("Andernach2024!")


def test_a_password_like_the_address_is_refused(db):
    user = User(email="maria.muster@example.org", display_name="Maria")
    assert "password_too_similar" in refusals("maria.muster@example", user)


def test_64_characters_work_from_sign_up_to_login(client, region):
    assert len(LONG_PASSWORD) == 64
    client.post(
        reverse("account_signup"),
        {"email": "lang@example.org", "password1": LONG_PASSWORD, "display_name": "Lang", "accept_terms": "on"},
    )
    user = User.objects.get(email="lang@example.org")
    assert check_password(LONG_PASSWORD, user.password)
    browser = Client()
    browser.post(reverse("account_login"), {"login": "lang@example.org", "password": LONG_PASSWORD})
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_the_sign_up_form_explains_a_region_word_refusal(client, region):
    response = client.post(
        reverse("account_signup"),
        {"email": "neu@example.org", "password1": "Andernach2024!", "display_name": "Neu", "accept_terms": "on"},
    )
    assert "Dieses Passwort besteht fast nur aus Namen der Region." in response.content.decode()
    assert not User.objects.exists()


def test_the_rules_are_shown_next_to_the_field(client, region):
    html = client.get(reverse("account_signup")).content.decode()
    assert "mindestens 10 Zeichen" in html
    assert "Namen der Region" in html


def test_make_password_uses_the_first_hasher(settings):
    settings.PASSWORD_HASHERS = production_settings.PASSWORD_HASHERS
    assert make_password("irgendein Passwort").startswith("argon2$")
