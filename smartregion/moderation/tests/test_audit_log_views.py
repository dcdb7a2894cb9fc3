"""The audit log in the backend: for moderators and account
administrators, per item and per person (what they did, what happened to
their contributions), as CSV safe to open in a spreadsheet; no way to edit
or delete an entry."""

import csv
import io

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import actions, audit
from smartregion.moderation.models import ModerationAction
from smartregion.moderation.tests.queue_setup import LOG, LOG_CSV, new_citizen, reported_comment
from smartregion.participation.models import HiddenReason

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_moderator(client, moderator):
    return log_in_with_second_factor(client, moderator)


@pytest.fixture
def history(moderator, mayen):
    """A reported comment hidden by `moderator`, and another item."""
    comment = reported_comment(mayen, text='=HYPERLINK("http://evil.example")')
    actions.hide(comment, moderator, HiddenReason.DISRESPECTFUL, "+Beleidigung")
    other = reported_comment(mayen, text="ein anderer Kommentar")
    return comment, other


def entries(response):
    return list(response.context["page"].object_list)


def test_the_log_lists_every_action_newest_first(as_moderator, history):
    response = as_moderator.get(LOG)
    assert response.status_code == 200
    listed = entries(response)
    assert len(listed) == 3  # two reports, one hide
    assert listed == sorted(listed, key=lambda entry: (entry.created_at, entry.pk), reverse=True)
    page = response.content.decode()
    assert "ausgeblendet" in page
    assert "respektlos oder beleidigend" in page
    assert "sichtbar → ausgeblendet" in page


def test_the_log_of_one_item(as_moderator, history):
    comment, other = history
    response = as_moderator.get(LOG, {"beitrag": f"kommentar:{comment.pk}"})
    assert {entry.object_id for entry in entries(response)} == {comment.pk}
    assert [entry.action for entry in entries(response)] == ["hide", "report"]
    assert "Nur der Beitrag: Kommentar Nr." in response.content.decode()


def test_the_log_of_one_person_shows_what_they_did_and_what_happened_to_their_items(
    as_moderator, moderator, history, mayen
):
    comment, other = history
    # The author of the hidden comment also reported somebody else's idea.
    idea = IdeaFactory(municipality=mayen)
    actions.report(idea, comment.author, "spam")

    response = as_moderator.get(LOG, {"person": comment.author.email.upper()})

    listed = entries(response)
    assert {(entry.action, entry.object_id) for entry in listed} == {
        ("report", comment.pk),
        ("hide", comment.pk),
        ("report", idea.pk),
    }
    response = as_moderator.get(LOG, {"person": moderator.email})
    assert [entry.action for entry in entries(response)] == ["hide"]


def test_an_unknown_person_or_item_is_said_in_german(as_moderator, history):
    response = as_moderator.get(LOG, {"person": "niemand@example.org"})
    assert response.status_code == 400
    assert "Zu dieser E-Mail-Adresse gibt es kein Konto." in response.content.decode()
    assert entries(response) == []
    response = as_moderator.get(LOG, {"person": "kein-name"})
    assert response.status_code == 400
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in response.content.decode()
    response = as_moderator.get(LOG, {"beitrag": "umfrage:1"})
    assert response.status_code == 400
    assert "Unbekannter Beitrag." in response.content.decode()
    response = as_moderator.get(LOG, {"aktion": "delete"})
    assert response.status_code == 400


def test_the_log_is_paged_and_needs_a_fixed_number_of_queries(as_moderator, mayen, django_assert_num_queries):
    for n in range(3):
        comment = CommentFactory(target=IdeaFactory(municipality=mayen), text=f"Kommentar {n}")
        actions.report(comment, new_citizen(), "spam")
    as_moderator.get(LOG)
    with django_assert_num_queries(LOG_QUERIES):
        small = as_moderator.get(LOG)
    for n in range(60):
        comment = CommentFactory(target=IdeaFactory(municipality=mayen), text=f"Noch ein Kommentar {n}")
        actions.report(comment, new_citizen(), "spam")
    with django_assert_num_queries(LOG_QUERIES):
        big = as_moderator.get(LOG)
    assert len(entries(small)) == 3
    assert len(entries(big)) == 50
    assert as_moderator.get(LOG, {"p": 2}).context["page"].number == 2


# Session, user, the user's and the groups' permissions, authenticator,
# Wagtail's user profile, group names; the count and the page of entries
# with their actors; Wagtail's menu (locales, page and collection
# permissions). The content types come from Django's cache.
LOG_QUERIES = 12


def test_the_csv_has_every_entry_and_defuses_formulas(as_moderator, history):
    comment, other = history

    response = as_moderator.get(LOG_CSV, {"beitrag": f"kommentar:{comment.pk}"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="moderationsprotokoll-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Zeitpunkt",
        "Beitragsart",
        "Beitrag Nr.",
        "Beitrag",
        "Aktion",
        "von",
        "Grund",
        "Notiz",
        "Zustand vorher",
        "Zustand nachher",
    ]
    hide = rows[1]
    assert hide[1] == "Kommentar"
    assert hide[2] == str(comment.pk)
    assert hide[3].startswith("Kommentar „=HYPERLINK")  # starts with a letter: harmless
    assert hide[4] == "ausgeblendet"
    assert hide[6] == "respektlos oder beleidigend"
    assert hide[7] == "'+Beleidigung"
    assert (hide[8], hide[9]) == ("sichtbar", "ausgeblendet")
    assert len(rows) == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 261", "'+49 261"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("harmlos = ja", "harmlos = ja"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(value, expected):
    assert audit.safe_cell(value) == expected


def test_the_csv_follows_the_filters_and_refuses_bad_ones(as_moderator, history, moderator):
    text = b"".join(as_moderator.get(LOG_CSV, {"person": moderator.email}).streaming_content).decode()
    assert len(text.strip().splitlines()) == 2  # header and the hide
    response = as_moderator.get(LOG_CSV, {"person": "niemand@example.org"})
    assert response.status_code == 302
    assert response.url.startswith(LOG)


def test_account_administrators_read_the_log_and_find_it_in_the_menu(client, admin, history):
    log_in_with_second_factor(client, admin)
    assert client.get(LOG).status_code == 200
    assert client.get(LOG_CSV).status_code == 200
    assert f'"url": "{LOG}"' in client.get("/redaktion/").content.decode()


def test_an_account_page_links_to_the_persons_moderation_log(client, admin, citizen):
    log_in_with_second_factor(client, admin)
    page = client.get(f"/redaktion/konten/{citizen.pk}/").content.decode()
    assert f"{LOG}?person=citizen%40example.org" in page


@pytest.mark.parametrize("persona", ["editor", "guide_mayen", "juror"])
def test_other_staff_cannot_read_the_log(client, request, persona, history):
    log_in_with_second_factor(client, request.getfixturevalue(persona))
    assert client.get(LOG).url == "/redaktion/"
    assert client.get(LOG_CSV).url == "/redaktion/"


def test_the_backend_offers_no_way_to_change_or_delete_the_log(moderator, history):
    """Every address of the moderation backend: the log's answer only GET;
    the decisions add entries but none changes or removes one."""
    client = log_in_with_second_factor(Client(), moderator)
    for url in (LOG, LOG_CSV):
        for method in ("post", "put", "patch", "delete"):
            assert getattr(client, method)(url).status_code == 405
    resolver = get_resolver()
    names = {name for name in resolver.reverse_dict if isinstance(name, str)}
    moderation_names = {
        name
        for namespace, (prefix, sub) in resolver.namespace_dict.items()
        if namespace == "moderation_admin"
        for name in sub.reverse_dict
        if isinstance(name, str)
    }
    assert names  # the resolver is loaded
    assert moderation_names == {
        "queue",
        "bulk",
        "log",
        "log-csv",
        "objection-decide",
        "item",
        "item-approve",
        "item-hide",
        "item-restore",
        "item-dismiss",
    }
    count = ModerationAction.objects.count()
    # Nor is there a snippet or model admin for it.
    for path in ("/redaktion/snippets/moderation/moderationaction/", "/redaktion/moderation/protokoll/1/"):
        assert client.get(path).status_code == 404
    assert ModerationAction.objects.count() == count
    assert reverse("moderation_admin:log") == LOG
