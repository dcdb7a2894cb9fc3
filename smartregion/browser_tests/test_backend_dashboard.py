"""The backend's dashboard in Chromium: each role logs in with password
and authenticator code, finds what waits for it ("Was auf Sie wartet")
and follows a link there; and a new staff member's first login, from
setting up the authenticator app over the recovery codes into the
backend, with a next step on every page. axe-core checks each state."""

import datetime as dt
import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import timezone

from smartregion.accounts.roles import ADMINISTRATORS, EDITORS, GUIDES, JURORS
from smartregion.accounts.tests.factories import UserFactory, enable_totp, staff_group, totp_code, verify_email
from smartregion.events.tests.factories import EventFactory, RegistrationFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.tests.jury_setup import jury_process
from smartregion.region.models import Municipality

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # A code typed in the last moment of its 30-second period is checked in
    # the next one; one period of tolerance keeps the clock out of the test.
    settings.MFA_TOTP_TOLERANCE = 1


def staff_member(email, group):
    return verify_email(UserFactory(email=email, display_name=email.split("@")[0], groups=[staff_group(group)]))


@pytest.fixture
def waiting_work(demo):
    """For each role something that waits, and the person."""
    juror = staff_member("jurorin.dashboard@example.org", JURORS)
    process = jury_process(juror, title="Dorfideen Dashboard", slug="dorfideen-dashboard")
    IdeaFactory.create_batch(2, process=process)

    guide = staff_member("lotsin.dashboard@example.org", GUIDES)
    mayen = Municipality.objects.get(slug="mayen")
    guide.guide_municipalities.add(mayen)
    event = EventFactory(
        municipality=mayen,
        title="Dashboard-Dialog Mayen",
        starts_at=timezone.now() + dt.timedelta(hours=2),
        ends_at=timezone.now() + dt.timedelta(hours=4),
    )
    RegistrationFactory.create_batch(3, event=event)

    admin = staff_member("administration.dashboard@example.org", ADMINISTRATORS)
    UserFactory(email="gesperrt@example.org", blocked_reason="Spam")

    editor = staff_member("redaktion.dashboard@example.org", EDITORS)
    return {"juror": juror, "guide": guide, "admin": admin, "editor": editor, "process": process, "event": event}


ROLES = {
    # role: (heading, link text, the address it leads to, what shows there)
    "juror": (
        "Wartet auf Ihre Bewertung",
        "Noch nicht bewertete Ideen in „Dorfideen Dashboard“",
        "**/redaktion/jury/dorfideen-dashboard/",
        "Sie haben 0 von 2 Ideen bewertet.",
    ),
    "guide": (
        "Ihre nächsten Veranstaltungen",
        re.compile("Anmeldungen zu „Dashboard-Dialog Mayen“"),
        re.compile(r".*/redaktion/veranstaltungen/\d+/anmeldungen/$"),
        "Dashboard-Dialog Mayen",
    ),
    "admin": ("Konten", "Gesperrte Konten", "**/redaktion/konten/?blocked=on", "gesperrt@example.org"),
    "editor": (
        "Wartet auf die Redaktion",
        "Eingereichte Ideen ohne Antwort",
        "**/redaktion/ideen/?status=submitted",
        None,
    ),
}


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_finds_what_waits_for_it_and_follows_the_link(staff_page, axe_source, waiting_work, role):
    heading, link, target, shown = ROLES[role]
    user = waiting_work[role]
    axe = Axe(axe_source)

    page = staff_page(user, enable_totp(user))

    assert page.title() == "Dashboard - Smarte Region"
    panel = page.locator("section", has=page.get_by_role("heading", name=heading))
    assert panel.is_visible()
    for other_role, (other_heading, *_rest) in ROLES.items():
        if other_role != role and other_heading != heading:
            assert page.get_by_role("heading", name=other_heading).count() == 0
    axe.check(page, f"dashboard of the {role}")
    panel.get_by_role("link", name=link).click()
    page.wait_for_url(target)
    if shown:
        assert page.get_by_text(shown).first.is_visible()
    else:
        assert page.locator("select[name=status]").input_value() == "submitted"
    axe.assert_clean()


def next_period_code(secret):
    """The code of the next 30-second period: accepted with one period of
    tolerance, and never the code just used (allauth refuses a code twice)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + 1
    return format_hotp_value(hotp_value(secret, counter))


def test_a_new_staff_member_sets_up_the_app_and_goes_on_to_the_backend(new_context, axe_source, demo):
    guide = staff_member("neue.lotsin@example.org", GUIDES)
    guide.guide_municipalities.add(Municipality.objects.get(slug="mayen"))
    axe = Axe(axe_source)
    page = new_context(console_errors=True).new_page()

    page.goto("/redaktion/veranstaltungen/")
    page.wait_for_url(re.compile(r".*/konto/login/.*"))
    page.get_by_label("E-Mail").fill(guide.email)
    page.get_by_label("Passwort").fill("ein-langes-testpasswort")
    page.locator("main").get_by_role("button", name="Anmelden").click()

    # allauth asks for the password once more before an app is added.
    page.wait_for_url(re.compile(r".*/konto/reauthenticate/.*"))
    assert page.get_by_text("Für die Redaktion brauchen Sie eine Anmeldung in zwei Schritten").is_visible()
    page.get_by_label("Passwort").fill("ein-langes-testpasswort")
    page.locator("main").get_by_role("button", name="Bestätigen").click()

    page.wait_for_url("**/konto/2fa/totp/activate/")
    axe.check(page, "setting up the app")
    secret = page.get_by_label("Oder tippen Sie diesen Schlüssel in die App ein").input_value()
    page.get_by_label("Authentifizierungscode").fill(totp_code(secret))
    page.locator("main").get_by_role("button", name="Aktivieren").click()

    page.wait_for_url("**/konto/2fa/recovery-codes/")
    assert page.get_by_role("heading", name="Ihre Wiederherstellungscodes").is_visible()
    assert page.get_by_role("list", name="Unbenutzte Codes").get_by_role("listitem").count() == 10
    axe.check(page, "recovery codes")
    page.get_by_role("link", name="Weiter zur Redaktion").click()

    # Setting up proves the app, not this login: the code is asked once.
    page.wait_for_url(re.compile(r".*/konto/2fa/reauthenticate/\?next=/redaktion/veranstaltungen/"))
    page.locator("input[name=code]").fill(next_period_code(secret))
    page.locator("input[name=code]").press("Enter")

    page.wait_for_url("**/redaktion/veranstaltungen/")
    assert page.title() == "Veranstaltungen - Smarte Region"
    axe.assert_clean()
