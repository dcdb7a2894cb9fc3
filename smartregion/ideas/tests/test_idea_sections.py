"""Municipality and topic pages list their newest public ideas and link to
the Ideenspeicher filtered the same way."""

import datetime as dt

import pytest
from django.utils import timezone

from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db


def idea(days_ago=0, **fields):
    created = IdeaFactory(**fields)
    Idea.objects.filter(pk=created.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
    return created


def section_items(response):
    ideas = next(filled for filled in response.context["sections"] if filled.section.key == "ideas")
    return [item.title for item in ideas.items]


def test_a_municipality_page_lists_its_five_newest_public_ideas(client, page_tree, mayen):
    for day in range(1, 8):
        idea(title=f"Idee {day}", municipality=mayen, days_ago=day)
    idea(title="Ausgeblendet", municipality=mayen, moderation=Moderation.HIDDEN)
    idea(title="Im Entwurf", municipality=mayen, process=ProcessFactory(status=Process.Status.DRAFT))
    idea(title="Anderswo", municipality=MunicipalityFactory(name="Bendorf"))
    idea(title="Ganze Region")

    response = client.get("/kommunen/mayen/")

    assert section_items(response) == [f"Idee {day}" for day in range(1, 6)]
    text = response.text
    assert '<h2 id="section-ideas">Ideen</h2>' in text
    assert '<a class="more" href="/ideenspeicher/?municipality=mayen">Alle Ideen in Mayen</a>' in text
    for title in ("Ausgeblendet", "Im Entwurf", "Anderswo", "Ganze Region"):
        assert title not in text


def test_the_section_comes_between_the_news_and_the_events(client, page_tree, mayen):
    text = client.get("/kommunen/mayen/").text

    assert text.index('id="section-news"') < text.index('id="section-ideas"') < text.index('id="section-events"')


def test_a_municipality_without_ideas_says_so_once(client, page_tree, mayen):
    text = client.get("/kommunen/mayen/").text

    assert text.count("Hier sind noch keine Ideen veröffentlicht.") == 1
    assert "Alle Ideen in Mayen" not in text


def test_withdrawn_ideas_are_listed_and_marked(client, page_tree, mayen):
    idea(title="Zurückgezogen", municipality=mayen, status=Idea.Status.WITHDRAWN)

    text = client.get("/kommunen/mayen/").text

    assert "idea-card--withdrawn" in text


def test_a_topic_page_lists_its_ideas(client, page_tree):
    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")
    bus = idea(title="Bürgerbus", topics=[mobility])
    idea(title="Anderes Thema", topics=[TopicFactory()])

    response = client.get("/themen/mobilitaet/")

    assert section_items(response) == ["Bürgerbus"]
    text = response.text
    assert f'<a href="/beteiligung/{bus.process.slug}/ideen/{bus.pk}/">Bürgerbus</a>' in text
    assert '<a class="more" href="/ideenspeicher/?topic=mobilitaet">Alle Ideen zum Handlungsfeld Mobilität</a>' in text
    assert "Anderes Thema" not in text


# The ideas section costs two queries when there are ideas (the ideas with
# process, municipality and focus area; their topics) and one when there
# are none (no topics to fetch), however many ideas there are.
@pytest.mark.parametrize("path", ["/kommunen/mayen/", "/themen/mobilitaet/"])
def test_the_section_adds_no_query_per_idea(client, page_tree, mayen, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    client.get(path)  # fills Wagtail's cache of site root paths and creates the settings rows
    without_ideas = count()
    idea(municipality=mayen, topics=[mobility, TopicFactory()])
    with_one = count()
    for _ in range(10):
        idea(municipality=mayen, topics=[mobility, TopicFactory()], process=ProcessFactory())

    assert with_one == without_ideas + 1
    assert count() == with_one
