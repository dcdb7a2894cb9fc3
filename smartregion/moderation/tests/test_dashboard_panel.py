"""The panel "Wartet auf Moderation" on the backend's dashboard: how many
reported items, items waiting for approval and objections wait in the
moderator's own queue, each linked to the queue filtered to it."""

import pytest

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.moderation.tests.queue_setup import (
    QUEUE,
    hidden_with_objection,
    pending_comment,
    reported_comment,
    reported_idea,
)

pytestmark = pytest.mark.django_db

HEADING = "Wartet auf Moderation"


def panel_of(response):
    page = response.content.decode()
    start = page.index('id="waiting-moderation-section"')
    return page[start : page.index("</section>", start)]


def test_a_moderator_sees_the_counts_with_links(client, moderator, mayen, other_moderator):
    reported_comment(mayen)
    reported_idea(mayen, reports=3)
    pending_comment(mayen)
    hidden_with_objection(mayen, other_moderator)
    log_in_with_second_factor(client, moderator)

    response = client.get("/redaktion/")

    assert HEADING in response.content.decode()
    panel = " ".join(panel_of(response).split())
    assert f'href="{QUEUE}?art=meldungen">gemeldete Beiträge</a>' in panel
    assert f'href="{QUEUE}?art=freigabe">Beitrag wartet auf Freigabe</a>' in panel
    assert f'href="{QUEUE}?art=widersprueche">Widerspruch wartet auf Entscheidung</a>' in panel
    assert '<span class="w-status w-status--primary">2</span>' in panel
    assert panel.count('<span class="w-status w-status--primary">1</span>') == 2


def test_the_counts_follow_the_moderators_municipalities(client, moderator_mayen, mayen, mendig):
    reported_comment(mayen)
    reported_comment(mendig)
    pending_comment(mendig)
    log_in_with_second_factor(client, moderator_mayen)

    panel = panel_of(client.get("/redaktion/"))

    assert panel.count('<span class="w-status w-status--primary">1</span>') == 1
    assert panel.count('<span class="w-status">0</span>') == 2


def test_an_empty_queue_shows_zeros(client, moderator):
    log_in_with_second_factor(client, moderator)
    panel = panel_of(client.get("/redaktion/"))
    assert panel.count('<span class="w-status">0</span>') == 3


@pytest.mark.parametrize("persona", ["editor", "guide_mayen", "juror", "admin"])
def test_other_staff_do_not_see_the_panel(client, request, persona, mayen):
    reported_comment(mayen)
    log_in_with_second_factor(client, request.getfixturevalue(persona))
    response = client.get("/redaktion/")
    assert response.status_code == 200
    assert HEADING not in response.content.decode()
