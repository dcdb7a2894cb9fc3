"""The profile page /konto/: public name and home municipality to edit, the
e-mail address, a place for notification settings, and the ways to the
privacy functions."""

import pytest
from django.test import Client
from django.urls import reverse

from smartregion.accounts.tests.factories import verify_email
from smartregion.region.tests.factories import MunicipalityFactory

PROFILE_URL = "/konto/"


def test_the_profile_lives_at_konto(db):
    assert reverse("accounts:profile") == PROFILE_URL


def test_visitors_are_sent_to_the_login(client, db):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={PROFILE_URL}"
    response = client.post(PROFILE_URL, {"display_name": "Eindringling"})
    assert response.status_code == 302


def test_the_profile_shows_the_account(client, citizen, mayen):
    citizen.home_municipality = mayen
    citizen.save()
    client.force_login(citizen)
    response = client.get(PROFILE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Bürgerin"' in html
    assert f'<option value="{mayen.pk}" selected>' in html
    assert "citizen@example.org" in html
    assert "nicht bestätigt" in html
    assert "Benachrichtigungen" in html
    assert f'href="{reverse("account_email")}"' in html
    assert f'href="{reverse("account_change_password")}"' in html
    assert f'href="{reverse("mfa_index")}"' in html


def test_the_profile_links_to_data_export_and_deletion(client, citizen):
    client.force_login(citizen)
    html = client.get(PROFILE_URL).content.decode()
    assert 'href="/konto/daten/"' in html
    assert 'href="/konto/loeschen/"' in html


def test_a_verified_address_is_marked(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    html = client.get(PROFILE_URL).content.decode()
    assert '<span class="badge">bestätigt</span>' in html


def test_a_citizen_changes_name_and_municipality(client, citizen, mayen):
    client.force_login(citizen)
    response = client.post(PROFILE_URL, {"display_name": "  Eifelwanderin ", "home_municipality": str(mayen.pk)})
    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    citizen.refresh_from_db()
    assert citizen.display_name == "Eifelwanderin"
    assert citizen.home_municipality == mayen
    assert "Ihre Angaben sind gespeichert." in client.get(PROFILE_URL).content.decode()


def test_the_municipality_can_be_removed(client, citizen, mayen):
    citizen.home_municipality = mayen
    citizen.save()
    client.force_login(citizen)
    client.post(PROFILE_URL, {"display_name": "Bürgerin", "home_municipality": ""})
    citizen.refresh_from_db()
    assert citizen.home_municipality is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"display_name": ""}, "Dieses Feld muss ausgefüllt werden."),
        ({"display_name": "ich@example.org"}, "Bitte verwenden Sie keine E-Mail-Adresse als öffentlichen Namen."),
        ({"display_name": "x" * 61}, "höchstens 60 Zeichen"),
        ({"display_name": "Neu", "home_municipality": "999999"}, "Bitte eine gültige Auswahl treffen."),
    ],
)
def test_bad_input_is_refused_kept_and_nothing_written(client, citizen, data, message):
    client.force_login(citizen)
    response = client.post(PROFILE_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    if data["display_name"]:
        assert f'value="{data["display_name"]}"' in html
    citizen.refresh_from_db()
    assert citizen.display_name == "Bürgerin"
    assert citizen.home_municipality is None


def test_one_citizen_changes_only_their_own_profile(client, citizen, other_citizen):
    client.force_login(citizen)
    client.post(
        PROFILE_URL, {"display_name": "Neuer Name", "user": str(other_citizen.pk), "id": str(other_citizen.pk)}
    )
    other_citizen.refresh_from_db()
    assert other_citizen.display_name == "Nachbar"
    citizen.refresh_from_db()
    assert citizen.display_name == "Neuer Name"


def test_changing_needs_the_csrf_token(citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    assert client.post(PROFILE_URL, {"display_name": "Ohne Token"}).status_code == 403
    citizen.refresh_from_db()
    assert citizen.display_name == "Bürgerin"


def test_the_profile_query_count_does_not_grow_with_municipalities(client, citizen, django_assert_num_queries):
    MunicipalityFactory.create_batch(3)
    client.force_login(citizen)
    client.get(PROFILE_URL)  # the first request fills the site caches
    # session, user, region settings, menu pages, verified address (banner
    # and badge share it), municipalities for the select, the person's event
    # registrations with their events and footer links.
    with django_assert_num_queries(8):
        assert client.get(PROFILE_URL).status_code == 200
    MunicipalityFactory.create_batch(7)
    with django_assert_num_queries(8):
        assert client.get(PROFILE_URL).status_code == 200
