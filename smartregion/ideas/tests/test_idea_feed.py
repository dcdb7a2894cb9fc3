"""/ideenspeicher/feed/: RSS of the 50 newest public ideas matching the
filters."""

import datetime as dt

import feedparser
import pytest
from django.utils import timezone

from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db

FEED = "/ideenspeicher/feed/"


def idea(days_ago=0, **fields):
    created = IdeaFactory(**fields)
    Idea.objects.filter(pk=created.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
    return created


def fetch(client, params=None):
    response = client.get(FEED, params or {})
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


def test_it_is_a_valid_rss_feed_of_the_newest_public_ideas(client):
    process = ProcessFactory(title="Ideenspeicher", slug="ideenspeicher")
    newest = idea(title="Neu", process=process, text="Eine <b>neue</b> Idee & mehr.", days_ago=1)
    idea(title="Alt", days_ago=5)
    idea(title="Ausgeblendet", moderation=Moderation.HIDDEN)
    idea(title="Wartet", moderation=Moderation.PENDING)
    idea(title="Entwurf", process=ProcessFactory(status=Process.Status.DRAFT))

    response, feed = fetch(client)

    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Smarte Region: Ideenspeicher"
    assert feed.feed.link == "http://testserver/ideenspeicher/"
    assert [entry.title for entry in feed.entries] == ["Neu", "Alt"]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver/beteiligung/ideenspeicher/ideen/{newest.pk}/"
    # Plain text: the markup typed into an idea arrives as text, not HTML
    # (escaped once for the reader's HTML, once for the XML).
    assert "&amp;lt;b&amp;gt;neue&amp;lt;/b&amp;gt;" in response.text
    assert entry.summary == "Eine &lt;b&gt;neue&lt;/b&gt; Idee &amp; mehr."
    assert entry.published_parsed is not None
    assert [tag.term for tag in entry.tags] == ["Ideenspeicher"]


def test_it_marks_withdrawn_ideas(client):
    idea(title="Doch nicht", status=Idea.Status.WITHDRAWN)

    _, feed = fetch(client)

    assert feed.entries[0].title == "Doch nicht (zurückgezogen)"


def test_it_names_no_person(client, citizen, guide_mayen):
    idea(title="Online", author=citizen)
    idea(title="Papier", author=None, channel=Idea.Channel.PAPER, captured_by=guide_mayen, contributor_name="Hilde")

    response, feed = fetch(client)

    assert all("author" not in entry for entry in feed.entries)
    for private in (citizen.email, citizen.display_name, guide_mayen.email, guide_mayen.display_name, "Hilde"):
        assert private not in response.text


def test_it_has_at_most_50_entries_newest_first(client):
    process = ProcessFactory()
    for number in range(52):
        idea(title=f"Idee {number}", process=process, days_ago=number)

    _, feed = fetch(client)

    assert len(feed.entries) == 50
    assert feed.entries[0].title == "Idee 0"
    assert feed.entries[-1].title == "Idee 49"


def test_it_follows_the_filters_but_not_the_order(client, mayen):
    idea(title="Mayen neu", municipality=mayen, days_ago=1)
    idea(title="Mayen beliebt", municipality=mayen, days_ago=2, support_count=9)
    idea(title="Anderswo")

    _, feed = fetch(client, {"municipality": "mayen", "sort": "unterstuetzung"})

    assert [entry.title for entry in feed.entries] == ["Mayen neu", "Mayen beliebt"]
    assert feed.feed.link == "http://testserver/ideenspeicher/?municipality=mayen"


def test_the_store_links_the_feed_of_its_filters(client, page_tree, mayen):
    text = client.get("/ideenspeicher/", {"municipality": "mayen", "sort": "kommentare"}).text

    assert (
        '<link rel="alternate" type="application/rss+xml" title="Neue Ideen im Ideenspeicher (RSS)" '
        'href="/ideenspeicher/feed/?municipality=mayen">'
    ) in text


def test_anonymous_visitors_get_it_from_the_cache(client):
    idea(title="Eine Idee")

    assert client.get(FEED)["X-Page-Cache"] == "miss"
    assert client.get(FEED)["X-Page-Cache"] == "hit"


def test_scripts_and_links_typed_into_an_idea_reach_the_reader_as_text(client):
    idea(text='<script>alert(1)</script> <a href="javascript:alert(2)">hier</a>\nZweite Zeile')

    response, feed = fetch(client)

    summary = feed.entries[0].summary
    assert "<script>" not in summary and "<a " not in summary
    assert summary.startswith("&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=")
    assert "<br" in summary
    assert "<script>" not in response.text and "&lt;script&gt;" not in response.text
