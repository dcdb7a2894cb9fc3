"""Who reaches which account and backend address: every persona against
every URL, one test per cell of the table below."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory, log_in_with_second_factor

# Personas: anonymous; citizen and other_citizen (registered, no role);
# editor_pw (an editor logged in with the password alone, no authenticator
# app yet); editor, moderator, guide (regional guide for Mayen) and admin
# (Administration), each with an authenticator app and a session confirmed
# with its code. {target} is a third person's account.
#
# Cells:
#   200      the page opens
#   login    302 to the login, /konto/login/?next=<url>
#   2fa      302 to setting up the second factor, /konto/2fa/totp/activate/
#   denied   302 to the backend's dashboard /redaktion/, Wagtail's answer to a
#            missing permission (with a message)
#   blocked  302 to the account's page in the backend; the block is made
MATRIX = """
                                         anonymous citizen other_citizen editor_pw editor moderator guide  admin
GET  /konto/                             login     200     200           200       200    200       200    200
GET  /konto/email/                       login     200     200           200       200    200       200    200
GET  /konto/password/change/             login     200     200           200       200    200       200    200
GET  /konto/2fa/                         login     200     200           200       200    200       200    200
GET  /konto/daten/                       login     200     200           200       200    200       200    200
GET  /konto/loeschen/                    login     200     200           200       200    200       200    200
GET  /redaktion/                         login     login   login         2fa       200    200       200    200
GET  /redaktion/pages/                   login     login   login         2fa       200    denied    denied denied
GET  /redaktion/konten/                  login     login   login         2fa       denied denied    denied 200
GET  /redaktion/konten/{target}/         login     login   login         2fa       denied denied    denied 200
POST /redaktion/konten/{target}/sperren/ login     login   login         2fa       denied denied    denied blocked
"""


def parse(table):
    lines = [line.split() for line in table.strip().splitlines()]
    personas, rows = lines[0], lines[1:]
    for method, path, *cells in rows:
        assert len(cells) == len(personas), path
        for persona, expected in zip(personas, cells, strict=True):
            yield pytest.param(method, path, persona, expected, id=f"{persona}-{method}-{path}")


CELLS = list(parse(MATRIX))


@pytest.fixture
def target(db):
    return UserFactory(email="target@example.org", display_name="Dritte Person")


def log_in(client, request, persona):
    if persona == "anonymous":
        return
    if persona in {"citizen", "other_citizen"}:
        client.force_login(request.getfixturevalue(persona))
    elif persona == "editor_pw":
        client.force_login(request.getfixturevalue("editor"))
    else:
        fixture = {"guide": "guide_mayen"}.get(persona, persona)
        log_in_with_second_factor(client, request.getfixturevalue(fixture))


def test_the_table_covers_every_persona_and_url():
    personas = {cell.values[2] for cell in CELLS}
    paths = {cell.values[1] for cell in CELLS}

    assert personas == {
        "anonymous",
        "citizen",
        "other_citizen",
        "editor_pw",
        "editor",
        "moderator",
        "guide",
        "admin",
    }
    assert len(paths) == 11
    assert len(CELLS) == 88


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "path", "persona", "expected"), CELLS)
def test_cell(client, request, target, method, path, persona, expected):
    url = path.format(target=target.pk)
    log_in(client, request, persona)

    response = client.get(url) if method == "GET" else client.post(url, {"block-reason": "Spam"})

    target.refresh_from_db()
    assert (target.blocked_reason == "Spam") is (expected == "blocked")
    if expected == "200":
        assert response.status_code == 200
        return
    assert response.status_code == 302
    assert (
        response.url
        == {
            "login": f"{reverse('account_login')}?next={url}",
            "2fa": reverse("mfa_activate_totp"),
            "denied": "/redaktion/",
            "blocked": f"/redaktion/konten/{target.pk}/",
        }[expected]
    )
