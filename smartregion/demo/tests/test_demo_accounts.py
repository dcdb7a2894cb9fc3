"""`seed_demo` adds one demo account per staff role and three demo
citizens, all with a verified address, and prints their passwords."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse

from smartregion.accounts.models import Consent, User
from smartregion.accounts.roles import JURORS, STAFF_GROUPS
from smartregion.demo import loader

DEMO_ACCOUNTS = loader.region_folder("myk10").read("accounts")["accounts"]


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def output(seeded):
    """What the first run printed; the demo is seeded once for this
    module."""
    return seeded


def roles_of(email):
    return set(User.objects.get(email=email).groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_there_is_one_demo_account_per_staff_role(output):
    staff = [account for account in DEMO_ACCOUNTS if account.get("groups", [])]

    # Each role once, except the jury: the demo competition has three jurors.
    names = [name for account in staff for name in account.get("groups", [])]
    assert sorted(set(names)) == sorted(STAFF_GROUPS)
    assert names.count(JURORS) == 3
    assert all(names.count(name) == 1 for name in STAFF_GROUPS if name != JURORS)
    for account in staff:
        assert roles_of(account["email"]) == set(account.get("groups", []))


@pytest.mark.django_db
def test_the_demo_guide_looks_after_mayen_mendig_and_vordereifel(output):
    guide = User.objects.get(email="lotsin@demo.invalid")

    assert set(guide.guide_municipalities.values_list("slug", flat=True)) == {"mayen", "mendig", "vordereifel"}


@pytest.mark.django_db
def test_there_are_three_demo_citizens_without_a_role_who_accepted_the_terms(output):
    citizens = [account for account in DEMO_ACCOUNTS if not account.get("groups", [])]

    assert len(citizens) == 3
    for account in citizens:
        user = User.objects.get(email=account["email"])
        assert not user.groups.exists()
        assert set(user.consents.values_list("document", flat=True)) == {
            Consent.Document.TERMS,
            Consent.Document.PRIVACY,
        }


@pytest.mark.django_db
def test_every_demo_account_has_a_verified_primary_address_and_its_password(output):
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account["email"])
        assert EmailAddress.objects.filter(user=user, email=account["email"], verified=True, primary=True).exists()
        assert user.check_password(account["password"])


@pytest.mark.django_db
def test_the_command_prints_every_address_and_password(output):
    for account in DEMO_ACCOUNTS:
        assert account["email"] in output
        assert account["password"] in output


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_restores_a_changed_password(output):
    anna = User.objects.get(email="anna@demo.invalid")
    anna.set_password("ein-anderes-passwort")
    anna.save()
    before = (
        User.objects.count(),
        EmailAddress.objects.count(),
        Consent.objects.count(),
        sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        sorted(User.guide_municipalities.through.objects.values_list("user_id", "municipality_id")),
    )

    seed()

    after = (
        User.objects.count(),
        EmailAddress.objects.count(),
        Consent.objects.count(),
        sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        sorted(User.guide_municipalities.through.objects.values_list("user_id", "municipality_id")),
    )
    assert after == before
    anna.refresh_from_db()
    assert anna.check_password("demo-anna-2026")


@pytest.mark.django_db
def test_a_demo_editor_logs_in_and_is_asked_to_set_up_the_second_factor(client, output):
    client.post(reverse("account_login"), {"login": "redaktion@demo.invalid", "password": "demo-redaktion-2026"})

    response = client.get("/redaktion/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_a_demo_citizen_logs_in(client, output):
    response = client.post(reverse("account_login"), {"login": "ben@demo.invalid", "password": "demo-ben-2026"})

    assert response.status_code == 302
    assert client.get("/konto/").status_code == 200
