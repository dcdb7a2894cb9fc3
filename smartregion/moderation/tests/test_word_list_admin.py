"""Editors keep the word list in the backend (snippet "Wortliste");
moderators and citizens do not reach it; a broken pattern is refused."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.moderation.models import WatchedTerm, matches

ADD_URL = "wagtailsnippets_moderation_watchedterm:add"


def test_an_editor_adds_a_word_and_it_holds_at_once(client, editor):
    log_in_with_second_factor(client, editor)
    assert matches("Schimpfwort") == []
    response = client.post(reverse(ADD_URL), {"term": " Schimpfwort ", "note": ""})
    assert response.status_code == 302
    assert WatchedTerm.objects.get().term == "Schimpfwort"
    assert matches("So ein Schimpfwort") == ["Schimpfwort"]


def test_a_broken_pattern_is_refused_with_a_message(client, editor):
    log_in_with_second_factor(client, editor)
    response = client.post(reverse(ADD_URL), {"term": "(kaputt", "is_pattern": "on"})
    assert response.status_code == 200
    assert "Das Muster ist ungültig" in response.content.decode()
    assert not WatchedTerm.objects.exists()


@pytest.mark.parametrize("person", ["moderator", "admin"])
def test_other_staff_cannot_edit_the_list(client, request, person):
    log_in_with_second_factor(client, request.getfixturevalue(person))
    response = client.post(reverse(ADD_URL), {"term": "Wort"})
    assert response.status_code in (302, 403)
    assert not WatchedTerm.objects.exists()


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("(a+)+$", "Wiederholung enthält"),
        ("(a{2,})*b", "Wiederholung enthält"),
        ("x|", "leeren Text"),
        ("(?:a*)*", "leeren Text"),
    ],
)
def test_slow_or_empty_matching_patterns_are_refused(client, editor, pattern, message):
    log_in_with_second_factor(client, editor)

    response = client.post(reverse(ADD_URL), {"term": pattern, "is_pattern": "on"})

    assert message in response.content.decode()
    assert not WatchedTerm.objects.exists()


def test_a_slow_pattern_that_slipped_in_is_not_used(db):
    from smartregion.moderation.models import matches, terms_changed

    WatchedTerm.objects.create(term="(a+)+$", is_pattern=True)
    WatchedTerm.objects.create(term="Spam")
    terms_changed()

    assert matches("a" * 40 + "! Spam") == ["Spam"]
