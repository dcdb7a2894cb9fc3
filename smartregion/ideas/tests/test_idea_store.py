"""/ideenspeicher/: every public idea of every process, with filters,
search, three orders, pagination and a list/map switch; and its map data
/ideenspeicher/karte.json with the same filters."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.ideas.views import store
from smartregion.participation.models import HiddenReason, Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory, open_process
from smartregion.region.tests.factories import FocusAreaFactory, MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db

STORE = "/ideenspeicher/"
MAP_DATA = "/ideenspeicher/karte.json"


def idea(days_ago=0, **fields):
    """An idea created `days_ago` days ago (created_at is set on insert)."""
    created = IdeaFactory(**fields)
    Idea.objects.filter(pk=created.pk).update(created_at=timezone.now() - dt.timedelta(days=days_ago))
    return created


def titles(response):
    return [item.title for item in response.context["ideas"]]


def map_titles(response):
    return [feature["properties"]["title"] for feature in json.loads(response.content)["features"]]


# The list


def test_it_lists_the_public_ideas_of_all_processes_newest_first(client, page_tree):
    idea(title="Alt", days_ago=3)
    idea(title="Neu", days_ago=1)
    idea(title="Mittel", days_ago=2, process=ProcessFactory(title="Ideenspeicher"))

    response = client.get(STORE)

    assert response.status_code == 200
    assert titles(response) == ["Neu", "Mittel", "Alt"]
    assert "<h1>Ideenspeicher</h1>" in response.text
    assert '<h2 id="ideas-title" tabindex="-1">3 Ideen</h2>' in response.text


def test_it_leaves_out_hidden_and_pending_ideas_and_ideas_of_draft_processes(client, page_tree):
    idea(title="Sichtbar")
    idea(title="Ausgeblendet", moderation=Moderation.HIDDEN, hidden_reason=HiddenReason.ADVERTISING)
    idea(title="Wartet", moderation=Moderation.PENDING)
    idea(title="Im Entwurf", process=ProcessFactory(status=Process.Status.DRAFT))

    response = client.get(STORE)

    assert titles(response) == ["Sichtbar"]
    for title in ("Ausgeblendet", "Wartet", "Im Entwurf"):
        assert title not in response.text


def test_withdrawn_ideas_stay_listed_and_are_marked(client, page_tree):
    idea(title="Zurückgezogene Idee", status=Idea.Status.WITHDRAWN)

    response = client.get(STORE)

    assert titles(response) == ["Zurückgezogene Idee"]
    assert "idea-card--withdrawn" in response.text
    assert '<span class="badge idea-status idea-status--withdrawn">zurückgezogen</span>' in response.text


def test_the_card_shows_process_place_status_counts_topics_and_the_on_site_badge(client, page_tree, mayen):
    mobility = TopicFactory(name="Mobilität")
    process = ProcessFactory(title="Ideenwettbewerb 2021")
    online = idea(title="Bürgerbus", process=process, municipality=mayen, topics=[mobility], support_count=3)
    Idea.objects.filter(pk=online.pk).update(comment_count=1)
    idea(title="Vom Marktstand", author=None, channel=Idea.Channel.STAND, captured_by=online.author)

    text = client.get(STORE).text

    assert f'<a href="/beteiligung/{process.slug}/ideen/{online.pk}/">Bürgerbus</a>' in text
    assert "Ideenwettbewerb 2021" in text
    assert "Mayen · <time" in text
    assert "ganze Region · <time" in text
    assert '<p class="meta idea-card__topics">Mobilität</p>' in text
    assert "<span>3 Unterstützungen</span>" in text
    assert "<span>1 Kommentar</span>" in text
    assert text.count("vor Ort gesammelt</span>") == 1


def test_the_card_names_no_person(client, page_tree, citizen, guide_mayen):
    idea(title="Meine Idee", author=citizen)
    idea(
        title="Vom Papier", author=None, channel=Idea.Channel.PAPER, captured_by=guide_mayen, contributor_name="Hilde"
    )

    text = client.get(STORE).text

    for private in (citizen.email, citizen.display_name, guide_mayen.email, guide_mayen.display_name, "Hilde"):
        assert private not in text


def test_it_says_when_there_are_no_ideas_yet(client, page_tree):
    response = client.get(STORE)

    assert "Noch sind keine Ideen veröffentlicht." in response.text
    assert "Alle Filter zurücksetzen" not in response.text


# Filters


def test_it_filters_by_process(client, page_tree):
    process = ProcessFactory(title="Ideenwettbewerb 2021", slug="ideenwettbewerb-2021")
    idea(title="Im Wettbewerb", process=process)
    idea(title="Anderswo")

    response = client.get(STORE, {"process": "ideenwettbewerb-2021"})

    assert titles(response) == ["Im Wettbewerb"]
    assert '<option value="ideenwettbewerb-2021" selected>Ideenwettbewerb 2021</option>' in response.text


def test_the_process_filter_offers_no_draft_process(client, page_tree):
    ProcessFactory(title="Geheimer Entwurf", status=Process.Status.DRAFT)

    assert "Geheimer Entwurf" not in client.get(STORE).text


def test_it_filters_by_municipality_or_the_whole_region(client, page_tree, mayen):
    idea(title="In Mayen", municipality=mayen)
    idea(title="In Bendorf", municipality=MunicipalityFactory(name="Bendorf", slug="bendorf"))
    idea(title="Für alle", municipality=None)

    assert titles(client.get(STORE, {"municipality": "mayen"})) == ["In Mayen"]
    assert titles(client.get(STORE, {"municipality": "ganze-region"})) == ["Für alle"]


def test_it_filters_by_focus_area_and_topic(client, page_tree):
    mobility_area = FocusAreaFactory(title="Innovative Mobilität", slug="innovative-mobilitaet")
    mobility = TopicFactory(name="Mobilität", slug="mobilitaet")
    education = TopicFactory(name="Bildung", slug="bildung")
    idea(title="Bus", focus_area=mobility_area, topics=[mobility, education])
    idea(title="Schule", topics=[education])

    assert titles(client.get(STORE, {"focus_area": "innovative-mobilitaet"})) == ["Bus"]
    assert titles(client.get(STORE, {"topic": "mobilitaet"})) == ["Bus"]
    assert titles(client.get(STORE, {"topic": "bildung"})) == ["Schule", "Bus"]


def test_it_filters_by_status(client, page_tree):
    idea(title="Umgesetzt", status=Idea.Status.IMPLEMENTED)
    idea(title="Eingereicht")

    assert titles(client.get(STORE, {"status": "implemented"})) == ["Umgesetzt"]


def test_it_filters_by_channel_online_on_site_or_one_channel(client, page_tree, guide_mayen):
    on_site = {"author": None, "captured_by": guide_mayen}
    idea(title="Online", days_ago=3)
    idea(title="Papier", days_ago=2, channel=Idea.Channel.PAPER, **on_site)
    idea(title="Telefon", days_ago=1, channel=Idea.Channel.PHONE, **on_site)

    assert titles(client.get(STORE, {"channel": "online"})) == ["Online"]
    assert titles(client.get(STORE, {"channel": "vor-ort"})) == ["Telefon", "Papier"]
    assert titles(client.get(STORE, {"channel": "paper"})) == ["Papier"]


def test_filters_combine(client, page_tree, mayen):
    idea(title="Mayen umgesetzt", municipality=mayen, status=Idea.Status.IMPLEMENTED)
    idea(title="Mayen eingereicht", municipality=mayen)
    idea(title="Anderswo umgesetzt", status=Idea.Status.IMPLEMENTED)

    assert titles(client.get(STORE, {"municipality": "mayen", "status": "implemented"})) == ["Mayen umgesetzt"]


def test_unknown_filter_values_are_ignored(client, page_tree):
    idea(title="Eine Idee")

    response = client.get(
        STORE,
        {"process": "gibt-es-nicht", "municipality": "atlantis", "topic": "x", "status": "gelb", "sort": "zufall"},
    )

    assert response.status_code == 200
    assert titles(response) == ["Eine Idee"]


def test_a_filter_without_results_has_an_empty_state_with_a_reset_link(client, page_tree, mayen):
    idea(title="Anderswo")

    response = client.get(STORE, {"municipality": "mayen"})

    assert titles(response) == []
    assert "Keine Idee passt zu Ihrer Auswahl." in response.text
    assert '<a href="/ideenspeicher/">Alle Filter zurücksetzen</a>' in response.text


# Search


def test_search_finds_words_in_title_or_text(client, page_tree):
    idea(title="Mitfahrbank", text="Eine Bank am Ortsausgang.")
    idea(title="Bücherschrank", text="Tauschen statt wegwerfen im Dorfgemeinschaftshaus.")

    assert titles(client.get(STORE, {"q": "ortsausgang"})) == ["Mitfahrbank"]
    assert titles(client.get(STORE, {"q": "BÜCHERSCHRANK"})) == ["Bücherschrank"]


def test_search_needs_every_word(client, page_tree):
    idea(title="Bürgerbus für Mayen", text="Fährt abends.", days_ago=1)
    idea(title="Bürgerbus für Kruft", text="Fährt morgens.")

    assert titles(client.get(STORE, {"q": "bürgerbus abends"})) == ["Bürgerbus für Mayen"]
    assert titles(client.get(STORE, {"q": "bürgerbus"})) == ["Bürgerbus für Kruft", "Bürgerbus für Mayen"]
    assert titles(client.get(STORE, {"q": "bürgerbus nachts"})) == []


def test_search_finds_parts_of_compound_words(client, page_tree):
    idea(title="Mitfahrbank am Ortsausgang")

    assert titles(client.get(STORE, {"q": "bank"})) == ["Mitfahrbank am Ortsausgang"]


def test_search_ignores_the_case_of_umlauts(client, page_tree):
    idea(title="Übergang am Bahnhof", text="Ein sicherer Weg über die Gleise.")
    idea(title="Öffentliches WLAN")

    assert titles(client.get(STORE, {"q": "übergang"})) == ["Übergang am Bahnhof"]
    assert titles(client.get(STORE, {"q": "ÜBER"})) == ["Übergang am Bahnhof"]
    assert titles(client.get(STORE, {"q": "öffentliches"})) == ["Öffentliches WLAN"]


def test_search_treats_sharp_s_and_double_s_alike(client, page_tree):
    idea(title="Spielstraße im Neubaugebiet")

    assert titles(client.get(STORE, {"q": "spielstrasse"})) == ["Spielstraße im Neubaugebiet"]
    assert titles(client.get(STORE, {"q": "Straße"})) == ["Spielstraße im Neubaugebiet"]


def test_search_ignores_punctuation_around_words_and_combines_with_filters(client, page_tree, mayen):
    idea(title="Dorfladen in Mayen", municipality=mayen)
    idea(title="Dorfladen anderswo")

    response = client.get(STORE, {"q": "„Dorfladen“,", "municipality": "mayen"})

    assert titles(response) == ["Dorfladen in Mayen"]
    assert 'value="„Dorfladen“,"' in response.text


def test_the_search_field_is_not_the_site_search(client, page_tree):
    response = client.get(STORE, {"q": "Dorfladen"})

    assert '<input id="site-search-q" type="search" name="q" value="">' in response.text


# Orders


def test_it_sorts_by_most_supported_and_most_discussed(client, page_tree):
    few = idea(title="Wenig", days_ago=1, support_count=1)
    many = idea(title="Viel", days_ago=3, support_count=9)
    tie = idea(title="Gleich viel, neuer", days_ago=2, support_count=9)
    Idea.objects.filter(pk=few.pk).update(comment_count=7)
    Idea.objects.filter(pk=many.pk).update(comment_count=2)
    Idea.objects.filter(pk=tie.pk).update(comment_count=0)

    assert titles(client.get(STORE, {"sort": "unterstuetzung"})) == ["Gleich viel, neuer", "Viel", "Wenig"]
    assert titles(client.get(STORE, {"sort": "kommentare"})) == ["Wenig", "Viel", "Gleich viel, neuer"]
    assert titles(client.get(STORE, {"sort": "neueste"})) == ["Wenig", "Gleich viel, neuer", "Viel"]


# Pagination


def test_it_shows_20_ideas_a_page_and_keeps_the_filters_in_the_page_links(client, page_tree, mayen):
    for number in range(23):
        idea(title=f"Idee {number:02d}", municipality=mayen, support_count=30 - number)
    idea(title="Anderswo")

    first = client.get(STORE, {"municipality": "mayen", "sort": "unterstuetzung"})
    second = client.get(STORE, {"municipality": "mayen", "sort": "unterstuetzung", "seite": "2"})

    assert len(titles(first)) == 20
    assert titles(first)[0] == "Idee 00"
    assert titles(second) == ["Idee 20", "Idee 21", "Idee 22"]
    assert 'href="?municipality=mayen&amp;sort=unterstuetzung&amp;seite=2" rel="next"' in first.text
    assert "Seite 2 von 2" in second.text


def test_a_page_number_out_of_range_shows_the_last_page(client, page_tree):
    for number in range(21):
        idea(title=f"Idee {number:02d}", days_ago=number)

    assert titles(client.get(STORE, {"seite": "99"})) == ["Idee 20"]


# List and map


def test_the_list_view_loads_no_map_code(client, page_tree):
    response = client.get(STORE)

    assert '<a href="/ideenspeicher/" aria-current="page">Liste</a>' in response.text
    assert "leaflet" not in response.text
    assert "Karte laden" not in response.text


def test_the_map_view_asks_for_consent_and_keeps_the_list_and_the_filters(client, page_tree, mayen):
    idea(title="In Mayen", municipality=mayen, latitude=50.33, longitude=7.22)

    response = client.get(STORE, {"municipality": "mayen", "ansicht": "karte"})

    text = response.text
    assert '<a href="/ideenspeicher/?municipality=mayen&amp;ansicht=karte" aria-current="page">Karte</a>' in text
    assert "Karte laden</button>" in text
    assert 'data-geojson="/ideenspeicher/karte.json?municipality=mayen"' in text
    assert '<input type="hidden" name="ansicht" value="karte">' in text
    assert "js/idea-store-map" in text
    assert titles(response) == ["In Mayen"]


def test_the_map_data_has_the_filtered_public_ideas_with_a_point(client, page_tree, mayen):
    shown = idea(title="Mit Ort", municipality=mayen, latitude=50.3275, longitude=7.2259, days_ago=1)
    idea(title="Mit Ort, ganze Region", latitude=50.4, longitude=7.4)
    idea(title="Ohne Ort", municipality=mayen)
    idea(title="Ausgeblendet", latitude=50.3, longitude=7.3, moderation=Moderation.HIDDEN)

    response = client.get(MAP_DATA)

    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["truncated"] is False
    assert map_titles(response) == ["Mit Ort, ganze Region", "Mit Ort"]
    feature = data["features"][1]
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.2259, 50.3275]}
    assert feature["properties"] == {
        "id": shown.pk,
        "title": "Mit Ort",
        "url": f"/beteiligung/{shown.process.slug}/ideen/{shown.pk}/",
        "municipality": "Mayen",
    }
    assert data["features"][0]["properties"]["municipality"] == "ganze Region"
    assert map_titles(client.get(MAP_DATA, {"municipality": "mayen"})) == ["Mit Ort"]
    assert map_titles(client.get(MAP_DATA, {"q": "ganze region"})) == ["Mit Ort, ganze Region"]


def test_the_map_data_stops_at_its_limit_and_says_so(client, page_tree, monkeypatch):
    monkeypatch.setattr(store, "MAP_LIMIT", 2)
    for number in range(3):
        idea(title=f"Idee {number}", latitude=50.3, longitude=7.3, days_ago=number)

    data = json.loads(client.get(MAP_DATA).content)

    assert data["truncated"] is True
    assert [feature["properties"]["title"] for feature in data["features"]] == ["Idee 0", "Idee 1"]


def test_anonymous_visitors_get_the_list_and_the_map_data_from_the_cache(client, page_tree):
    idea(title="Eine Idee")

    assert client.get(STORE)["X-Page-Cache"] == "miss"
    assert client.get(STORE)["X-Page-Cache"] == "hit"
    assert client.get(MAP_DATA)["X-Page-Cache"] == "miss"
    assert client.get(MAP_DATA)["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in client.get(STORE).text


def test_members_get_the_cached_list_with_their_own_account_links(client, page_tree, citizen):
    own = idea(title="Meine Idee", process=open_process(), author=verify_email(citizen))
    client.get(STORE)  # an anonymous visitor fills the cache
    client.force_login(citizen)

    response = client.get(STORE)
    page = response.content.decode()

    assert response["X-Page-Cache"] == "hit"
    assert "Meine Idee" in page
    assert "Mein Konto" in page and "Abmelden" in page
    assert "Registrieren" not in page
    assert "idea-card--withdrawn" not in page

    # A change by POST shows at once, for members as for everybody.
    client.post(reverse("ideas:idea-withdraw", args=[own.process.slug, own.pk]), follow=True)
    response = client.get(STORE)

    page = response.content.decode()

    assert response["X-Page-Cache"] == "miss"
    assert "idea-card--withdrawn" in page
    assert "Abmelden" in page
    assert client.get(STORE)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("path", [STORE, MAP_DATA, "/ideenspeicher/ideen.csv", "/ideenspeicher/feed/"])
def test_it_answers_only_get(client, page_tree, path):
    assert client.post(path).status_code == 405


def test_the_english_store_links_the_english_idea_pages(client, page_tree):
    shown = idea(title="Mitfahrbank", latitude=50.3, longitude=7.3)

    text = client.get("/en/ideenspeicher/").text
    data = json.loads(client.get("/en/ideenspeicher/karte.json").content)

    assert f'<a href="/en/beteiligung/{shown.process.slug}/ideen/{shown.pk}/">Mitfahrbank</a>' in text
    assert data["features"][0]["properties"]["url"] == f"/en/beteiligung/{shown.process.slug}/ideen/{shown.pk}/"
    assert f'<a href="/beteiligung/{shown.process.slug}/ideen/{shown.pk}/">' in client.get(STORE).text
