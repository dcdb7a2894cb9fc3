"""Members get the idea page from the cache, with their own parts filled in
(lib/pagecache.py cache_member_page): the support box, the comment form or
why there is none, the reply forms and the links under their own comments.

Each test compares that copy, from a cold and from a warm cache, with the
page rendered for the person (what they get when the page cannot be
cached), apart from the CSRF token and the forms' submission keys, which
differ per request."""

import datetime as dt
import re
import time

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone, translation

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.comments import actions as comment_actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.actions import support_idea, withdraw_idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.lib import pagecache
from smartregion.participation.models import Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, open_process, process_with_phase

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
KEY = re.compile(r'name="submission_key" value="([^"]*)"')


def _normalised(page: str) -> str:
    page = TOKEN.sub('name="csrfmiddlewaretoken" value="TOKEN"', page)
    return KEY.sub('name="submission_key" value="KEY"', page)


def _cache_key(url: str) -> str:
    language = "en" if url.startswith("/en/") else "de"
    with translation.override(language):
        return pagecache._key(RequestFactory().get(url), pagecache.PARTICIPATION)


def rendered_for_them(client, url) -> str:
    """The page as rendered for the logged-in person: the cache says the
    address cannot be cached."""
    caches["pages"].set(_cache_key(url), pagecache.UNCACHEABLE)
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    caches["pages"].delete(_cache_key(url))
    return response.content.decode()


def copies_from_the_cache(client, url) -> list:
    caches["pages"].delete(_cache_key(url))
    cold, warm = client.get(url), client.get(url)
    return [cold, warm]


def assert_same_page(client, url) -> str:
    """The person's copy from the cold and the warm cache equals the page
    rendered for them; each form has a key of its own. Returns the page."""
    expected = rendered_for_them(client, url)
    for response, state in zip(copies_from_the_cache(client, url), ("miss", "hit"), strict=True):
        assert response["X-Page-Cache"] == state
        page = response.content.decode()
        assert pagecache.CSRF_PLACEHOLDER not in page
        keys = KEY.findall(page)
        assert len(set(keys)) == len(keys)
        assert _normalised(page) == _normalised(expected)
    return expected


def ago(**delta):
    return timezone.now() - dt.timedelta(**delta)


@pytest.fixture
def member(citizen):
    return verify_email(citizen)


@pytest.fixture
def idea(member):
    """An idea of somebody else with a thread of other people's comments:
    top-level ones with replies, one removed by its author, one hidden."""
    idea = IdeaFactory(process=open_process(), title="Bücherschrank am Marktplatz")
    others = [verify_email(UserFactory()) for _ in range(3)]
    for number, author in enumerate(others):
        parent = CommentFactory(target=idea, author=author)
        CommentFactory(target=idea, author=others[number - 1], parent=parent)
    CommentFactory(target=idea, author=others[0], status=Comment.Status.REMOVED)
    CommentFactory(target=idea, author=others[1], status=Comment.Status.HIDDEN, hidden_reason="off_topic")
    return idea


def test_a_verified_member_gets_the_form_and_the_reply_forms(client, member, idea):
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Kommentar veröffentlichen" in page
    assert page.count("Antwort veröffentlichen") == 3
    assert ">Unterstützen</button>" in page


def test_a_supporter_gets_the_button_to_take_it_back(client, member, idea):
    support_idea(idea, member)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Unterstützung zurücknehmen" in page


def test_an_idea_with_more_supporters_than_are_noted(client, member, idea, monkeypatch):
    from smartregion.ideas.views import ideas as idea_views

    monkeypatch.setattr(idea_views, "MAX_NOTED_SUPPORTERS", 1)
    support_idea(idea, verify_email(UserFactory()))
    support_idea(idea, member)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Unterstützung zurücknehmen" in page


def test_a_member_whose_address_is_not_verified_is_told_so(client, other_citizen, idea):
    client.force_login(other_citizen)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse, um zu kommentieren" in page
    assert "Antwort veröffentlichen" not in page


def test_a_commenter_gets_the_links_under_their_own_comments(client, member, idea):
    CommentFactory(target=idea, author=member, text="Gerade geschrieben")
    older = CommentFactory(target=idea, author=member, text="Vor einer Stunde")
    Comment.objects.filter(pk=older.pk).update(created_at=ago(hours=1))
    parent = Comment.objects.filter(parent=None, status=Comment.Status.VISIBLE).exclude(author=member).first()
    CommentFactory(target=idea, author=member, parent=parent, text="Meine Antwort")
    CommentFactory(target=idea, author=member, status=Comment.Status.REMOVED)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    # Edit within 15 minutes (the new comment and the reply), remove always.
    assert page.count(">Bearbeiten<") == 2
    assert page.count(">Entfernen<") == 3


def test_the_english_page_in_oldest_first_order(client, member, idea):
    client.force_login(member)
    with translation.override("en"):
        url = idea.get_absolute_url()

    page = assert_same_page(client, f"{url}?sortierung=aelteste")

    assert 'lang="en"' in page


def test_a_withdrawn_idea(client, member, idea):
    withdraw_idea(idea)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Kommentar veröffentlichen" not in page


def test_a_process_without_comments_and_supports_now(client, member):
    idea = IdeaFactory(process=process_with_phase("ideas.submit"))
    CommentFactory(target=idea)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Kommentar veröffentlichen" not in page
    assert "Unterstützen ist in diesem Verfahren gerade nicht möglich" in page


def test_someone_whose_comment_waits_for_approval_gets_the_page_rendered_for_them(client, member):
    idea = IdeaFactory(process=open_process(moderation=Process.ModerationMode.PRE))
    comment_actions.add_comment(idea, member, "Bitte freigeben")
    client.force_login(member)
    url = idea.get_absolute_url()
    rendered_for_them(client, url)

    for response in copies_from_the_cache(client, url):
        assert "X-Page-Cache" not in response
        assert "Bitte freigeben" in response.content.decode()
        assert "wartet auf Freigabe" in response.content.decode()


def test_the_author_gets_the_page_rendered_for_them(client, member):
    idea = IdeaFactory(process=open_process(), author=member)
    client.force_login(member)

    for response in copies_from_the_cache(client, idea.get_absolute_url()):
        assert "X-Page-Cache" not in response
        assert "Idee bearbeiten" in response.content.decode()


def test_the_copies_of_two_members_are_their_own(member, other_citizen, idea):
    from django.test import Client

    support_idea(idea, member)
    CommentFactory(target=idea, author=member, text="Von mir")
    first, second = Client(), Client()
    first.force_login(member)
    second.force_login(verify_email(other_citizen))
    url = idea.get_absolute_url()

    pages = [client.get(url) for client in (first, second, first)]

    assert [response["X-Page-Cache"] for response in pages] == ["miss", "hit", "hit"]
    mine, theirs, mine_again = (response.content.decode() for response in pages)
    assert "Unterstützung zurücknehmen" in mine and "Unterstützung zurücknehmen" in mine_again
    assert "Unterstützung zurücknehmen" not in theirs and ">Unterstützen</button>" in theirs
    assert ">Entfernen<" in mine and ">Entfernen<" not in theirs
    assert set(KEY.findall(mine)).isdisjoint(KEY.findall(mine_again))
    assert pagecache.CSRF_PLACEHOLDER not in mine + theirs + mine_again


def test_a_moderator_gets_the_same_page_as_the_rendered_one(client, moderator, idea):
    client.force_login(moderator)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Kommentar veröffentlichen" in page


def test_a_superuser_gets_the_page_rendered_for_them(client, idea):
    client.force_login(verify_email(UserFactory(is_superuser=True)))

    for response in copies_from_the_cache(client, idea.get_absolute_url()):
        assert "X-Page-Cache" not in response


def test_before_the_commenting_phase_it_says_when_it_begins(client, member):
    process = ProcessFactory()
    PhaseFactory(process=process, opens=["ideas.support"], ends_at=timezone.now() + dt.timedelta(days=1))
    PhaseFactory(
        process=process,
        opens=["ideas.comment"],
        starts_at=timezone.now() + dt.timedelta(days=2),
        ends_at=timezone.now() + dt.timedelta(days=9),
    )
    idea = IdeaFactory(process=process)
    client.force_login(member)

    page = assert_same_page(client, idea.get_absolute_url())

    assert "Kommentieren ist ab dem" in page
    assert ">Unterstützen</button>" in page


def move_clock(monkeypatch, by: dt.timedelta) -> None:
    """Let `by` pass at once for the site: Django's clock, which decides
    whether a phase is running, and the clock by which the local-memory
    cache lets its entries expire."""
    real_now, real_time = timezone.now, time.time
    monkeypatch.setattr(timezone, "now", lambda: real_now() + by)
    monkeypatch.setattr(time, "time", lambda: real_time() + by.total_seconds())


def test_the_cached_page_ends_when_the_phase_ends(client, member, settings, monkeypatch):
    # Longer than the phase lasts: the phase's end, not this, ends the page.
    settings.PAGE_CACHE_SECONDS = 24 * 60 * 60
    process = ProcessFactory()
    PhaseFactory(process=process, opens=["ideas.comment"], ends_at=timezone.now() + dt.timedelta(hours=1))
    idea = IdeaFactory(process=process)
    client.force_login(member)
    url = idea.get_absolute_url()
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert "Kommentar veröffentlichen" in response.content.decode()

    move_clock(monkeypatch, dt.timedelta(hours=1, seconds=1))
    response = client.get(url)

    assert response["X-Page-Cache"] == "miss"
    assert "Die Kommentarphase ist beendet." in response.content.decode()
