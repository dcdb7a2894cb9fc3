"""An account administrator blocks and unblocks a citizen in the backend
("Konten" under /redaktion/), in Chromium: logged in the real way (password
and the authenticator's code), search, the account page, a block without a
reason refused, the block with a reason, which ends the citizen's open
session at once and keeps them from logging in, then the unblock, after
which they log in again; the account's log names both actions.

Every CSP violation, script error and console error in the backend fails
the test, and axe-core checks each state of each page."""

import re

import pytest
from playwright.sync_api import expect

from smartregion.accounts.models import AccountAction
from smartregion.accounts.roles import ADMINISTRATORS
from smartregion.accounts.tests.factories import PASSWORD, UserFactory, enable_totp, staff_group, verify_email

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

REASON = "Wiederholt beleidigende Kommentare unter Ideen."
UNBLOCK_REASON = "Hat sich entschuldigt; Sperre nach Rücksprache aufgehoben."


@pytest.fixture
def people(demo):
    admin = verify_email(
        UserFactory(
            email="kontenverwaltung@example.org",
            display_name="Kontenverwaltung",
            groups=[staff_group(ADMINISTRATORS)],
        )
    )
    citizen = verify_email(
        UserFactory(email="karl.kommentar@example.org", display_name="Karl K.", first_name="Karl", last_name="Kurz")
    )
    return admin, enable_totp(admin), citizen


def log_in_on_the_site(page, user):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("load")


def test_an_administrator_blocks_and_unblocks_a_citizen(staff_page, new_context, axe_source, people):
    admin, secret, citizen = people
    axe = Axe(axe_source)

    # The citizen is logged in on the public site.
    site = new_context().new_page()
    log_in_on_the_site(site, citizen)
    expect(site.get_by_role("button", name="Abmelden").first).to_be_visible()

    page = staff_page(admin, secret, "/redaktion/konten/")
    axe.check(page, "list of accounts")
    page.get_by_role("search").get_by_label("E-Mail-Adresse oder Name").fill("Kurz")
    page.get_by_role("search").get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile(r"/redaktion/konten/\?q=Kurz"))
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text("Karl K.")
    expect(rows).to_contain_text("aktiv")
    axe.check(page, "search result")

    rows.get_by_role("link", name=citizen.email).click()
    page.wait_for_url(f"**/redaktion/konten/{citizen.pk}/")
    axe.check(page, "account page")

    # Without a reason: refused, nothing changes.
    block = page.locator("form", has=page.get_by_role("button", name="Konto sperren"))
    block.get_by_role("button", name="Konto sperren").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("Bitte geben Sie einen Grund für die Sperre an.")).to_be_visible()
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""
    axe.check(page, "block without a reason")

    page.get_by_label("Grund der Sperre").fill(REASON)
    page.get_by_role("button", name="Konto sperren").click()
    page.wait_for_url(f"**/redaktion/konten/{citizen.pk}/")
    expect(page.get_by_text("Das Konto ist gesperrt.")).to_be_visible()
    expect(page.locator("main")).to_contain_text(REASON)
    axe.check(page, "blocked account")
    citizen.refresh_from_db()
    assert citizen.blocked_reason == REASON

    # The citizen's open session ends at the next request, with the reason;
    # logging in again is refused.
    site.goto("/")
    expect(site.get_by_role("heading", name="Ihr Konto ist gesperrt")).to_be_visible()
    expect(site.locator("main")).to_contain_text(REASON)
    log_in_on_the_site(site, citizen)
    expect(site.get_by_role("heading", name="Ihr Konto ist gesperrt")).to_be_visible()

    # Unblocking needs a reason too.
    page.get_by_role("button", name="Konto entsperren").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("Bitte geben Sie einen Grund für die Entsperrung an.")).to_be_visible()
    axe.check(page, "unblock without a reason")
    page.get_by_label("Grund der Entsperrung").fill(UNBLOCK_REASON)
    page.get_by_role("button", name="Konto entsperren").click()
    page.wait_for_url(f"**/redaktion/konten/{citizen.pk}/")
    expect(page.get_by_text("Das Konto ist entsperrt.")).to_be_visible()
    log = page.get_by_role("table", name=re.compile("Aktionen an diesem Konto"))
    expect(log.locator("tbody tr")).to_have_count(2)
    expect(log).to_contain_text(REASON)
    expect(log).to_contain_text(UNBLOCK_REASON)
    expect(log).to_contain_text(admin.email)
    axe.check(page, "unblocked account with its log")
    citizen.refresh_from_db()
    assert citizen.blocked_reason == ""
    assert AccountAction.objects.filter(target=citizen, actor=admin).count() == 2

    # The list shows the account as active again.
    page.goto("/redaktion/konten/?q=Kurz")
    expect(page.locator("main table tbody tr")).to_contain_text("aktiv")

    # And the citizen logs in again.
    log_in_on_the_site(site, citizen)
    expect(site.get_by_role("heading", name="Ihr Konto ist gesperrt")).to_have_count(0)
    expect(site.get_by_role("button", name="Abmelden").first).to_be_visible()
    axe.assert_clean()
