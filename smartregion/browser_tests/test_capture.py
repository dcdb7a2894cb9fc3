"""A regional guide enters an idea from a paper card in the backend, with
the keyboard only, after logging in with password and authenticator code:
the process (only those taking ideas now are offered), the municipality,
then one of its places as citizens choose them, and a point on the map
set with the keyboard. The backend first shows a similar idea of the
process, as the public form does; saved, the idea shows on its public
page and in the Ideenspeicher with the badge "vor Ort gesammelt".

Every CSP violation, script error and console error fails the test
(console_errors=True), and axe-core checks each state of the page: empty,
with errors, with the map, with the similar ideas, the saved idea, the
list. The form shows its own error summary instead of Wagtail's red
message banner, whose white text on #d35c5c (3.8:1) axe reports."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import enable_totp, totp_code
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import open_process, process_with_phase
from smartregion.region.models import Municipality

from .conftest import TINY_PNG, Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

GUIDE_EMAIL = "lotsin@demo.invalid"
GUIDE_PASSWORD = "demo-lotsin-2026"
PROCESS_TITLE = "Ideen für Mayen und die Eifel"
JURY_TITLE = "Wettbewerb in der Jurysitzung"


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # A code typed in the last moment of its 30-second period is checked in
    # the next one; one period of tolerance keeps the clock out of the test.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def setting(demo):
    guide = User.objects.get(email=GUIDE_EMAIL)
    secret = enable_totp(guide)
    mendig = Municipality.objects.get(slug="mendig")
    process = open_process(title=PROCESS_TITLE, slug="ideen-mayen-eifel")
    # Ideas entered now would join this competition unrated.
    process_with_phase("jury.rate", title=JURY_TITLE, slug="jurysitzung")
    similar = IdeaFactory(
        process=process,
        municipality=mendig,
        title="Trinkbrunnen für Thür",
        text="Ein Trinkbrunnen am Dorfplatz, damit im Sommer alle frisches Wasser bekommen.",
    )
    return guide, secret, mendig, process, similar


def serve_tiles(page):
    """Answer the tile server's requests with a tiny image: the browser
    tests touch no network, and an aborted tile would be a console error."""
    host = urlsplit(settings.MAP_TILE_URL).netloc
    page.route(
        re.compile(rf"^https?://{re.escape(host)}/"),
        lambda route: route.fulfill(status=200, content_type="image/png", body=TINY_PNG),
    )


def type_into(page, locator, text):
    """Tab has moved the focus to `locator`; type `text` there."""
    expect(locator).to_be_focused()
    page.keyboard.type(text)


def log_in_with_the_keyboard(page, secret):
    page.goto("/redaktion/ideen/erfassen/")
    page.wait_for_url("**/konto/login/**")
    page.get_by_label("E-Mail").focus()
    page.keyboard.type(GUIDE_EMAIL)
    page.get_by_label("Passwort", exact=True).focus()
    page.keyboard.type(GUIDE_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/2fa/authenticate/**")
    page.get_by_label(re.compile("code", re.IGNORECASE)).focus()
    page.keyboard.type(totp_code(secret))
    page.keyboard.press("Enter")
    page.wait_for_url("**/redaktion/ideen/erfassen/")


def test_a_guide_enters_a_paper_idea_with_the_keyboard(new_context, axe_source, setting):
    guide, secret, mendig, process, similar = setting
    axe = Axe(axe_source)
    page = new_context(console_errors=True).new_page()
    serve_tiles(page)
    log_in_with_the_keyboard(page, secret)

    form = page.locator("#capture-form")
    axe.check(page, "empty capture form")
    # Only processes that take ideas now; not the one in its jury phase.
    processes = form.get_by_label("Verfahren").locator("option").all_inner_texts()
    assert PROCESS_TITLE in processes
    assert JURY_TITLE not in processes
    # The guide looks after three municipalities and no others; the places
    # are those of these municipalities; no latitude or longitude to type.
    options = form.get_by_label("Kommune").locator("option").all_inner_texts()
    assert options == ["Bitte wählen", "Mayen", "Verbandsgemeinde Mendig", "Verbandsgemeinde Vordereifel"]
    groups = form.get_by_label("Ort (freiwillig)").locator("optgroup")
    assert [groups.nth(i).get_attribute("label") for i in range(groups.count())] == [
        "Verbandsgemeinde Mendig",
        "Verbandsgemeinde Vordereifel",
    ]
    expect(form.get_by_label(re.compile("Breite|Länge"))).to_have_count(0)

    # First try: a date in the future and no title.
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form.get_by_label("Verfahren").focus()
    page.keyboard.type(PROCESS_TITLE)
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Weg"), "auf Papier")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Gesammelt am"), tomorrow.strftime("%d.%m.%Y"))
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Gesammelt in (freiwillig)"), "Dorffest Thür")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Vorname der Person (freiwillig)"), "Erika")
    page.keyboard.press("Tab")
    expect(form.get_by_label("Titel")).to_be_focused()
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Beschreibung"), "Im Sommer fehlt am Dorfplatz frisches Wasser.")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Kommune"), "Verbandsgemeinde Mendig")
    page.keyboard.press("Tab")
    # Letters pick an option of a select; "ü" would be inserted as text.
    type_into(page, form.get_by_label("Ort (freiwillig)"), "Th")
    form.get_by_role("button", name="Speichern", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    summary = page.locator("#capture-errors")
    expect(summary).to_contain_text("Das Datum liegt in der Zukunft.")
    expect(summary).to_contain_text("Bitte geben Sie einen Titel an.")
    assert not Idea.objects.filter(process=process, captured_by=guide).exists()
    # What was typed is still there.
    form = page.locator("#capture-form")
    expect(form.get_by_label("Gesammelt in (freiwillig)")).to_have_value("Dorffest Thür")
    expect(form.get_by_label("Beschreibung")).to_have_value("Im Sommer fehlt am Dorfplatz frisches Wasser.")
    expect(form.get_by_label("Kommune")).to_have_value(str(mendig.pk))
    thuer = mendig.places.get(name="Thür")
    expect(form.get_by_label("Ort (freiwillig)")).to_have_value(str(thuer.pk))
    axe.check(page, "capture form with errors")

    # The error summary links to the fields.
    summary.get_by_role("link", name=re.compile("Titel")).focus()
    page.keyboard.press("Enter")
    expect(form.get_by_label("Titel")).to_be_focused()
    page.keyboard.type("Trinkbrunnen am Dorfplatz")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    form.get_by_label("Gesammelt am").focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(yesterday.strftime("%d.%m.%Y"))

    # The map, with the keyboard: load it, set the point at its centre
    # (the seat of the municipality chosen).
    form.get_by_role("button", name="Karte laden").focus()
    page.keyboard.press("Enter")
    expect(form.get_by_role("region", name="Karte zum Setzen des Punkts")).to_be_visible()
    form.get_by_role("button", name="Punkt in die Kartenmitte setzen").focus()
    page.keyboard.press("Enter")
    expect(form.locator("#point-status")).to_contain_text("Ein Punkt auf der Karte ist gesetzt.")
    axe.check(page, "capture form with the map")
    form.get_by_role("button", name="Speichern", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    # A similar idea of the process comes first; nothing is saved yet.
    hint = page.locator("#similar-ideas")
    expect(hint).to_contain_text("Ähnliche Ideen gibt es schon")
    expect(hint.get_by_role("link", name=re.compile("Trinkbrunnen für Thür"))).to_have_attribute(
        "href", similar.get_absolute_url()
    )
    assert not Idea.objects.filter(process=process, captured_by=guide).exists()
    expect(form.get_by_label("Titel")).to_have_value("Trinkbrunnen am Dorfplatz")
    expect(form.get_by_label("Ort (freiwillig)")).to_have_value(str(thuer.pk))
    expect(form.locator("#point-status")).to_contain_text("Ein Punkt auf der Karte ist gesetzt.")
    axe.check(page, "capture form with a similar idea")

    # Another idea all the same: saved.
    form.get_by_role("button", name="Speichern", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/redaktion/ideen/\d+/$"))
    expect(page.locator("main")).to_contain_text("ist gespeichert")
    axe.check(page, "the idea in the backend")
    page.goto("/redaktion/ideen/")
    expect(page.locator("main table")).to_contain_text("Trinkbrunnen am Dorfplatz")
    axe.check(page, "list of ideas")

    idea = Idea.objects.get(process=process, captured_by=guide)
    assert idea.title == "Trinkbrunnen am Dorfplatz"
    assert idea.channel == Idea.Channel.PAPER
    assert idea.collected_on == yesterday
    assert idea.collected_at == "Dorffest Thür"
    assert idea.contributor_name == "Erika"
    assert idea.municipality == mendig
    assert idea.latitude is not None
    assert idea.longitude is not None
    assert idea.author is None
    assert idea in Idea.objects.public()

    # The public page, as anybody sees it.
    visitor = new_context().new_page()
    response = visitor.goto(idea.get_absolute_url())
    assert response.status == 200
    main = visitor.locator("main")
    expect(main).to_contain_text("Trinkbrunnen am Dorfplatz")
    expect(main).to_contain_text("vor Ort gesammelt")
    # ... and the Ideenspeicher.
    response = visitor.goto(f"/ideenspeicher/?process={process.pk}")
    assert response.status == 200
    card = visitor.locator(".idea-card", has_text="Trinkbrunnen am Dorfplatz")
    expect(card).to_contain_text("vor Ort gesammelt")
    axe.assert_clean()
