"""Who reaches which page of the moderation backend, as a role x scope
matrix: every persona against every address, on a reported comment in
Mendig (one cell per test).

Cells:
  200      the page opens (for a POST: the decision is made, 302 back)
  login    302 to the login (no backend access)
  denied   302 to the backend's dashboard (Wagtail's answer to a missing
           permission), nothing changed
  skipped  302 back to the queue, the item named as not in the moderator's
           municipalities, nothing changed
"""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.models import Comment
from smartregion.moderation.models import Objection, Report
from smartregion.moderation.tests.queue_setup import (
    hidden_with_objection,
    new_moderator,
    reported_comment,
    reports_of,
)
from smartregion.participation.models import HiddenReason

pytestmark = pytest.mark.django_db

MATRIX = """
                                 county mayen_only editor guide juror admin citizen anonymous
GET  queue                       200    200        denied denied denied denied login login
GET  item                        200    denied     denied denied denied denied login login
POST hide                        200    denied     denied denied denied denied login login
POST dismiss                     200    denied     denied denied denied denied login login
POST bulk                        200    skipped    denied denied denied denied login login
POST objection                   200    denied     denied denied denied denied login login
GET  log                         200    200        denied denied denied 200    login login
GET  csv                         200    200        denied denied denied 200    login login
"""


def parse(table):
    lines = [line.split() for line in table.strip().splitlines()]
    personas, rows = lines[0], lines[1:]
    for method, page, *cells in rows:
        for persona, expected in zip(personas, cells, strict=True):
            yield pytest.param(method, page, persona, expected, id=f"{persona}-{method}-{page}")


CELLS = list(parse(MATRIX))


@pytest.fixture
def setting(mendig, mayen, moderator):
    comment = reported_comment(mendig, reports=2)
    # An objection against a hide by another county-wide moderator, so
    # that `moderator` may decide it.
    hider = new_moderator("hider@example.org", "Erste Moderatorin")
    hidden, objection = hidden_with_objection(mendig, hider)
    return {"comment": comment, "hidden": hidden, "objection": objection}


def log_in(client, request, persona, mayen):
    if persona == "anonymous":
        return None
    if persona == "citizen":
        user = request.getfixturevalue("citizen")
        client.force_login(user)
        return user
    if persona == "mayen_only":
        user = new_moderator("moderation.mayen@example.org", "Moderation Mayen", [mayen])
    else:
        user = request.getfixturevalue(
            {"county": "moderator", "guide": "guide_mayen", "juror": "juror", "admin": "admin", "editor": "editor"}[
                persona
            ]
        )
    log_in_with_second_factor(client, user)
    return user


def call(client, method, page, setting):
    comment, objection = setting["comment"], setting["objection"]
    item = reverse("moderation_admin:item", args=["kommentar", comment.pk])
    if page == "queue":
        return client.get(reverse("moderation_admin:queue"))
    if page == "item":
        return client.get(item)
    if page == "hide":
        return client.post(f"{item}ausblenden/", {"hide-reason": HiddenReason.DISRESPECTFUL})
    if page == "dismiss":
        return client.post(f"{item}zurueckweisen/", {})
    if page == "bulk":
        return client.post(
            reverse("moderation_admin:bulk"),
            {"bulk-items": [f"kommentar:{comment.pk}"], "bulk-decision": "dismiss"},
        )
    if page == "objection":
        return client.post(
            reverse("moderation_admin:objection-decide", args=[objection.pk]), {"objection-decision": "reject"}
        )
    if page == "log":
        return client.get(reverse("moderation_admin:log"))
    return client.get(reverse("moderation_admin:log-csv"))


def test_the_table_covers_every_persona_and_page():
    assert {cell.values[2] for cell in CELLS} == {
        "county",
        "mayen_only",
        "editor",
        "guide",
        "juror",
        "admin",
        "citizen",
        "anonymous",
    }
    assert len(CELLS) == 8 * 8


@pytest.mark.parametrize(("method", "page", "persona", "expected"), CELLS)
def test_cell(client, request, setting, mayen, method, page, persona, expected):
    log_in(client, request, persona, mayen)
    comment, objection = setting["comment"], setting["objection"]

    response = call(client, method, page, setting)

    comment.refresh_from_db()
    objection.refresh_from_db()
    open_reports = reports_of(comment).filter(status=Report.Status.OPEN).count()
    if expected == "200":
        if method == "GET":
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert response.url.startswith("/redaktion/moderation/")
            changed = {
                "hide": comment.status == Comment.Status.HIDDEN,
                "dismiss": open_reports == 0,
                "bulk": open_reports == 0,
                "objection": objection.status == Objection.Status.REJECTED,
            }[page]
            assert changed
        return
    assert response.status_code == 302
    if expected == "skipped":
        assert response.url == reverse("moderation_admin:queue")
    elif expected == "login":
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.url == reverse("wagtailadmin_home")
    # Nothing changed.
    assert comment.status == Comment.Status.VISIBLE
    assert open_reports == 2
    assert objection.status == Objection.Status.OPEN
