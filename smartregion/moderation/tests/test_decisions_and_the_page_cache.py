"""A moderation decision ends the cached pages that show contributions, when
it commits, and leaves the portal's editorial pages in the cache: a day of
moderating does not keep the whole site cold. A report changes no page."""

import pytest
from django.test import Client

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.participation.models import HiddenReason

pytestmark = pytest.mark.django_db

STORE = "/ideenspeicher/"


def test_hiding_an_idea_ends_the_idea_store_and_keeps_the_home_page(
    page_tree, idea, moderator, django_capture_on_commit_callbacks
):
    visitor = Client()
    visitor.get("/")
    assert idea.title in visitor.get(STORE).text
    assert visitor.get(STORE)["X-Page-Cache"] == "hit"
    staff = Client()
    log_in_with_second_factor(staff, moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/redaktion/moderation/idee/{idea.pk}/ausblenden/", {"hide-reason": HiddenReason.ADVERTISING}
        )

    assert response.status_code == 302
    store = visitor.get(STORE)
    assert store["X-Page-Cache"] == "miss"
    assert idea.title not in store.text
    assert visitor.get("/")["X-Page-Cache"] == "hit"


def test_a_report_ends_no_cached_page(page_tree, idea, reporter, django_capture_on_commit_callbacks):
    visitor = Client()
    visitor.get(STORE)
    member = Client()
    member.force_login(reporter)

    with django_capture_on_commit_callbacks(execute=True):
        member.post(f"/moderation/melden/idee/{idea.pk}/", {"reason": "spam", "text": "Werbung"})

    assert visitor.get(STORE)["X-Page-Cache"] == "hit"
