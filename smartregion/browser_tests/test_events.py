"""The event pages in Chromium: the list, the archive, an event in every
state of its registration box, and a guest's and a member's way through
registration, confirmation and cancellation, with axe-core on every page
state (WCAG 2.1 A/AA, no violation allowed). The map of a place loads tiles
only after "Karte laden".

The live server runs in a thread of the test process, so the mails it sends
land in django.core.mail.outbox of this test."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import PASSWORD, UserFactory, verify_email
from smartregion.events.models import Event, EventRegistration
from smartregion.events.tests.factories import EventFactory, RegistrationFactory, in_days

from .conftest import TINY_PNG, Axe, browser_db, format_violations, run_axe

pytestmark = [pytest.mark.browser, browser_db]

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/veranstaltungen/anmeldung/[^/\s]+/bestaetigen/)")
CANCEL_LINK = re.compile(r"https?://[^/\s]+(/veranstaltungen/anmeldung/[^/\s]+/abmelden/)")
GUEST = "gast@example.org"


def link_from(pattern, to):
    messages = [message for message in mail.outbox if message.to == [to]]
    assert messages, f"No mail to {to} in {[m.to for m in mail.outbox]}"
    match = pattern.search(messages[-1].body)
    assert match, messages[-1].body
    return match.group(1)


def submit(page, name):
    page.locator("main").get_by_role("button", name=name).click()
    page.wait_for_load_state("load")


@pytest.fixture
def events(demo):
    open_event = EventFactory(
        title="Kommunaldialog im Bürgerhaus",
        capacity=20,
        question="Welches Thema liegt Ihnen am Herzen?",
        latitude=50.3275,
        longitude=7.2259,
        step_free=True,
        hearing_loop=True,
    )
    full = EventFactory(title="Ausgebuchte Werkstatt", kind=Event.Kind.WERKSTATT, capacity=1)
    RegistrationFactory(event=full)
    closed = EventFactory(title="Fortbildung mit Anmeldeschluss", registration_deadline=in_days(-1))
    past = EventFactory(
        title="Zukunftsforum des letzten Jahres",
        kind=Event.Kind.ZUKUNFTSFORUM,
        starts_at=in_days(-30, 10),
        ends_at=in_days(-30, 16),
        documentation=[{"type": "text", "value": "<p>Über 120 Menschen haben mitdiskutiert.</p>"}],
    )
    return {"open": open_event, "full": full, "closed": closed, "past": past}


def test_list_detail_and_a_guests_registration_pass_axe(new_context, axe_source, events):
    axe = Axe(axe_source)
    page = new_context().new_page()

    page.goto("/veranstaltungen/")
    assert page.get_by_role("link", name="Kommunaldialog im Bürgerhaus").is_visible()
    axe.check(page, "list")
    page.goto("/veranstaltungen/?kind=werkstatt")
    axe.check(page, "list filtered")
    page.goto("/veranstaltungen/archiv/")
    axe.check(page, "archive")
    page.goto(events["past"].get_absolute_url())
    assert page.get_by_text("Über 120 Menschen haben mitdiskutiert.").is_visible()
    axe.check(page, "past event with documentation")
    page.goto(events["closed"].get_absolute_url())
    assert page.get_by_text("Die Anmeldung ist geschlossen.").is_visible()
    axe.check(page, "closed")
    page.goto(events["full"].get_absolute_url())
    assert page.get_by_role("button", name="Auf die Warteliste setzen").is_visible()
    axe.check(page, "full (waitlist)")

    page.goto(events["open"].get_absolute_url())
    axe.check(page, "open")
    submit(page, "Jetzt anmelden")
    assert page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben").is_visible()
    assert not EventRegistration.objects.filter(event=events["open"]).exists()
    axe.check(page, "guest form with errors")
    page.get_by_label("Ihr Name").fill("Gerda Gast")
    page.get_by_label("Ihre E-Mail-Adresse").fill(GUEST)
    submit(page, "Jetzt anmelden")
    assert page.get_by_role("heading", name="Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung").is_visible()
    axe.check(page, "registration sent")

    page.goto(link_from(CONFIRM_LINK, GUEST))
    axe.check(page, "confirmation page")
    submit(page, "Anmeldung bestätigen")
    assert page.get_by_text("Ihre Anmeldung ist bestätigt.", exact=False).first.is_visible()
    axe.check(page, "confirmed")

    page.goto(link_from(CANCEL_LINK, GUEST))
    axe.check(page, "cancellation page")
    submit(page, "Ja, abmelden")
    assert page.get_by_text("Sie sind von dieser Veranstaltung abgemeldet.").is_visible()
    axe.check(page, "cancelled")
    registration = EventRegistration.objects.get(email=GUEST)
    assert registration.status == EventRegistration.Status.CANCELLED

    axe.assert_clean()


def test_a_member_registers_sees_it_on_the_profile_and_cancels_there(new_context, axe_source, events):
    axe = Axe(axe_source)
    member = verify_email(UserFactory(email="mitglied@example.org", display_name="Mitglied"))
    page = new_context().new_page()
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(member.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    submit(page, "Anmelden")

    page.goto(events["open"].get_absolute_url())
    axe.check(page, "open, as a member")
    submit(page, "Jetzt anmelden")
    assert page.get_by_text("Sie sind angemeldet.", exact=True).is_visible()
    axe.check(page, "registered")

    page.goto(events["full"].get_absolute_url())
    submit(page, "Auf die Warteliste setzen")
    assert page.get_by_text("Sie stehen auf der Warteliste, auf Platz 1.", exact=False).is_visible()
    axe.check(page, "on the waitlist")

    page.goto("/konto/")
    section = page.locator("section", has=page.get_by_role("heading", name="Meine Veranstaltungen"))
    assert section.get_by_role("link", name="Kommunaldialog im Bürgerhaus").is_visible()
    axe.check(page, "profile with registrations")
    section.get_by_role("button", name="Von „Kommunaldialog im Bürgerhaus“ abmelden").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/konto/")
    assert (
        EventRegistration.objects.get(user=member, event=events["open"]).status == EventRegistration.Status.CANCELLED
    )
    axe.check(page, "profile after cancelling")

    axe.assert_clean()


def test_the_event_map_loads_tiles_only_after_consent(new_context, events):
    tile_host = urlsplit(settings.MAP_TILE_URL).netloc
    page = new_context().new_page()
    clicked = False
    requests = []
    page.on("request", lambda request: requests.append((request.url, clicked)))
    tiles = []

    def serve_tile(route):
        tiles.append(clicked)
        route.fulfill(status=200, content_type="image/png", body=TINY_PNG)

    page.route(re.compile(rf"^https?://{re.escape(tile_host)}/"), serve_tile)

    page.goto(events["open"].get_absolute_url())
    page.wait_for_load_state("networkidle")
    server = page.evaluate("location.origin")
    before = [url for url, after in requests if not after and not url.startswith(server + "/")]
    assert not before, "Requests to other hosts before 'Karte laden':\n" + "\n".join(before)
    assert not page.locator("#map").is_visible()

    clicked = True
    page.get_by_role("button", name="Karte laden").click()
    expect(page.locator("#map .leaflet-tile-loaded").first).to_be_attached()
    assert tiles and all(tiles)
    assert page.locator("#map path.leaflet-interactive").count() == 1


def test_without_javascript_the_event_page_still_registers(browser, demo, events):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(events["open"].get_absolute_url())
        assert not page.get_by_role("button", name="Karte laden").is_visible()
        page.get_by_label("Ihr Name").fill("Ohne Skript")
        page.get_by_label("Ihre E-Mail-Adresse").fill("ohne.skript@example.org")
        submit(page, "Jetzt anmelden")
        assert "anmeldung-gesendet" in page.url
    finally:
        context.close()


@pytest.mark.parametrize("name", ["list", "open"])
def test_the_event_pages_fit_a_phone_and_the_csp_blocks_nothing(new_context, axe_source, events, name):
    path = "/veranstaltungen/" if name == "list" else events["open"].get_absolute_url()
    blocked = []
    context = new_context(viewport={"width": 1280, "height": 900})
    context.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page = context.new_page()
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert not blocked, "\n".join(blocked)

    phone = new_context(viewport={"width": 320, "height": 640}).new_page()
    phone.goto(path)
    wide = phone.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320)"
        ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320, wide
    violations = run_axe(phone, axe_source)
    assert not violations, format_violations(violations)
