"""The page of an idea: what it shows to whom, its text rendered safely,
and a query count that does not grow with the comments."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from smartregion.accounts.tests.factories import verify_email
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.actions import support_idea, withdraw_idea
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import Moderation, Process
from smartregion.participation.tests.factories import open_process, process_with_phase
from smartregion.region.tests.factories import MunicipalityFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified_citizen(citizen):
    return verify_email(citizen)


@pytest.fixture
def idea():
    return IdeaFactory(process=open_process(), title="Dorfladen mit Automat")


def get(client, idea):
    return client.get(idea.get_absolute_url())


def test_anybody_sees_a_public_idea_with_its_facts(client):
    mayen = MunicipalityFactory(name="Mayen")
    topic = TopicFactory(name="Versorgung")
    idea = IdeaFactory(process=open_process(), municipality=mayen, topics=[topic], author__display_name="Gerda")

    page = get(client, idea).content.decode()

    assert idea.title in page
    assert "Gerda" in page
    assert "Mayen" in page
    assert "Versorgung" in page
    assert "eingereicht" in page


def test_the_text_is_plain_text_with_paragraphs_and_links(client):
    idea = IdeaFactory(
        process=open_process(),
        text="Erster Absatz mit <script>alert(1)</script> und <b>fett</b>.\n\nMehr unter https://example.org/idee.",
    )

    page = get(client, idea).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;fett&lt;/b&gt;" in page
    assert '<a href="https://example.org/idee" rel="nofollow">https://example.org/idee</a>.' in page
    assert "<p>Erster Absatz" in page


def test_the_anonymous_page_has_a_login_link_and_no_form(client, idea):
    response = get(client, idea)

    page = response.content.decode()
    assert "Anmelden, um zu unterstützen" in page
    assert "csrfmiddlewaretoken" not in page
    assert response["X-Page-Cache"] == "miss"
    assert get(client, idea)["X-Page-Cache"] == "hit"


def test_a_verified_citizen_sees_the_support_button(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    page = get(client, idea).content.decode()

    assert reverse("ideas:idea-support", args=[idea.process.slug, idea.pk]) in page
    assert 'data-hx-post="' in page
    assert ">Unterstützen</button>" in page


def test_an_unverified_person_is_asked_to_confirm(client, citizen, idea):
    client.force_login(citizen)

    page = get(client, idea).content.decode()

    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in page
    assert ">Unterstützen</button>" not in page


def test_the_author_gets_edit_and_withdraw_links_and_no_support_button(client, verified_citizen):
    idea = IdeaFactory(process=open_process(), author=verified_citizen)
    client.force_login(verified_citizen)

    page = get(client, idea).content.decode()

    assert reverse("ideas:idea-edit", args=[idea.process.slug, idea.pk]) in page
    assert reverse("ideas:idea-withdraw", args=[idea.process.slug, idea.pk]) in page
    assert "Das ist Ihre Idee" in page


def test_others_get_no_edit_links(client, verified_citizen, idea):
    client.force_login(verified_citizen)

    page = get(client, idea).content.decode()

    assert reverse("ideas:idea-edit", args=[idea.process.slug, idea.pk]) not in page


def test_a_withdrawn_idea_stays_visible_with_a_notice(client, idea):
    withdraw_idea(idea)

    page = get(client, idea).content.decode()

    assert "zurückgezogen" in page
    assert "Anmelden, um zu unterstützen" not in page


def test_without_supports_open_nobody_can_support(client, verified_citizen):
    idea = IdeaFactory(process=process_with_phase("ideas.comment"))
    client.force_login(verified_citizen)

    page = get(client, idea).content.decode()

    assert "Unterstützen ist in diesem Verfahren gerade nicht möglich." in page


def test_an_on_site_idea_shows_the_badge_the_channel_and_the_first_name(client, guide_mayen):
    import datetime as dt

    idea = IdeaFactory(
        process=open_process(),
        author=None,
        captured_by=guide_mayen,
        channel=Idea.Channel.STAND,
        contributor_name="Hanne",
        collected_on=dt.date(2026, 5, 9),
        collected_at="Wochenmarkt Mayen",
    )
    anonymous = IdeaFactory(process=idea.process, author=None, captured_by=guide_mayen, channel=Idea.Channel.PAPER)

    page = get(client, idea).content.decode()

    assert "vor Ort gesammelt" in page
    assert "am Infostand" in page
    assert "Wochenmarkt Mayen" in page
    assert "9. Mai 2026" in page
    assert "Hanne" in page
    assert guide_mayen.public_name not in page
    assert "anonym" in get(client, anonymous).content.decode()


def test_an_idea_of_a_deleted_account_is_signed_as_such(client):
    idea = IdeaFactory(process=open_process(), author=None)

    assert "Gelöschtes Konto" in get(client, idea).content.decode()


def test_the_status_note_is_public(client, idea):
    Idea.objects.filter(pk=idea.pk).update(status=Idea.Status.IN_REVIEW, status_note="Wir prüfen den Standort.")

    page = get(client, idea).content.decode()

    assert "in Prüfung" in page
    assert "Wir prüfen den Standort." in page


def test_the_map_loads_only_after_consent(client):
    idea = IdeaFactory(process=open_process(), latitude=50.33, longitude=7.22)

    page = get(client, idea).content.decode()

    assert "Karte laden" in page
    assert 'data-lat="50.33"' in page
    assert "tile.openstreetmap.org/1" not in page


def test_the_image_is_shown_with_its_description(client, idea):
    from django.core.files.base import ContentFile

    from .imagefiles import jpeg_bytes

    idea.image.save("bank.jpg", ContentFile(jpeg_bytes()), save=False)
    idea.image_alt = "Eine Holzbank am Marktplatz"
    idea.save()

    page = get(client, idea).content.decode()

    assert 'alt="Eine Holzbank am Marktplatz"' in page


# Who sees what -------------------------------------------------------------------


def test_a_pending_idea_is_seen_by_its_author_and_the_staff_only(client, verified_citizen, other_citizen, moderator):
    idea = IdeaFactory(process=open_process(), author=verified_citizen, moderation=Moderation.PENDING)

    assert get(client, idea).status_code == 404
    client.force_login(other_citizen)
    assert get(client, idea).status_code == 404
    client.force_login(verified_citizen)
    assert "wartet auf die Freigabe" in get(client, idea).content.decode()
    client.force_login(moderator)
    assert get(client, idea).status_code == 200


def test_an_idea_of_a_draft_process_is_not_found(client):
    idea = IdeaFactory(process=open_process(status=Process.Status.DRAFT))

    assert get(client, idea).status_code == 404


def test_the_idea_is_found_only_under_its_own_process(client, idea):
    other = open_process()

    assert client.get(reverse("ideas:idea-detail", args=[other.slug, idea.pk])).status_code == 404


def test_it_only_answers_get(client, idea):
    assert client.post(idea.get_absolute_url()).status_code == 405


# Query counts ---------------------------------------------------------------------


def count_queries(client, idea):
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        response = get(client, idea)
    assert response.status_code == 200
    return len(queries)


def count_hit_queries(client, idea):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, idea)
    assert response["X-Page-Cache"] == "hit"
    return len(queries)


def with_comments(idea, number):
    CommentFactory.create_batch(number, target=idea)
    for parent in CommentFactory.create_batch(3, target=idea):
        CommentFactory.create_batch(2, target=idea, parent=parent)


# Anonymous, rendered for the cache: the idea with process, author,
# municipality and focus area; its topics; the process's phases; region
# settings, home page and site links of the layout; the comment thread's two
# (comments, replies); and, noted for members' copies of the page, the
# supporters and the authors of comments waiting for approval.
ANONYMOUS_QUERIES = 10
# A member's copy of the cached page: session and user, however many
# comments. (Whether the address is verified is remembered in the session
# after the first request: RememberVerifiedAddressMiddleware.)
MEMBER_QUERIES = 2
# The author's page is rendered for them: the anonymous page's queries but
# the two notes; session, user, own support, and whether the jury has rated
# (the idea can be edited until then).
AUTHOR_QUERIES = ANONYMOUS_QUERIES - 2 + 4


def test_anonymous_query_count_is_pinned_and_does_not_grow_with_comments(client, idea):
    with_comments(idea, 5)
    get(client, idea)  # content types and the site root are cached after this
    few = count_queries(client, idea)

    with_comments(idea, 495)
    many = count_queries(client, idea)

    assert few == many == ANONYMOUS_QUERIES


def test_a_member_gets_the_cached_page_with_their_own_parts_in_a_constant_number_of_queries(
    client, verified_citizen, idea
):
    client.force_login(verified_citizen)
    with_comments(idea, 5)
    get(client, idea)
    # Cache empty: the page for the cache, then the member's copy.
    cold = count_queries(client, idea)
    few = count_hit_queries(client, idea)

    with_comments(idea, 495)
    support_idea(idea, verify_email(IdeaFactory().author))
    get(client, idea)
    many = count_hit_queries(client, idea)

    assert cold == ANONYMOUS_QUERIES + MEMBER_QUERIES
    assert few == many == MEMBER_QUERIES


def test_the_authors_page_is_rendered_for_them_in_a_constant_number_of_queries(client, verified_citizen, idea):
    idea.author = verified_citizen
    idea.save()
    client.force_login(verified_citizen)
    with_comments(idea, 5)
    get(client, idea)
    with CaptureQueriesContext(connection) as queries:
        response = get(client, idea)
    few = len(queries)
    with_comments(idea, 495)
    get(client, idea)
    with CaptureQueriesContext(connection) as queries:
        get(client, idea)
    many = len(queries)

    assert "X-Page-Cache" not in response
    assert "Idee bearbeiten" in response.content.decode()
    assert few == many == AUTHOR_QUERIES
