"""Download my data (DSGVO Art. 15/20): a readable page and a JSON file with
everything the platform holds about the logged-in person, and only theirs."""

import datetime as dt
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from smartregion.accounts.models import Consent
from smartregion.region.tests.factories import MunicipalityFactory

PAGE = "/konto/daten/"
FILE = "/konto/daten.json"


def give_consents(user, version="2026-11"):
    return Consent.objects.bulk_create(
        [
            Consent(user=user, document=Consent.Document.TERMS, version=version),
            Consent(user=user, document=Consent.Document.PRIVACY, version=version),
        ]
    )


def download(client):
    response = client.get(FILE)
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.mark.django_db
def test_the_file_is_json_with_the_account(client, citizen):
    citizen.home_municipality = MunicipalityFactory(name="Mendig", slug="mendig")
    citizen.save()
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client.force_login(citizen)

    data = download(client)

    account = data["account"]
    assert account["email"] == "citizen@example.org"
    assert account["display_name"] == "Bürgerin"
    assert account["home_municipality"] == "Mendig"
    assert account["verified_email_addresses"] == ["citizen@example.org"]
    assert account["groups"] == []
    assert dt.datetime.fromisoformat(account["date_joined"]) == citizen.date_joined
    assert dt.datetime.fromisoformat(account["last_login"]) == citizen.last_login
    assert data["email_addresses"] == [{"email": "citizen@example.org", "verified": True, "primary": True}]


@pytest.mark.django_db
def test_the_file_lists_the_consents_with_document_version_and_time(client, citizen):
    terms, privacy = give_consents(citizen, version="2026-11")
    client.force_login(citizen)

    data = download(client)

    assert data["consents"] == [
        {"document": "terms", "version": "2026-11", "accepted_at": timezone.localtime(terms.accepted_at).isoformat()},
        {
            "document": "privacy",
            "version": "2026-11",
            "accepted_at": timezone.localtime(privacy.accepted_at).isoformat(),
        },
    ]


@pytest.mark.django_db
def test_the_file_is_a_dated_attachment_that_is_not_cached(client, citizen):
    client.force_login(citizen)

    response = client.get(FILE)

    assert response["Content-Type"] == "application/json"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="meine-daten-{today}.json"'
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_page_shows_the_account_and_the_consents(client, citizen):
    give_consents(citizen, version="2026-11")
    client.force_login(citizen)

    response = client.get(PAGE)

    assert response.status_code == 200
    assert response.templates[0].name == "accounts/data_export.html"
    html = response.text
    assert '<th scope="row">E-Mail-Adresse</th>' in html
    assert "<td>citizen@example.org</td>" in html
    assert "<td>Bürgerin</td>" in html
    assert '<h2 id="export-consents">Zustimmungen</h2>' in html
    assert '<th scope="col">Text</th>' in html
    assert "<td>Teilnahmebedingungen</td>" in html
    assert "<td>Datenschutzhinweise</td>" in html
    assert "<td>2026-11</td>" in html
    assert f'href="{FILE}" download' in html


@pytest.mark.django_db
def test_the_page_names_the_sections_without_entries(client, citizen):
    client.force_login(citizen)

    response = client.get(PAGE)

    assert '<h2 id="export-empty">Keine Einträge</h2>' in response.text
    assert "<li>Anmeldung in zwei Schritten</li>" in response.text


@pytest.mark.django_db
def test_two_factor_authenticators_are_listed_with_kind_and_times_only(client, citizen):
    secret = generate_totp_secret()
    TOTP.activate(citizen, secret)
    recovery_codes = RecoveryCodes.activate(citizen)
    client.force_login(citizen)

    data = download(client)
    page = client.get(PAGE).text

    assert [row["type"] for row in data["authenticators"]] == ["totp", "recovery_codes"]
    assert set(data["authenticators"][0]) == {"type", "created_at", "last_used_at"}
    for text in (json.dumps(data), page):
        assert secret not in text
        assert recovery_codes.instance.data["seed"] not in text
        for code in recovery_codes.get_unused_codes():
            assert code not in text


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PAGE, FILE])
def test_the_password_hash_is_never_exported(client, citizen, url):
    client.force_login(citizen)

    response = client.get(url)

    assert citizen.password.startswith("md5$")
    assert citizen.password not in response.content.decode()
    assert "password" not in response.content.decode()


@pytest.mark.django_db
def test_it_contains_nothing_of_other_people(client, citizen, other_citizen):
    give_consents(other_citizen, version="1999-01")
    EmailAddress.objects.create(user=other_citizen, email=other_citizen.email, verified=True, primary=True)
    client.force_login(citizen)

    data = download(client)
    page = client.get(PAGE).text

    assert data["consents"] == []
    assert data["email_addresses"] == []
    for text in (json.dumps(data), page):
        assert "other.citizen@example.org" not in text
        assert "Nachbar" not in text
        assert "1999-01" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PAGE, FILE])
def test_an_anonymous_visitor_is_sent_to_the_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"/konto/login/?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PAGE, FILE])
def test_it_only_answers_get(client, citizen, url):
    client.force_login(citizen)

    response = client.post(url)

    assert response.status_code == 405


# Both: session, user; groups, guide municipalities, moderated
# municipalities, verified addresses; one query per registered model
# (consents, e-mail addresses, authenticators, account actions, backend
# preferences, event registrations and registrations entered for others,
# ideas, ideas captured for others, supports, jury ratings, jury
# memberships, comments, reports to the moderation, objections). The page
# adds the region settings, the navigation pages, the site links and the
# verification banner.
EXPORT_QUERIES = {FILE: 21, PAGE: 25}


@pytest.mark.django_db
@pytest.mark.parametrize("url", [PAGE, FILE])
def test_its_query_count_does_not_grow_with_more_rows(client, citizen, url, django_assert_num_queries):
    give_consents(citizen)
    client.force_login(citizen)
    # The first page view creates the region's settings rows.
    client.get(url)

    with django_assert_num_queries(EXPORT_QUERIES[url]):
        client.get(url)
    give_consents(citizen, version="2027-01")
    give_consents(citizen, version="2027-06")
    TOTP.activate(citizen, generate_totp_secret())
    RecoveryCodes.activate(citizen)
    with django_assert_num_queries(EXPORT_QUERIES[url]):
        response = client.get(url)
    assert "2027-06" in response.content.decode()
