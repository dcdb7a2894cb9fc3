"""The list of ideas in the backend: filters, regional guides see only the
ideas of their municipalities, and the query count does not grow with the
number of ideas."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import ProcessFactory
from smartregion.region.tests.factories import MunicipalityFactory

# Marked for the whole module: tests that get their people by
# request.getfixturevalue would otherwise run after the transactional tests,
# which empty the database of the groups the migrations made.
pytestmark = pytest.mark.django_db

LIST = reverse("ideas_staff:idea-list")


@pytest.fixture
def andernach(db):
    return MunicipalityFactory(name="Andernach", slug="andernach")


def titles(response):
    return [idea.title for idea in response.context["page"].object_list]


def test_editors_see_every_idea_newest_first(client, editor, mayen, andernach):
    IdeaFactory(title="In Mayen", municipality=mayen)
    IdeaFactory(title="In Andernach", municipality=andernach)
    IdeaFactory(title="Für alle", municipality=None, moderation=Moderation.HIDDEN)
    log_in_with_second_factor(client, editor)
    response = client.get(LIST)
    assert response.status_code == 200
    assert titles(response) == ["Für alle", "In Andernach", "In Mayen"]
    assert "Idee vor Ort erfassen" in response.content.decode()


def test_a_guide_sees_only_the_ideas_of_their_municipalities(client, guide_mayen, mayen, andernach):
    IdeaFactory(title="In Mayen", municipality=mayen)
    IdeaFactory(title="In Andernach", municipality=andernach)
    IdeaFactory(title="Für alle", municipality=None)
    log_in_with_second_factor(client, guide_mayen)
    response = client.get(LIST)
    assert titles(response) == ["In Mayen"]
    choices = [value for value, _ in response.context["filter_form"].fields["municipality"].choices]
    assert choices == ["", str(mayen.pk)]
    other = Idea.objects.get(title="In Andernach")
    assert client.get(reverse("ideas_staff:idea-detail", args=[other.pk])).status_code == 404


def test_a_moderator_sees_every_idea_but_cannot_capture(client, moderator, mayen):
    IdeaFactory(title="In Mayen", municipality=mayen)
    log_in_with_second_factor(client, moderator)
    response = client.get(LIST)
    assert titles(response) == ["In Mayen"]
    assert "Idee vor Ort erfassen" not in response.content.decode()


@pytest.mark.parametrize("person", ["citizen", "juror"])
def test_others_do_not_reach_the_list(client, request, person):
    user = request.getfixturevalue(person)
    if person == "citizen":
        client.force_login(user)
    else:
        log_in_with_second_factor(client, user)
    response = client.get(LIST)
    assert response.status_code == 302


def test_the_menu_shows_ideas_to_staff_who_work_on_them(client, juror, guide_mayen):
    log_in_with_second_factor(client, guide_mayen)
    # The sidebar is rendered from JSON.
    assert '"url": "/redaktion/ideen/"' in client.get("/redaktion/").content.decode()
    client.logout()
    log_in_with_second_factor(client, juror)
    assert '"url": "/redaktion/ideen/"' not in client.get("/redaktion/").content.decode()


def test_the_filters_narrow_the_list(client, editor, mayen, andernach):
    process = ProcessFactory(title="Ideenspeicher")
    IdeaFactory(title="Papier in Mayen", process=process, municipality=mayen, channel=Idea.Channel.PAPER)
    IdeaFactory(title="Online in Mayen", process=process, municipality=mayen)
    IdeaFactory(title="Wartend", municipality=andernach, moderation=Moderation.PENDING)
    IdeaFactory(title="Für alle", process=process, municipality=None, status=Idea.Status.WINNER)
    log_in_with_second_factor(client, editor)
    assert titles(client.get(LIST, {"channel": "paper"})) == ["Papier in Mayen"]
    assert titles(client.get(LIST, {"moderation": "pending"})) == ["Wartend"]
    assert titles(client.get(LIST, {"municipality": "region"})) == ["Für alle"]
    assert titles(client.get(LIST, {"municipality": mayen.pk, "channel": "online"})) == ["Online in Mayen"]
    assert titles(client.get(LIST, {"process": process.pk, "status": "winner"})) == ["Für alle"]
    assert titles(client.get(LIST, {"q": "mayen"})) == ["Online in Mayen", "Papier in Mayen"]
    # An unknown value filters nothing out rather than failing.
    assert len(titles(client.get(LIST, {"status": "geheim"}))) == 4


def _make_ideas(count, municipalities):
    for n in range(count):
        IdeaFactory(municipality=municipalities[n % len(municipalities)], process=_make_ideas.process)


@pytest.mark.parametrize("person", ["editor", "guide_mayen"])
def test_the_list_needs_the_same_queries_for_ten_times_more_ideas(
    client, request, person, mayen, andernach, django_assert_num_queries
):
    user = request.getfixturevalue(person)
    log_in_with_second_factor(client, user)
    _make_ideas.process = ProcessFactory()
    client.get(LIST)  # warm up: the site, the menu and the settings
    # Queries: session and user; the model permissions (user, groups);
    # the staff middleware's authenticator check; Wagtail's user profile;
    # the group names (once, cached on the user); the municipalities of
    # the filter (all, or the guide's); the count of ideas; Wagtail's
    # locales, page and collection permissions and explorer root for the
    # menu; the processes of the filter; the page of ideas (process and
    # municipality joined). A guide's page needs no explorer root.
    _make_ideas(3, [mayen, andernach])
    with django_assert_num_queries(EXPECTED_QUERIES[person]) as small:
        response = client.get(LIST)
    assert response.status_code == 200
    _make_ideas(30, [mayen, andernach])
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(LIST)
    shown = len(response.context["page"].object_list)
    assert shown == (33 if person == "editor" else 17)


EXPECTED_QUERIES = {"editor": 15, "guide_mayen": 14}
