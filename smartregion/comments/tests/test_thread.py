"""The thread: `{% comment_thread target %}` on the contribution's page and
/kommentare/<key>/<pk>/ (ordering, pages of 20 with "Weitere Kommentare
laden", the htmx fragment), who sees what, and a query count that stays
the same with 500 or 5,000 comments."""

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from smartregion.accounts.actions import delete_account
from smartregion.accounts.predicates import VERIFIED_ATTRIBUTE
from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Phase, Process
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory, process_with_phase

pytestmark = pytest.mark.django_db


def thread(client, idea, query=""):
    return client.get(f"/kommentare/idee/{idea.pk}/{query}")


def add_comments(idea, top_level, replies=0, start=None):
    """`top_level` comments a minute apart (the newest last) and `replies`
    replies spread over the newest ones, written in bulk."""
    authors = UserFactory.create_batch(5)
    start = start or timezone.now() - dt.timedelta(days=30)
    content_type = ContentType.objects.get_for_model(Idea)
    rows = Comment.objects.bulk_create(
        Comment(content_type=content_type, object_id=idea.pk, author=author, text=f"Kommentar {n}")
        for n, author in zip(range(top_level), itertools.cycle(authors), strict=False)
    )
    # created_at is auto_now_add: set the times afterwards.
    for n, row in enumerate(rows):
        row.created_at = start + dt.timedelta(minutes=n)
    Comment.objects.bulk_update(rows, ["created_at"])
    newest = rows[::-1][:20]
    Comment.objects.bulk_create(
        Comment(
            content_type=content_type,
            object_id=idea.pk,
            parent=parent,
            author=author,
            text=f"Antwort {n}",
        )
        for n, parent, author in zip(range(replies), itertools.cycle(newest), itertools.cycle(authors), strict=False)
    )
    Idea.objects.filter(pk=idea.pk).update(comment_count=top_level + replies)
    return rows


def shown_texts(response):
    return [comment.text for comment in response.context["comments"]]


def test_the_newest_come_first_or_the_oldest_on_request(client, idea):
    add_comments(idea, 3)

    assert shown_texts(thread(client, idea)) == ["Kommentar 2", "Kommentar 1", "Kommentar 0"]
    assert shown_texts(thread(client, idea, "?sortierung=aelteste")) == ["Kommentar 0", "Kommentar 1", "Kommentar 2"]
    assert shown_texts(thread(client, idea, "?sortierung=quatsch")) == ["Kommentar 2", "Kommentar 1", "Kommentar 0"]
    text = thread(client, idea, "?sortierung=aelteste").text
    assert f'<a href="/kommentare/idee/{idea.pk}/?sortierung=aelteste#kommentare" aria-current="true">' in text


def test_replies_come_in_the_order_they_were_written(client, verified_citizen, idea):
    top = actions.add_comment(idea, verified_citizen, "Oben")
    for text in ("Erste Antwort", "Zweite Antwort"):
        actions.add_comment(idea, verified_citizen, text, parent=top)

    [shown] = thread(client, idea).context["comments"]

    assert [reply.text for reply in shown.shown_replies] == ["Erste Antwort", "Zweite Antwort"]


def test_twenty_top_level_comments_per_page_and_a_link_to_more(client, idea):
    add_comments(idea, 25, replies=3)

    first = thread(client, idea)
    second = thread(client, idea, "?sortierung=neueste&seite=2")

    assert len(first.context["comments"]) == 20
    assert shown_texts(first)[0] == "Kommentar 24"
    assert "Kommentare (28)" in first.text
    next_url = f"/kommentare/idee/{idea.pk}/?sortierung=neueste&amp;seite=2"
    link = f'<a href="{next_url}" data-hx-get="{next_url}" data-hx-target="#kommentarliste" data-hx-swap="beforeend">'
    assert link in first.text
    assert "Weitere Kommentare laden" in first.text
    assert shown_texts(second) == [f"Kommentar {n}" for n in range(4, -1, -1)]
    assert "Weitere Kommentare laden" not in second.text
    assert "Vorherige Kommentare" in second.text
    assert shown_texts(thread(client, idea, "?seite=99")) == []
    assert shown_texts(thread(client, idea, "?seite=abc")) == shown_texts(first)


def test_htmx_gets_only_the_next_comments_and_the_next_link(client, idea):
    add_comments(idea, 45)

    page_two = client.get(f"/kommentare/idee/{idea.pk}/?seite=2", HTTP_HX_REQUEST="true")
    page_three = client.get(f"/kommentare/idee/{idea.pk}/?seite=3", HTTP_HX_REQUEST="true")

    text = page_two.text
    assert "<html" not in text
    assert text.lstrip().startswith('<li class="comment-list__item" tabindex="-1" autofocus>')
    assert text.count('<li class="comment-list__item"') == 20
    assert 'id="kommentare-mehr" data-hx-swap-oob="true"' in text
    assert "seite=3" in text
    assert page_three.text.count('<li class="comment-list__item"') == 5
    assert '<p id="kommentare-mehr" data-hx-swap-oob="delete"></p>' in page_three.text
    assert page_two["Vary"].count("HX-Request") == 1


def test_pending_comments_show_only_to_their_author(client, verified_citizen, verified_other_citizen):
    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    actions.add_comment(idea, verified_citizen, "Noch nicht freigegeben")

    assert "Noch nicht freigegeben" not in thread(client, idea).text
    client.force_login(verified_other_citizen)
    assert "Noch nicht freigegeben" not in thread(client, idea).text
    client.force_login(verified_citizen)
    text = thread(client, idea).text
    assert "Noch nicht freigegeben" in text
    assert '<strong class="badge">wartet auf Freigabe</strong>' in text
    assert "Kommentare (0)" in text


def test_authors_show_with_their_public_name_never_the_address(client, idea):
    author = UserFactory(email="geheim@example.org", display_name="Anna aus Mayen")
    CommentFactory(target=idea, author=author, text="Gern!")
    CommentFactory(target=idea, author=UserFactory(email="ohne.name@example.org", display_name=""), text="Ich auch")
    gone = UserFactory(email="weg@example.org")
    CommentFactory(target=idea, author=gone, text="Von früher")
    delete_account(gone)

    text = thread(client, idea).text

    assert "Anna aus Mayen" in text
    assert "Teilnehmende Person" in text
    assert "Gelöschtes Konto" in text
    assert "@example.org" not in text


def test_an_empty_thread_says_so(client, idea):
    assert "Noch keine Kommentare." in thread(client, idea).text


@pytest.mark.parametrize(
    ("who", "sentence"),
    [
        ("anonymous", "Bitte melden Sie sich an, um zu kommentieren"),
        ("other_citizen", "Bitte bestätigen Sie Ihre E-Mail-Adresse, um zu kommentieren."),
    ],
)
def test_people_who_may_not_comment_learn_why(client, request, idea, who, sentence):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))

    text = thread(client, idea).text

    assert sentence in text
    assert 'id="kommentar-neu"' not in text


def test_the_login_link_returns_to_the_thread(client, idea):
    text = thread(client, idea).text

    assert f'href="/konto/login/?next=/kommentare/idee/{idea.pk}/%23kommentare"' in text


def test_closed_and_upcoming_phases_are_named(client, verified_citizen):
    now = timezone.now()
    over = ProcessFactory()
    PhaseFactory(
        process=over, opens=["ideas.comment"], starts_at=now - dt.timedelta(days=9), ends_at=now - dt.timedelta(days=2)
    )
    later = ProcessFactory()
    PhaseFactory(
        process=later,
        opens=["ideas.comment"],
        starts_at=dt.datetime(2031, 3, 1, 9, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2031, 4, 1, 9, 0, tzinfo=dt.UTC),
    )
    never = process_with_phase("ideas.submit")
    client.force_login(verified_citizen)

    assert "Die Kommentarphase ist beendet." in thread(client, IdeaFactory(process=over)).text
    upcoming = thread(client, IdeaFactory(process=later)).text
    assert "Kommentieren ist ab dem 1. März 2031, 10:00 Uhr möglich." in upcoming
    not_open = thread(client, IdeaFactory(process=never)).text
    assert "In diesem Verfahren ist Kommentieren gerade nicht möglich." in not_open


def test_unknown_or_invisible_targets_are_not_found(client, verified_citizen, idea):
    hidden = IdeaFactory(process=process_with_phase("ideas.comment"), moderation=Moderation.HIDDEN)
    draft = IdeaFactory(process=process_with_phase("ideas.comment", status=Process.Status.DRAFT))
    client.force_login(verified_citizen)

    assert client.get("/kommentare/gibtsnicht/1/").status_code == 404
    assert client.get("/kommentare/idee/999999/").status_code == 404
    assert thread(client, hidden).status_code == 404
    assert thread(client, draft).status_code == 404
    # The author of a hidden idea still sees it, with its comments.
    client.force_login(hidden.author)
    assert thread(client, hidden).status_code == 200


def test_anonymous_pages_carry_no_csrf_token(client, idea):
    add_comments(idea, 25, replies=2)

    for response in (thread(client, idea), thread(client, idea, "?seite=2")):
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" not in response.text
        assert not response.cookies


# The tag on a page ------------------------------------------------------

TAG = Template("{% load comment_tags %}{% comment_thread idea %}")


def render_tag(idea, user, query=None, path="/beteiligung/x/ideen/1/"):
    request = RequestFactory().get(path, query or {})
    request.user = user
    return TAG.render(Context({"request": request, "idea": idea}))


def test_the_tag_renders_the_thread_for_its_page(idea, verified_citizen):
    add_comments(idea, 3)
    idea.refresh_from_db()

    html = render_tag(idea, verified_citizen, {"sortierung": "aelteste"})

    assert '<section class="comments" id="kommentare" aria-labelledby="kommentare-titel">' in html
    assert '<h2 id="kommentare-titel">Kommentare (3)</h2>' in html
    assert html.index("Kommentar 0") < html.index("Kommentar 2")
    assert 'href="/beteiligung/x/ideen/1/?sortierung=neueste#kommentare"' in html
    assert 'name="next" value="/beteiligung/x/ideen/1/"' in html
    assert 'action="/kommentare/idee/' in html


def test_the_tag_gives_anonymous_visitors_no_form(idea):
    add_comments(idea, 3)

    html = render_tag(idea, AnonymousUser())

    assert "<form" not in html
    assert "Bitte melden Sie sich an, um zu kommentieren" in html


# Query counts -------------------------------------------------------------

# The thread page, anonymous: the idea with its process and author, the
# phases, the page of top-level comments with their authors, their replies
# with their authors; the base template's region settings, site root,
# menu and footer links (4).
ANONYMOUS_QUERIES = 8
# Logged in: + session and user (2). Whether the address is verified is
# remembered in the session after the first request
# (RememberVerifiedAddressMiddleware).
VERIFIED_QUERIES = 10


@pytest.mark.parametrize(("who", "expected"), [("anonymous", ANONYMOUS_QUERIES), ("verified", VERIFIED_QUERIES)])
def test_its_query_count_does_not_grow_with_the_thread(
    client, page_tree, verified_citizen, idea, django_assert_num_queries, who, expected
):
    if who == "verified":
        client.force_login(verified_citizen)
    add_comments(idea, 400, replies=100)
    thread(client, idea)  # fills the caches of Wagtail and the content types

    with django_assert_num_queries(expected):
        response = thread(client, idea)
    assert "Kommentare (500)" in response.text

    add_comments(idea, 4000, replies=1000, start=timezone.now() - dt.timedelta(days=10))

    with django_assert_num_queries(expected):
        response = thread(client, idea)
    assert "Kommentare (5000)" in response.text
    assert len(response.context["comments"]) == 20
    with django_assert_num_queries(expected):
        thread(client, idea, "?seite=200")


def test_the_tag_costs_two_queries_with_the_phases_loaded(idea, verified_citizen, django_assert_num_queries):
    add_comments(idea, 400, replies=100)
    idea = Idea.objects.select_related("process").get(pk=idea.pk)
    from django.db.models import Prefetch, prefetch_related_objects

    prefetch_related_objects([idea.process], Prefetch("phases", queryset=Phase.objects.all()))
    verified_citizen = UserFactory._meta.model.objects.get(pk=verified_citizen.pk)
    setattr(verified_citizen, VERIFIED_ATTRIBUTE, True)

    # The top-level comments and their replies, with their authors.
    with django_assert_num_queries(2):
        html = render_tag(idea, verified_citizen)
    assert html.count('<li class="comment-list__item"') == 20


def test_the_idea_page_with_its_thread_stays_cacheable_for_anonymous_visitors(client, page_tree, idea):
    add_comments(idea, 25, replies=3)

    first = client.get(idea.get_absolute_url())
    second = client.get(idea.get_absolute_url())

    assert '<section class="comments" id="kommentare"' in first.text
    assert "csrfmiddlewaretoken" not in first.text
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
