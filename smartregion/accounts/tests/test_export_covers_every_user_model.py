"""No model can point at a person without the data export (and the account
deletion) knowing about it: every foreign key, one-to-one or many-to-many
field to the user model, in this project and in every installed app, is
either registered in accounts.privacy or exempted there with a reason."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from smartregion.accounts import privacy


def user_fields() -> set[str]:
    """`app_label.Model.field` of every field that points at the user model.

    A field inherited from a concrete parent model (Wagtail's page types
    inherit Page.owner) is reported once, on the parent.
    """
    user_model = get_user_model()
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            points_at_a_user = (
                (field.many_to_one or field.one_to_one or field.many_to_many)
                and not field.auto_created
                and field.related_model is user_model
            )
            if points_at_a_user and field.model is model:
                found.add(f"{model._meta.label}.{field.name}")
    return found


def without_a_home(found, registrations, exempt) -> set[str]:
    return found - {entry.model_field for entry in registrations} - set(exempt)


def test_every_user_field_is_registered_or_exempt():
    missing = without_a_home(user_fields(), privacy.registered(), privacy.EXEMPT)

    assert not missing, (
        "These fields point at a user but are neither registered for the data export in an app's privacy.py "
        f"nor listed in accounts.privacy.EXEMPT with a reason: {sorted(missing)}"
    )


def test_the_walk_finds_the_fields_it_must():
    found = user_fields()

    assert {
        "accounts.Consent.user",
        "accounts.AccountAction.actor",
        "accounts.AccountAction.target",
        "account.EmailAddress.user",
        "mfa.Authenticator.user",
        "wagtailcore.Page.owner",
        "wagtailusers.UserProfile.user",
    } <= found
    # Inherited from Page, reported there.
    assert "cms.NewsPage.owner" not in found


def test_a_user_field_without_registration_is_reported():
    registrations = [entry for entry in privacy.registered() if entry.key != "consents"]

    assert without_a_home(user_fields(), registrations, privacy.EXEMPT) == {"accounts.Consent.user"}


def test_every_exemption_names_an_existing_field_and_gives_a_reason():
    found = user_fields()

    for model_field, reason in privacy.EXEMPT.items():
        assert model_field in found, f"{model_field} is exempt but no such user field exists"
        assert len(reason) > 20, f"{model_field} needs a written reason"


def test_nothing_is_both_registered_and_exempt():
    registered = {entry.model_field for entry in privacy.registered()}

    assert not registered & set(privacy.EXEMPT)


@pytest.mark.parametrize("key", ["consents", "email_addresses", "authenticators", "account_actions"])
def test_the_accounts_data_is_registered(key):
    assert key in {entry.key for entry in privacy.registered()}
