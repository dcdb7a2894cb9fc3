"""The registry later apps use to put their rows into the data export and to
say what account deletion does with them. The accounts app's own models
stand in for the ideas, comments and supports that come later."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from smartregion.accounts import privacy
from smartregion.accounts.actions import delete_account
from smartregion.accounts.models import AccountAction, Consent


@pytest.fixture
def registry(monkeypatch):
    """The real registrations; whatever a test adds disappears with it."""
    monkeypatch.setattr(privacy, "_registry", {entry.key: entry for entry in privacy.registered()})
    return privacy._registry


@pytest.mark.django_db
def test_an_anonymised_contribution_stays_without_its_author(registry, citizen, other_citizen):
    # AccountAction.actor plays a public contribution with a nullable author.
    privacy.register(
        AccountAction,
        key="contributions",
        label="Beiträge",
        user_field="actor",
        fields=["details"],
        on_account_deletion=privacy.Erasure.ANONYMISE,
        anonymised_values={"details": "entfernt"},
    )
    contribution = AccountAction.objects.create(actor=citizen, target=other_citizen, kind="blocked", details="x")

    delete_account(citizen)

    contribution.refresh_from_db()
    assert contribution.actor is None
    assert contribution.details == "entfernt"
    assert contribution.target == other_citizen


@pytest.mark.django_db
def test_a_handler_decides_itself(registry, citizen):
    handled = []
    privacy.register(
        AccountAction,
        key="counted",
        label="Gezählt",
        user_field="actor",
        fields=["kind"],
        on_account_deletion=lambda rows: handled.append(rows.count()),
    )
    AccountAction.objects.create(actor=citizen, kind="blocked")
    AccountAction.objects.create(actor=citizen, kind="unblocked")

    delete_account(citizen)

    assert handled == [2]


@pytest.mark.django_db
def test_registered_rows_appear_in_the_export_under_their_key(registry, citizen, other_citizen):
    privacy.register(
        AccountAction,
        key="contributions",
        label="Beiträge",
        user_field="actor",
        fields=[("details", "Text"), "target"],
        on_account_deletion=privacy.Erasure.ANONYMISE,
    )
    AccountAction.objects.create(actor=citizen, target=other_citizen, kind="blocked", details="Mein Beitrag")

    data = privacy.export_user_data(citizen)
    sections = {section.key: section for section in privacy.export_sections(citizen)}

    assert data["contributions"] == [{"details": "Mein Beitrag", "target": "Nachbar"}]
    assert sections["contributions"].headers == ["Text", "Konto"]
    assert sections["contributions"].display_rows() == [["Mein Beitrag", other_citizen]]


@pytest.mark.django_db
def test_anonymising_needs_a_nullable_user_field(registry):
    with pytest.raises(ImproperlyConfigured, match="nullable"):
        privacy.register(
            Consent, key="c2", label="x", fields=["version"], on_account_deletion=privacy.Erasure.ANONYMISE
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"key": "consents", "user_field": "actor"}, "registered twice"),
        ({"key": "other", "user_field": "target"}, "registered twice"),
        ({"key": "other", "user_field": "kind"}, "does not point at the user model"),
    ],
)
def test_it_refuses_a_registration_twice_or_of_a_field_that_is_no_user(registry, kwargs, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        privacy.register(AccountAction, label="x", fields=["kind"], **kwargs)


@pytest.mark.django_db
def test_it_refuses_unknown_fields(registry):
    from django.core.exceptions import FieldDoesNotExist

    with pytest.raises(FieldDoesNotExist):
        privacy.register(AccountAction, key="other", label="x", user_field="actor", fields=["nonsense"])
