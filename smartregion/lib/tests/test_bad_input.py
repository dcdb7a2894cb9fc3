"""A NUL byte or another control character in an address: 400 with a plain
page in the visitor's language, before any view queries the database with
it (PostgreSQL would refuse it with an error, a 500)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/suche/?q=%00",
        "/suche/?q=Mendig%00",
        "/suche/?q%00=Mendig",
        "/ideenspeicher/?kommune=%00",
        "/veranstaltungen/anmeldung/%00/abmelden/",
        "/kommunen/%00/",
        "/suche/?q=%1b",
    ],
)
def test_a_control_character_in_the_address_gets_400(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "Ungültige Adresse" in response.text


@pytest.mark.django_db
def test_the_page_speaks_english_under_en(client):
    response = client.get("/en/suche/?q=%00")

    assert response.status_code == 400
    assert response.headers["Content-Language"] == "en"


@pytest.mark.django_db
def test_tabs_and_line_breaks_typed_into_a_search_field_pass(client, page_tree):
    response = client.get("/suche/", {"q": "Mendig\tMayen\r\nKruft"})

    assert response.status_code == 200
