"""A regional guide enters an idea from a paper card in the backend, with
the keyboard only, after logging in with password and authenticator code;
the idea then shows on its public page and in the Ideenspeicher with the
badge "vor Ort gesammelt". axe-core checks the whole backend page of the
capture form, empty and with errors.

The form shows its own error summary instead of Wagtail's red message
banner, whose white text on #d35c5c (3.8:1) axe reports."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import enable_totp, totp_code
from smartregion.ideas.models import Idea
from smartregion.participation.tests.factories import open_process
from smartregion.region.models import Municipality

from .conftest import browser_db, format_violations, run_axe

pytestmark = [pytest.mark.browser, browser_db]

GUIDE_EMAIL = "lotsin@demo.invalid"
GUIDE_PASSWORD = "demo-lotsin-2026"
PROCESS_TITLE = "Ideen für Mayen und die Eifel"


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # A code typed in the last moment of its 30-second period is checked in
    # the next one; one period of tolerance keeps the clock out of the test.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def setting(demo):
    guide = User.objects.get(email=GUIDE_EMAIL)
    secret = enable_totp(guide)
    mayen = Municipality.objects.get(slug="mayen")
    process = open_process(title=PROCESS_TITLE, slug="ideen-mayen-eifel")
    return guide, secret, mayen, process


def type_into(page, locator, text):
    """Tab has moved the focus to `locator`; type `text` there."""
    expect(locator).to_be_focused()
    page.keyboard.type(text)


def test_a_guide_enters_a_paper_idea_with_the_keyboard(new_context, axe_source, setting):
    guide, secret, mayen, process = setting
    page = new_context(console_errors=True).new_page()

    # Password, then the code of the authenticator app.
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

    form = page.locator("#capture-form")
    violations = run_axe(page, axe_source)
    assert not violations, "axe on the empty capture form:\n" + format_violations(violations)
    # The guide looks after three municipalities and no others.
    options = form.get_by_label("Kommune").locator("option").all_inner_texts()
    assert options == ["Bitte wählen", "Mayen", "Verbandsgemeinde Mendig", "Verbandsgemeinde Vordereifel"]

    # First try: a date in the future and no title.
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    form.get_by_label("Verfahren").focus()
    page.keyboard.type(PROCESS_TITLE)
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Weg"), "auf Papier")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Gesammelt am"), tomorrow.strftime("%d.%m.%Y"))
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Gesammelt in (freiwillig)"), "Wochenmarkt Mayen")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Vorname der Person (freiwillig)"), "Erika")
    page.keyboard.press("Tab")
    expect(form.get_by_label("Titel")).to_be_focused()
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Beschreibung"), "Im Sommer fehlt in der Innenstadt frisches Wasser.")
    page.keyboard.press("Tab")
    type_into(page, form.get_by_label("Kommune"), "Mayen")
    form.get_by_role("button", name="Speichern", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")

    summary = page.locator("#capture-errors")
    expect(summary).to_contain_text("Das Datum liegt in der Zukunft.")
    expect(summary).to_contain_text("Bitte geben Sie einen Titel an.")
    assert not Idea.objects.filter(process=process).exists()
    # What was typed is still there.
    form = page.locator("#capture-form")
    expect(form.get_by_label("Gesammelt in (freiwillig)")).to_have_value("Wochenmarkt Mayen")
    expect(form.get_by_label("Beschreibung")).to_have_value("Im Sommer fehlt in der Innenstadt frisches Wasser.")
    expect(form.get_by_label("Kommune")).to_have_value(str(mayen.pk))
    violations = run_axe(page, axe_source)
    assert not violations, "axe on the capture form with errors:\n" + format_violations(violations)

    # The error summary links to the fields.
    summary.get_by_role("link", name=re.compile("Titel")).focus()
    page.keyboard.press("Enter")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    form.get_by_label("Titel").focus()
    page.keyboard.type("Trinkbrunnen am Marktplatz")
    form.get_by_label("Gesammelt am").focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(yesterday.strftime("%d.%m.%Y"))
    form.get_by_role("button", name="Speichern", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/redaktion/ideen/\d+/$"))
    expect(page.locator("main")).to_contain_text("ist gespeichert")
    violations = run_axe(page, axe_source)
    assert not violations, "axe on the idea in the backend:\n" + format_violations(violations)
    page.goto("/redaktion/ideen/")
    expect(page.locator("main table")).to_contain_text("Trinkbrunnen am Marktplatz")
    violations = run_axe(page, axe_source)
    assert not violations, "axe on the list of ideas:\n" + format_violations(violations)

    idea = Idea.objects.get(process=process)
    assert idea.title == "Trinkbrunnen am Marktplatz"
    assert idea.channel == Idea.Channel.PAPER
    assert idea.collected_on == yesterday
    assert idea.collected_at == "Wochenmarkt Mayen"
    assert idea.contributor_name == "Erika"
    assert idea.municipality == mayen
    assert idea.author is None
    assert idea.captured_by == guide
    assert idea in Idea.objects.public()

    # The public page, as anybody sees it.
    visitor = new_context().new_page()
    response = visitor.goto(idea.get_absolute_url())
    assert response.status == 200
    main = visitor.locator("main")
    expect(main).to_contain_text("Trinkbrunnen am Marktplatz")
    expect(main).to_contain_text("vor Ort gesammelt")
    # ... and the Ideenspeicher.
    response = visitor.goto(f"/ideenspeicher/?process={process.pk}")
    assert response.status == 200
    card = visitor.locator(".idea-card", has_text="Trinkbrunnen am Marktplatz")
    expect(card).to_contain_text("vor Ort gesammelt")
