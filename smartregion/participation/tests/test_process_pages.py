"""The public process pages: /beteiligung/ lists running, upcoming and
finished processes; /beteiligung/<slug>/ shows the phases, what a visitor
may do now (or why not), the ideas and, once published, the results."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smartregion.accounts.tests.factories import verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, open_process

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LIST = "/beteiligung/"


def days(n):
    return timezone.now() + dt.timedelta(days=n)


def detail(process):
    return f"/beteiligung/{process.slug}/"


@pytest.fixture
def verified_citizen(citizen):
    return verify_email(citizen)


@pytest.fixture
def running(db):
    process = ProcessFactory(title="Ideenwettbewerb 2099", slug="ideenwettbewerb-2099")
    PhaseFactory(process=process, title="Vorbereitung", starts_at=days(-30), ends_at=days(-10), sort_order=0)
    PhaseFactory(
        process=process,
        title="Ideen sammeln",
        starts_at=days(-10),
        # Midnight in Berlin ends the phase with the day before.
        ends_at=dt.datetime(2099, 11, 8, tzinfo=BERLIN),
        opens=["ideas.submit", "ideas.comment", "ideas.support"],
        sort_order=1,
    )
    PhaseFactory(
        process=process,
        title="Jury",
        starts_at=dt.datetime(2099, 11, 8, tzinfo=BERLIN),
        ends_at=dt.datetime(2099, 12, 1, tzinfo=BERLIN),
        opens=["jury.rate"],
        sort_order=2,
    )
    return process


@pytest.fixture
def upcoming(db):
    process = ProcessFactory(title="Kommender Dialog")
    PhaseFactory(process=process, starts_at=days(20), ends_at=days(40), opens=["ideas.submit"])
    return process


@pytest.fixture
def finished(db):
    process = ProcessFactory(title="Ideenwettbewerb 2021", results_statement="Die Jury hat drei Ideen ausgezeichnet.")
    PhaseFactory(process=process, starts_at=days(-90), ends_at=days(-60), opens=["ideas.submit"])
    PhaseFactory(process=process, starts_at=days(-60), ends_at=days(-1), opens=["jury.results"])
    return process


# --- the list ---------------------------------------------------------------


def test_the_list_groups_running_upcoming_and_finished_processes(client, running, upcoming, finished):
    ProcessFactory(title="Geheimer Entwurf", status=Process.Status.DRAFT)

    response = client.get(LIST)

    assert response.status_code == 200
    groups = response.context["groups"]
    assert [entry["process"] for entry in groups["running"]] == [running]
    assert [entry["process"] for entry in groups["upcoming"]] == [upcoming]
    assert [entry["process"] for entry in groups["finished"]] == [finished]
    assert "Geheimer Entwurf" not in response.text
    assert "Aktuelle Phase:" in response.text and "Ideen sammeln" in response.text
    assert "bis 7. November 2099" in response.text


def test_the_list_counts_only_visible_ideas(client, running):
    IdeaFactory.create_batch(2, process=running)
    IdeaFactory(process=running, moderation=Moderation.HIDDEN)

    response = client.get(LIST)

    assert response.context["groups"]["running"][0]["process"].idea_count == 2
    assert "2 Ideen" in response.text


def test_the_list_says_when_nothing_runs(client, db):
    response = client.get(LIST)

    assert "Zurzeit läuft kein Verfahren." in response.text


def test_the_list_queries_do_not_grow_with_processes(client, running, upcoming, finished):
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST + "?a=1")
    for _ in range(30):
        process = ProcessFactory()
        PhaseFactory.create_batch(3, process=process)
        IdeaFactory.create_batch(2, process=process)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST + "?a=2")

    assert len(response.context["groups"]["running"]) == 31
    assert len(many) == len(few)


# --- who sees a process -----------------------------------------------------


def test_a_draft_is_not_found_by_the_public(client, citizen):
    draft = ProcessFactory(status=Process.Status.DRAFT)

    assert client.get(detail(draft)).status_code == 404
    client.force_login(citizen)
    assert client.get(detail(draft)).status_code == 404


def test_an_editor_previews_a_draft(client, editor):
    draft = ProcessFactory(status=Process.Status.DRAFT)
    client.force_login(editor)

    response = client.get(detail(draft))

    assert response.status_code == 200
    assert "noch nicht veröffentlicht" in response.text


def test_an_unknown_process_is_not_found(client, db):
    assert client.get("/beteiligung/gibt-es-nicht/").status_code == 404


# --- the timeline -----------------------------------------------------------


def test_the_timeline_marks_the_current_phase(client, running):
    response = client.get(detail(running))

    text = response.text
    assert text.count('aria-current="step"') == 1
    current = text.index('aria-current="step"')
    assert text.index("Ideen sammeln") > current > text.index("Vorbereitung")
    assert "aktuelle Phase" in text
    assert "7. November 2099" in text  # the last day, not the midnight after it


def test_between_phases_no_phase_is_current(client, db):
    process = ProcessFactory()
    PhaseFactory(process=process, starts_at=days(-20), ends_at=days(-10), opens=["ideas.submit"])
    PhaseFactory(process=process, starts_at=days(10), ends_at=days(20), opens=["ideas.support"])

    response = client.get(detail(process))

    assert 'aria-current="step"' not in response.text
    assert "Zurzeit ist keine Phase aktiv." in response.text


# --- what a visitor may do --------------------------------------------------


def actions_of(response):
    return {action["key"]: action for action in response.context["actions"]}


def test_anonymous_visitors_are_asked_to_log_in_and_see_the_deadline(client, running):
    response = client.get(detail(running))

    ideas = actions_of(response)["ideas.submit"]
    assert not ideas["available"]
    assert ideas["reason"] == "Bitte melden Sie sich an, um eine Idee einzureichen."
    assert ideas["notes"] == ["Die Einreichungsphase endet am 7. November 2099."]
    assert "/konto/login/?next=/beteiligung/ideenwettbewerb-2099/" in response.text
    assert "csrfmiddlewaretoken" not in response.text


def test_an_unverified_citizen_is_asked_to_confirm_the_address(client, citizen, running):
    client.force_login(citizen)

    response = client.get(detail(running))

    for action in actions_of(response).values():
        assert not action["available"]
        assert action["reason"].startswith("Bitte bestätigen Sie Ihre E-Mail-Adresse")


def test_a_verified_citizen_may_submit_comment_and_support(client, verified_citizen, running):
    client.force_login(verified_citizen)

    response = client.get(detail(running))

    actions = actions_of(response)
    assert all(action["available"] for action in actions.values())
    assert actions["ideas.submit"]["link"].url == "/beteiligung/ideenwettbewerb-2099/ideen/neu/"
    assert 'href="/beteiligung/ideenwettbewerb-2099/ideen/neu/"' in response.text


def test_before_the_submission_phase_it_says_when_it_begins(client, verified_citizen):
    process = ProcessFactory()
    PhaseFactory(process=process, starts_at=days(-5), ends_at=days(5), opens=["ideas.comment"])
    PhaseFactory(
        process=process,
        starts_at=dt.datetime(2099, 10, 1, 9, tzinfo=BERLIN),
        ends_at=dt.datetime(2099, 10, 30, tzinfo=BERLIN),
        opens=["ideas.submit"],
    )
    client.force_login(verified_citizen)

    actions = actions_of(client.get(detail(process)))

    assert actions["ideas.submit"]["reason"] == "Die Einreichung beginnt am 1. Oktober 2099."
    assert actions["ideas.comment"]["available"]
    assert actions["ideas.support"]["reason"] == "In diesem Verfahren werden Ideen nicht unterstützt."


def test_between_phases_it_says_no_phase_is_active(client, verified_citizen):
    process = ProcessFactory()
    PhaseFactory(process=process, starts_at=days(-20), ends_at=days(-10))
    PhaseFactory(
        process=process,
        starts_at=dt.datetime(2099, 1, 4, 10, tzinfo=BERLIN),
        ends_at=dt.datetime(2099, 2, 1, tzinfo=BERLIN),
        opens=["ideas.submit"],
    )
    client.force_login(verified_citizen)

    ideas = actions_of(client.get(detail(process)))["ideas.submit"]

    assert ideas["reason"] == "Zurzeit ist keine Phase aktiv. Die Einreichung beginnt am 4. Januar 2099."


def test_after_the_submission_phase_it_says_when_it_ended(client, verified_citizen, finished):
    client.force_login(verified_citizen)

    ideas = actions_of(client.get(detail(finished)))["ideas.submit"]

    assert not ideas["available"]
    assert ideas["reason"].startswith("Zurzeit ist keine Phase aktiv. Die Einreichungsphase ist am ")


def test_back_to_back_phases_with_the_same_switch_give_one_deadline(client, db):
    process = ProcessFactory()
    middle = days(3)
    PhaseFactory(process=process, starts_at=days(-3), ends_at=middle, opens=["ideas.submit"])
    PhaseFactory(
        process=process, starts_at=middle, ends_at=dt.datetime(2099, 5, 1, 12, tzinfo=BERLIN), opens=["ideas.submit"]
    )

    ideas = actions_of(client.get(detail(process)))["ideas.submit"]

    assert ideas["notes"] == ["Die Einreichungsphase endet am 1. Mai 2099."]


# --- ideas and results ------------------------------------------------------


def test_the_page_lists_public_ideas_and_counts_those_collected_on_site(client, running, editor):
    IdeaFactory(process=running, title="Mitfahrbank in Polch")
    IdeaFactory(process=running, title="Bücherschrank", channel=Idea.Channel.PAPER, author=None, captured_by=editor)
    IdeaFactory(process=running, title="Versteckte Idee", moderation=Moderation.HIDDEN)
    IdeaFactory(process=running, title="Wartende Idee", moderation=Moderation.PENDING)
    IdeaFactory(title="Idee eines anderen Verfahrens")

    response = client.get(detail(running))

    assert (response.context["idea_count"], response.context["on_site_count"]) == (2, 1)
    assert "davon 1 vor Ort gesammelt" in response.text
    assert "Mitfahrbank in Polch" in response.text and "Bücherschrank" in response.text
    for hidden in ["Versteckte Idee", "Wartende Idee", "Idee eines anderen Verfahrens"]:
        assert hidden not in response.text


def test_the_ideas_are_paginated_by_twenty(client, running):
    IdeaFactory.create_batch(21, process=running)

    first = client.get(detail(running))
    second = client.get(detail(running) + "?seite=2")

    assert len(first.context["ideas"]) == 20
    assert len(second.context["ideas"]) == 1
    assert "Seite 1 von 2" in first.text


def test_results_appear_once_published(client, finished, running):
    winner = IdeaFactory(process=finished, title="Dorfladen mit App", status=Idea.Status.WINNER)
    IdeaFactory(process=finished, title="Nur eingereicht")
    IdeaFactory(process=running, title="Früher Favorit", status=Idea.Status.WINNER)

    published = client.get(detail(finished))
    not_yet = client.get(detail(running))

    assert published.context["winners"] == [winner]
    assert "Die Jury hat drei Ideen ausgezeichnet." in published.text
    assert 'id="results-title"' in published.text
    assert "winners" not in not_yet.context
    assert 'id="results-title"' not in not_yet.text


def test_anonymous_pages_come_from_the_cache(client, running):
    first = client.get(detail(running))
    second = client.get(detail(running))

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert client.get(LIST)["X-Page-Cache"] == "miss"


# --- query counts -----------------------------------------------------------


def grow(process, editor):
    """Ten times the rows: ideas (1 -> 21, online and on site, in a
    municipality or not), phases (2-3 -> 29-30) and other processes
    (2 -> 12)."""
    from smartregion.region.tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory()
    for n in range(18):
        IdeaFactory(process=process, municipality=municipality if n % 2 else None)
    IdeaFactory.create_batch(2, process=process, channel=Idea.Channel.STAND, author=None, captured_by=editor)
    for n in range(27):
        PhaseFactory(process=process, starts_at=days(200 + 10 * n), ends_at=days(205 + 10 * n), sort_order=10 + n)
    for _ in range(10):
        open_process()


@pytest.mark.parametrize("who", ["anonymous", "verified_citizen"])
def test_the_process_page_queries_do_not_grow(
    client, request, django_assert_num_queries, running, finished, editor, who
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    IdeaFactory(process=running)
    IdeaFactory(process=finished, status=Idea.Status.WINNER)
    for process in (running, finished):
        client.get(detail(process) + "?warm=1")
        with CaptureQueriesContext(connection) as few:
            assert client.get(detail(process) + "?n=1").status_code == 200
        grow(process, editor)
        with CaptureQueriesContext(connection) as many:
            assert client.get(detail(process) + "?n=2").status_code == 200
        assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


# Pinned counts, after a first request (the region settings and the site
# links are created on first use). Anonymous, running process with ideas:
#   1 the process, 1 its phases, 1 its focus areas, 1 its topics
#   (_get_process), 1 the idea counts (total and on site), 1 a page of
#   ideas, 1 their topics, + 3 the base template (region settings, the
#   home page's menu, the site links).
# Results add 1 the winners and 1 their topics.
# Logged in adds 2 the session and the user (whether the address is
# verified, which the banner and the action box ask, is remembered in the
# session after the first request: RememberVerifiedAddressMiddleware).
# view_process of a published process asks no group.
PINNED = {
    ("anonymous", "running"): 10,
    ("anonymous", "finished"): 12,
    ("verified_citizen", "running"): 12,
    ("verified_citizen", "finished"): 14,
}


@pytest.mark.parametrize("who", ["anonymous", "verified_citizen"])
@pytest.mark.parametrize("which", ["running", "finished"])
def test_the_process_page_query_count_is_pinned(
    client, request, django_assert_num_queries, running, finished, who, which
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    process = {"running": running, "finished": finished}[which]
    IdeaFactory(process=process, status=Idea.Status.WINNER)
    client.get(detail(process) + "?warm=1")

    with django_assert_num_queries(PINNED[(who, which)]):
        assert client.get(detail(process)).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "verified_citizen"])
def test_the_list_page_query_count_is_pinned(client, request, django_assert_num_queries, running, finished, who):
    # The list is shared from the cache (pagecache.cache_shared_page), for
    # members too. Rendered afresh: 1 the processes with their idea counts,
    # 1 their phases, + 3 the base template. From the cache: nothing for an
    # anonymous visitor; a member's copy gets the header's account slots,
    # which cost the session and the user (2), rendered afresh or not (the
    # verified address is remembered in the session after the first
    # request).
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    client.get(LIST + "?warm=1")
    member = 0 if who == "anonymous" else 2

    with django_assert_num_queries(5 + member):
        response = client.get(LIST)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"

    with django_assert_num_queries(member):
        response = client.get(LIST)
    assert response["X-Page-Cache"] == "hit"


def test_the_image_is_shown_with_its_alt_text(client, running):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    running.image = Image.objects.create(title="Bank", file=get_test_image_file())
    running.image_alt = "Eine Mitfahrbank am Ortsrand"
    running.save()

    response = client.get(detail(running))

    assert 'alt="Eine Mitfahrbank am Ortsrand"' in response.text


def test_anonymous_pages_carry_no_csrf_token(client, running, finished):
    for path in (LIST, detail(running), detail(finished)):
        response = client.get(path)
        assert "csrfmiddlewaretoken" not in response.text
        assert not response.cookies
