"""Counts in the backend's idea pages agree with their nouns ("1 Idee",
"2 Ideen")."""

import pytest

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.tests.factories import IdeaFactory

pytestmark = pytest.mark.django_db


def test_the_idea_page_says_one_support_and_one_comment_in_the_singular(client, editor):
    idea = IdeaFactory(support_count=1, comment_count=1)
    log_in_with_second_factor(client, editor)

    html = client.get(f"/redaktion/ideen/{idea.pk}/").content.decode()

    assert "1 Unterstützung, 1 Kommentar<" in html
