"""The office page shows the weekly hours and whether the office is open now."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from smartregion.cms.tests.factories import OfficePageFactory

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def frozen_now(monkeypatch):
    """Set the clock of the office page (django.utils.timezone.now)."""

    def freeze(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return freeze


@pytest.mark.django_db
def test_it_says_open_until_the_closing_time(client, page_tree, frozen_now):
    # Monday 3 June 2024, 11:00 in Berlin: within Monday 10-12.
    frozen_now(dt.datetime(2024, 6, 3, 11, 0, tzinfo=BERLIN))

    response = client.get(page_tree.office.url)

    assert response.status_code == 200
    assert "Jetzt geöffnet, bis 12:00 Uhr." in response.text


@pytest.mark.django_db
def test_it_says_closed_and_names_the_next_opening(client, page_tree, frozen_now):
    # Thursday 6 June 2024, 18:00 in Berlin: next opening Monday 10:00.
    frozen_now(dt.datetime(2024, 6, 6, 18, 0, tzinfo=BERLIN))

    response = client.get(page_tree.office.url)

    assert "Jetzt geschlossen. Wir sind wieder da am Montag, 10. Juni, ab 10:00 Uhr." in response.text


@pytest.mark.django_db
def test_it_uses_berlin_time_when_the_clock_runs_in_utc(client, page_tree, frozen_now):
    # 12:30 UTC is 14:30 in Berlin: within Monday 14-16.
    frozen_now(dt.datetime(2024, 6, 3, 12, 30, tzinfo=dt.UTC))

    response = client.get(page_tree.office.url)

    assert "Jetzt geöffnet, bis 16:00 Uhr." in response.text


@pytest.mark.django_db
def test_it_lists_the_weekly_hours(client, page_tree):
    response = client.get(page_tree.office.url)

    assert '<th scope="row">Montag</th><td>10:00–12:00 Uhr</td>' in response.text
    assert '<th scope="row">Donnerstag</th><td>14:00–16:00 Uhr</td>' in response.text
    assert "Bahnhofstraße 9<br>56068 Koblenz" in response.text
    assert 'href="mailto:projektbuero@example.org"' in response.text
    assert 'href="tel:02611234567"' in response.text


@pytest.mark.django_db
def test_without_hours_it_says_there_are_no_fixed_hours(client, page_tree):
    page_tree.office.delete()
    office = OfficePageFactory(parent=page_tree.home, slug="buero")

    response = client.get(office.url)

    assert "Zurzeit gibt es keine festen Öffnungszeiten." in response.text
    assert "Keine Öffnungszeiten eingetragen." in response.text
    assert "Jetzt geöffnet" not in response.text
