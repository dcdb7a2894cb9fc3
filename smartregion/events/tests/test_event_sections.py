"""Municipality and topic pages show their next events."""

import pytest

from smartregion.events.models import Event
from smartregion.events.tests.factories import EventFactory, in_days
from smartregion.region.tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_a_municipality_page_lists_its_next_published_events(client, page_tree, mayen):
    for day in range(1, 8):
        EventFactory(title=f"Dialog {day}", municipality=mayen, starts_at=in_days(day))
    EventFactory(title="Entwurf", municipality=mayen, status=Event.Status.DRAFT)
    EventFactory(title="Vorbei", municipality=mayen, starts_at=in_days(-3))
    EventFactory(title="Anderswo")

    response = client.get("/kommunen/mayen/")

    events = next(filled for filled in response.context["sections"] if filled.section.key == "events")
    assert [event.title for event in events.items] == [f"Dialog {day}" for day in range(1, 6)]
    assert '<h2 id="section-events">Veranstaltungen</h2>' in response.text
    assert "Entwurf" not in response.text and "Vorbei" not in response.text and "Anderswo" not in response.text


def test_a_municipality_without_events_says_so_once(client, page_tree, mayen):
    text = client.get("/kommunen/mayen/").text

    assert text.count("Zurzeit sind hier keine Veranstaltungen eingetragen.") == 1


def test_a_topic_page_lists_its_events(client, page_tree):
    topic = TopicFactory(name="Mobilität", slug="mobilitaet")
    event = EventFactory(title="Mobilitätswerkstatt", topics=[topic])
    EventFactory(title="Anderes Thema")

    text = client.get("/themen/mobilitaet/").text

    assert f'<a href="/veranstaltungen/{event.pk}/">Mobilitätswerkstatt</a>' in text
    assert "Anderes Thema" not in text
