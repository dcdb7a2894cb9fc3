"""Similar ideas: the German stemming, the labelled set with its
precision@3, the database path (the same on SQLite and PostgreSQL), which
ideas may be suggested, the query count, the speed with 10,000 ideas and
the htmx fragment ideas:similar-ideas."""

import statistics
import time
import warnings

import pytest
from django.db import connection
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas import similar
from smartregion.ideas.models import Idea
from smartregion.ideas.similar import (
    candidate_ideas,
    find_similar,
    normalize,
    rank_in_memory,
    search_patterns,
    stem,
)
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.ideas.tests.similar_labelled import (
    DEV_QUERIES,
    FRESH_QUERIES,
    HELD_OUT_QUERIES,
    POOL,
    measure,
    report,
)
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import MunicipalityFactory

Status = Idea.Status


def stems(text):
    return [stem(normalize(word)) for word in text.split()]


# --- German words ------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        "Mitfahrbank Mitfahrbänke Mitfahrbänken",
        "Ladesäule Ladesäulen",
        "Ladestation Ladestationen",
        "Dorfladen Dorfladens Dorfläden",
        "Bürgerbus Bürgerbusse Bürgerbussen",
        "Senior Senioren Seniorinnen Seniorin",
        "digital digitale digitalen digitaler",
        "Verein Vereine Vereinen Vereins",
        "Straße Strasse Straßen",
        "Bürgerin Bürger Bürgerinnen",
    ],
)
def test_inflected_forms_share_one_stem(forms):
    assert len(set(stems(forms))) == 1, stems(forms)


@pytest.mark.parametrize(
    ("first", "second"), [("Mitfahrbank", "Mitfahrgelegenheit"), ("Bank", "Bus"), ("Laden", "Ladung")]
)
def test_different_words_keep_different_stems(first, second):
    assert stem(normalize(first)) != stem(normalize(second))


def test_search_patterns_take_the_ends_of_long_words_and_keep_umlauts():
    # The database keeps its umlauts, so the patterns must too.
    assert search_patterns("Mitfahrbänke am Dorfplatz") == ["mitf", "bänk", "dorf", "latz"]
    assert search_patterns("die und der") == []


# --- The labelled set --------------------------------------------------------


def _report(name, figures):
    line = report(name, figures)
    print(line)  # visible with pytest -s
    warnings.warn(line, UserWarning, stacklevel=2)  # visible in the warnings summary
    return figures


def test_the_labelled_set_has_enough_german_pairs():
    queries = DEV_QUERIES + HELD_OUT_QUERIES + FRESH_QUERIES
    keys = {idea.key for idea in POOL}
    assert len(POOL) >= 40
    assert sum(len(query.duplicates) for query in queries) >= 30
    assert all(query.duplicates <= keys for query in queries)
    assert sum(not query.duplicates for query in queries) >= 10


def test_precision_on_the_development_set():
    """The set the constants were tuned on: expect it to look good."""
    figures = _report("similar ideas, development set", measure(DEV_QUERIES))

    assert figures["precision"] >= 0.9
    assert figures["hit_rate"] == 1.0
    assert figures["quiet"] == 1.0


def test_precision_on_the_held_out_set():
    """Written after the tuning, measured once (precision@3 0.76, hit rate
    0.83), then the query's IDF weighting was dropped (precision@3 0.89,
    hit rate 0.83). The misses are synonyms without a shared word
    ("Gemeinschaftsauto" for "Carsharing", "Arbeitsraum" for
    "Coworking-Space", "Reparaturcafé" for "Repair-Café")."""
    figures = _report("similar ideas, held-out set", measure(HELD_OUT_QUERIES))

    assert figures["precision"] >= 0.85
    assert figures["hit_rate"] >= 0.8
    assert figures["quiet"] == 1.0


def test_precision_on_the_fresh_set():
    """Written after the last change and never tuned on: the figures to
    quote. Floors are the first measurement rounded down (precision@3
    0.61, hit rate 1.00, recall 0.89, quiet 0.50). The noise comes from a
    shared rare compound ("Kinoabende im Dorfgemeinschaftshaus" suggests
    "E-Ladesäule am Dorfgemeinschaftshaus") and from a shared theme word
    ("Mittagstisch für Senioren" also suggests the smart-home course for
    Senioren)."""
    figures = _report("similar ideas, fresh set", measure(FRESH_QUERIES))

    assert figures["precision"] >= 0.6
    assert figures["hit_rate"] >= 0.95
    assert figures["recall"] >= 0.85
    assert figures["quiet"] >= 0.5


def test_compounds_meet_their_parts():
    for title, expected in [
        ("Dorfladenautomat", "dorfladen-automat"),
        ("Vereinsplattform", "vereinsplattform"),
        ("Mitfahrbank", "mitfahrbank-bahnhof"),  # "Bank zum Mitfahren am Bahnhof"
    ]:
        assert expected in [idea.key for _score, idea in rank_in_memory(title, "", POOL)]


# --- The database path -------------------------------------------------------


@pytest.fixture
def pool_process(db):
    """A process holding the labelled pool, POOL[0] the newest (as the
    in-memory measurement assumes)."""
    process = ProcessFactory()
    author = UserFactory()
    Idea.objects.bulk_create(
        [Idea(process=process, author=author, title=idea.title, text=idea.text) for idea in reversed(POOL)]
    )
    return process


def test_the_database_suggests_what_the_measurement_measured(pool_process):
    """find_similar on this database (the suite runs on SQLite and on
    PostgreSQL) suggests exactly what the in-memory measurement did, in the
    same order: the figures hold for both databases."""
    for query in DEV_QUERIES + HELD_OUT_QUERIES + FRESH_QUERIES:
        in_database = [idea.title for idea in find_similar(pool_process, query.title, query.text, limit=3)]
        in_memory = [idea.title for _score, idea in rank_in_memory(query.title, query.text, POOL, limit=3)]
        assert in_database == in_memory, (connection.vendor, query.title)


def test_it_finds_a_capitalised_umlaut_on_every_database(db):
    idea = IdeaFactory(title="Ärztehaus im Ortskern", text="Praxen unter einem Dach.")

    assert find_similar(idea.process, "Neues ärztehaus") == [idea]


def test_it_suggests_only_public_not_withdrawn_ideas_of_the_same_process(db):
    process = ProcessFactory()
    visible = IdeaFactory(process=process, title="Mitfahrbank am Friedhof")
    IdeaFactory(process=process, title="Mitfahrbank am Sportplatz", status=Status.WITHDRAWN)
    IdeaFactory(process=process, title="Mitfahrbank an der Kirche", moderation=Moderation.HIDDEN)
    IdeaFactory(process=process, title="Mitfahrbank am Rathaus", moderation=Moderation.PENDING)
    IdeaFactory(title="Mitfahrbank am Bahnhof")  # another process
    draft = ProcessFactory(status=Process.Status.DRAFT)
    IdeaFactory(process=draft, title="Mitfahrbank am Markt")

    assert find_similar(process, "Mitfahrbänke") == [visible]
    assert find_similar(draft, "Mitfahrbänke") == []


def test_it_leaves_out_the_idea_being_edited(db):
    own = IdeaFactory(title="Mitfahrbank am Friedhof")
    other = IdeaFactory(process=own.process, title="Mitfahrbank am Sportplatz")

    assert set(find_similar(own.process, "Mitfahrbank")) == {own, other}
    assert find_similar(own.process, own.title, exclude_pk=own.pk) == [other]


def test_it_searches_texts_only_among_the_newest_ideas(db, monkeypatch):
    monkeypatch.setattr(similar, "TEXT_WINDOW", 2)
    process = ProcessFactory()
    old_by_text = IdeaFactory(process=process, title="Treffpunkt für Pendler", text="Eine Mitfahrbank am Ortsausgang.")
    old_by_title = IdeaFactory(process=process, title="Mitfahrbank am Friedhof", text="Zum Mitnehmen.")
    IdeaFactory.create_batch(2, process=process, title="Skatepark", text="Rampen und Bahnen.")

    assert find_similar(process, "Mitfahrbank", "Mitfahrbank am Ortsausgang") == [old_by_title]

    monkeypatch.setattr(similar, "TEXT_WINDOW", 4)
    assert old_by_text in find_similar(process, "Mitfahrbank", "Mitfahrbank am Ortsausgang")


def test_it_suggests_at_most_limit_ideas_most_similar_first(db):
    process = ProcessFactory()
    ideas = [IdeaFactory(process=process, title=f"Mitfahrbank Nummer {n}") for n in range(7)]
    exact = IdeaFactory(process=process, title="Mitfahrbank", text="Mitfahrbank")

    similar = find_similar(process, "Mitfahrbank", limit=5)

    assert len(similar) == 5
    assert similar[0] == exact
    assert set(similar[1:]) <= set(ideas)
    assert len(find_similar(process, "Mitfahrbank", limit=2)) == 2


def test_it_suggests_nothing_for_an_unrelated_or_short_title(db, django_assert_num_queries):
    idea = IdeaFactory(title="Mitfahrbank am Friedhof")

    assert find_similar(idea.process, "Skatepark für Jugendliche") == []
    with django_assert_num_queries(0):
        assert find_similar(idea.process, "Mi") == []
        assert find_similar(idea.process, "  ") == []
        assert find_similar(idea.process, "die und") == []


def test_the_ideas_come_ready_for_display(db, django_assert_num_queries):
    mayen = MunicipalityFactory(name="Mayen")
    idea = IdeaFactory(title="Mitfahrbank am Friedhof", municipality=mayen, support_count=4)

    with django_assert_num_queries(1):
        (found,) = find_similar(idea.process, "Mitfahrbänke")
        assert found.get_absolute_url() == f"/beteiligung/{idea.process.slug}/ideen/{idea.pk}/"
        assert (found.municipality.name, found.support_count, found.is_withdrawn) == ("Mayen", 4, False)


def test_its_query_count_does_not_grow_with_more_ideas(db, django_assert_num_queries):
    # One query: the candidates with their municipality.
    process = ProcessFactory()
    IdeaFactory.create_batch(3, process=process)

    with django_assert_num_queries(1):
        assert find_similar(process, "Mitfahrbank im Dorf")

    author = UserFactory()
    Idea.objects.bulk_create(
        [Idea(process=process, author=author, title=f"Mitfahrbank im Dorf {n}", text="Bank") for n in range(300)]
    )

    with django_assert_num_queries(1):
        assert len(find_similar(process, "Mitfahrbank im Dorf")) == 5


def test_it_stays_fast_with_10000_ideas(db):
    """Prints the time of one search among 10,000 ideas (no assertion on
    the time: machines differ). Titles and texts are the labelled pool's
    with numbers, so many ideas match and the candidate cap matters."""
    process = ProcessFactory()
    author = UserFactory()
    ideas = [
        Idea(
            process=process,
            author=author,
            title=f"{POOL[n % len(POOL)].title} {n}",
            text=f"{POOL[n % len(POOL)].text} {POOL[(n * 7) % len(POOL)].text}",
        )
        for n in range(10_000)
    ]
    Idea.objects.bulk_create(ideas, batch_size=1000)
    queries = [
        ("Mitfahrbänke an den Bushaltestellen", ""),
        ("Ladestationen für E-Autos", ""),
        (POOL[5].title, POOL[5].text),
    ]
    timings = {}
    for title, text in queries:
        runs, database_runs = [], []
        for _ in range(5):
            start = time.perf_counter()
            found = find_similar(process, title, text)
            runs.append(time.perf_counter() - start)
            start = time.perf_counter()
            list(candidate_ideas(process, title, text))
            database_runs.append(time.perf_counter() - start)
        timings[title] = (statistics.median(runs), statistics.median(database_runs))
        assert found, title
    line = f"similar ideas among 10,000 ideas on {connection.vendor} (median of 5; of it the query): " + ", ".join(
        f"{title!r} {total * 1000:.0f} ms ({query * 1000:.0f} ms)" for title, (total, query) in timings.items()
    )
    print(line)
    warnings.warn(line, UserWarning, stacklevel=1)


# --- The fragment -------------------------------------------------------------


def fragment_url(process):
    return reverse("ideas:similar-ideas", args=[process.slug])


def test_the_fragment_lists_similar_ideas_with_municipality_and_supports(client, db):
    mayen = MunicipalityFactory(name="Mayen")
    idea = IdeaFactory(title="Mitfahrbank am Friedhof", municipality=mayen, support_count=3)
    regional = IdeaFactory(process=idea.process, title="Mitfahrbänke im ganzen Kreis", support_count=1)
    IdeaFactory(process=idea.process, title="Skatepark für Jugendliche")

    response = client.get(fragment_url(idea.process), {"title": "Mitfahrbank", "text": ""})

    assert response.status_code == 200
    html = response.text
    assert "Ähnliche Ideen gibt es schon" in html
    assert f'href="{idea.get_absolute_url()}"' in html
    assert f'href="{regional.get_absolute_url()}"' in html
    assert "Mayen" in html and "3 Unterstützungen" in html
    assert "ganze Region" in html and "1 Unterstützung" in html
    assert 'target="_blank" rel="noopener"' in html
    assert "Skatepark" not in html
    assert "csrfmiddlewaretoken" not in html


def test_the_fragment_uses_the_text_too(client, db):
    idea = IdeaFactory(title="Treffpunkt für Pendler", text="Eine Mitfahrbank am Ortsausgang Richtung Mayen.")

    response = client.get(
        fragment_url(idea.process), {"title": "Treffpunkt", "text": "Mitfahrbank am Ortsausgang nach Mayen"}
    )

    assert idea.title in response.text


def test_the_fragment_is_empty_for_a_short_title_or_nothing_similar(client, db):
    idea = IdeaFactory(title="Mitfahrbank am Friedhof")

    for params in ({"title": "Mi"}, {}, {"title": "Skatepark für Jugendliche"}):
        response = client.get(fragment_url(idea.process), params)
        assert response.status_code == 200
        assert response.content == b""  # not even whitespace: the region hides itself with :empty


def test_the_fragment_is_404_for_an_unknown_or_unpublished_process(client, db):
    draft = ProcessFactory(status=Process.Status.DRAFT)
    IdeaFactory(process=draft, title="Mitfahrbank")

    assert client.get("/beteiligung/gibt-es-nicht/ideen/aehnliche/", {"title": "Mitfahrbank"}).status_code == 404
    assert client.get(fragment_url(draft), {"title": "Mitfahrbank"}).status_code == 404


def test_the_fragment_only_answers_get(client, db):
    process = ProcessFactory()

    assert client.post(fragment_url(process), {"title": "Mitfahrbank"}).status_code == 405


def test_the_fragment_query_count_does_not_grow_with_more_ideas(client, db, django_assert_num_queries):
    # The process, the candidates (with their municipality).
    process = ProcessFactory()
    IdeaFactory.create_batch(2, process=process, municipality=MunicipalityFactory())
    url = fragment_url(process)

    with django_assert_num_queries(2):
        client.get(url, {"title": "Mitfahrbank im Dorf"})

    IdeaFactory.create_batch(20, process=process, municipality=MunicipalityFactory())

    with django_assert_num_queries(2):
        response = client.get(url, {"title": "Mitfahrbank im Dorf"})
    assert response.text.count("<li>") == 5


# --- The command --------------------------------------------------------------


def test_the_command_prints_the_figures_without_a_database():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("similar_precision", verbosity=2, stdout=out)

    printed = out.getvalue()
    assert "48 ideas in the pool." in printed
    assert printed.count("precision@3") == 4  # three sets and all together
    assert "MISS 'Reparaturcafé': expected repaircafe; suggested -" in printed
