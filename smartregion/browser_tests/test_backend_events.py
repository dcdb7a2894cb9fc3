"""Events in the staff backend, in Chromium: an editor creates an event,
choosing its municipality and its image in Wagtail's modal choosers; a
regional guide creates one for a municipality she looks after and is
refused another with a clear message. axe-core checks the form empty, with
each chooser open, with errors and after saving.

Wagtail's admin runs its own scripts here (modal choosers, date pickers,
tabs): a blocked or failing script fails the test through `staff_page`."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import UserFactory, editors_group, enable_totp, verify_email
from smartregion.cms.tests.factories import ImageFactory
from smartregion.events.models import Event
from smartregion.region.models import Municipality

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

GUIDE_EMAIL = "lotsin@demo.invalid"
GUIDE_PASSWORD = "demo-lotsin-2026"
ALT = "Der Marktplatz von Mayen mit dem Alten Rathaus im Sonnenschein"


def at(day, hour):
    date = timezone.localdate() + dt.timedelta(days=day)
    return timezone.make_aware(dt.datetime.combine(date, dt.time(hour)))


def typed(moment):
    """`moment` as typed into Wagtail's date and time field."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def field(scope, label):
    """The form field labelled `label` in `scope` (Wagtail marks a required
    field's label with an asterisk; a field's panel and its anchor links
    carry the same name)."""
    named = scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))
    return named.and_(scope.locator("input, select, textarea"))


def type_date(page, date_field, moment):
    """Click into a date and time field, wait for its picker, type `moment`
    and leave the field with Tab, which closes the picker."""
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    date_field.click()
    expect(pickers).to_have_count(1)
    date_field.fill(typed(moment))
    date_field.press("Tab")


def fill_in_event(page, title, starts_at):
    field(page, "Titel").fill(title)
    field(page, "Art").select_option(label="Kommunaldialog")
    field(page, "Status").select_option(label="veröffentlicht")
    field(page, "Kurzbeschreibung").fill("Wir sprechen über die Zukunft des Ortes.")
    type_date(page, field(page, "Beginn"), starts_at)
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    field(page, "Ende").fill(typed(starts_at + dt.timedelta(hours=2)))
    field(page, "Ende").press("Tab")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)


def choose_municipality(page, name, axe=None):
    """Open the municipality chooser, find `name` in the modal's list and
    click it. Once one is chosen, the chooser offers another through its
    menu of actions."""
    panel = page.get_by_role("region", name=re.compile(r"^Kommune\*?$"))
    choose = panel.get_by_role("button", name="Kommune auswählen")
    if not choose.is_visible():
        panel.get_by_role("button", name="Aktionen").click()
        choose = panel.get_by_role("button", name=re.compile("auswählen"))
    choose.click()
    modal = page.get_by_role("dialog")
    expect(modal).to_be_visible()
    choice = modal.get_by_role("link", name=name, exact=True)
    expect(choice).to_be_visible()
    if axe is not None:
        axe.check(page, "municipality chooser open")
    choice.click()
    expect(modal).to_be_hidden()
    # The modal's backdrop fades out after it (axe would measure the colours
    # behind it halfway).
    expect(page.locator(".modal-backdrop")).to_have_count(0)


def save(page):
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state("load")


@pytest.fixture
def editor(demo):
    editor = verify_email(
        UserFactory(email="redakteurin@example.org", display_name="Redakteurin", groups=[editors_group()])
    )
    return editor, enable_totp(editor)


@pytest.fixture
def image(demo):
    return ImageFactory(title="Marktplatz Mayen", description="Marktplatz")


def test_an_editor_creates_an_event_with_a_municipality_and_an_image(
    staff_page, new_context, axe_source, editor, image
):
    axe = Axe(axe_source)
    page = staff_page(*editor, "/redaktion/veranstaltungen/add/")
    axe.check(page, "new event, empty")

    fill_in_event(page, "Kommunaldialog Mayen", at(14, 18))
    choose_municipality(page, "Mayen", axe)
    expect(page.locator("[data-chooser-title]").filter(has_text="Mayen")).to_be_visible()

    page.get_by_role("button", name="Bild auswählen").click()
    modal = page.get_by_role("dialog")
    choice = modal.get_by_role("link", name=re.compile("Marktplatz Mayen"))
    expect(choice).to_be_visible()
    axe.check(page, "image chooser open")
    choice.click()
    expect(modal).to_be_hidden()
    # The modal's backdrop fades out after it (axe would measure the colours
    # behind it halfway).
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    expect(page.locator("[data-chooser-title]").filter(has_text="Marktplatz Mayen")).to_be_visible()

    # An image without its alternative text is refused; nothing is saved.
    page.get_by_role("tab", name="Ort").click()
    field(page, "Ort").fill("Bürgerhaus Mayen")
    save(page)
    expect(page.get_by_text("Bitte beschreiben Sie, was auf dem Bild zu sehen ist")).to_be_visible()
    assert not Event.objects.filter(title="Kommunaldialog Mayen").exists()
    axe.check(page, "new event with an error")

    field(page, "Alternativtext des Bildes").fill(ALT)
    save(page)
    page.wait_for_url("**/redaktion/veranstaltungen/")
    expect(page.locator(".messages")).to_contain_text("Kommunaldialog Mayen")
    axe.check(page, "list of events after saving")

    event = Event.objects.get(title="Kommunaldialog Mayen")
    assert event.municipality == Municipality.objects.get(slug="mayen")
    assert event.image == image
    assert event.image_alt == ALT
    assert event.starts_at == at(14, 18)
    assert event.venue == "Bürgerhaus Mayen"

    visitor = new_context().new_page()
    visitor.goto(event.get_absolute_url())
    expect(visitor.get_by_role("img", name=ALT)).to_be_visible()
    axe.check(visitor, "public event page with its image")

    axe.assert_clean()


def test_a_guide_creates_an_event_for_her_municipality_and_is_refused_another(staff_page, axe_source, demo):
    axe = Axe(axe_source)
    guide = User.objects.get(email=GUIDE_EMAIL)
    page = staff_page(guide, enable_totp(guide), "/redaktion/veranstaltungen/add/", password=GUIDE_PASSWORD)
    axe.check(page, "new event as a guide")

    # Andernach is not hers: refused with a message that says why.
    fill_in_event(page, "Werkstatt in Andernach", at(10, 17))
    choose_municipality(page, "Andernach")
    page.get_by_role("tab", name="Ort").click()
    field(page, "Ort").fill("Stadthalle Andernach")
    save(page)
    page.get_by_role("tab", name="Veranstaltung").click()
    error = page.get_by_text("Diese Kommune betreuen Sie nicht.")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Sie betreuen: Mayen, Verbandsgemeinde Mendig, Verbandsgemeinde Vordereifel.")
    assert not Event.objects.filter(title="Werkstatt in Andernach").exists()
    axe.check(page, "guide's event refused for another municipality")

    # Mayen is hers.
    field(page, "Titel").fill("Kommunaldialog in Mayen")
    choose_municipality(page, "Mayen")
    save(page)
    page.wait_for_url("**/redaktion/veranstaltungen/")
    expect(page.locator(".messages")).to_contain_text("Kommunaldialog in Mayen")
    event = Event.objects.get(title="Kommunaldialog in Mayen")
    assert event.municipality.slug == "mayen"
    assert event.venue == "Stadthalle Andernach"
    # Her list shows it.
    expect(page.locator("main table")).to_contain_text("Kommunaldialog in Mayen")
    axe.check(page, "guide's list of events")

    axe.assert_clean()
