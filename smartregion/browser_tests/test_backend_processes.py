"""An editor sets up a new idea competition in the staff backend, in
Chromium: the process, three phases ("Phase hinzufügen", dates typed and
picked in the date picker), six jury criteria ("Kriterium hinzufügen") and
three jurors, in one form. What she entered is in the database exactly, and
the public process page shows the phases. axe-core checks the form empty,
filled in and saved.

Wagtail's admin runs its own scripts on this form (InlinePanel, date
pickers, Draftail): a blocked or failing script fails the test through
`staff_page` (CSP violations and console errors)."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from smartregion.accounts.models import User
from smartregion.accounts.tests.factories import UserFactory, editors_group, enable_totp, verify_email
from smartregion.participation.models import Process

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

JURORS = ["Jury (Demo)", "Jury 2 (Demo)", "Jury 3 (Demo)"]
CRITERIA = [
    ("Wirkung", "Wie viele Menschen haben etwas davon?", 3),
    ("Machbarkeit", "Lässt sich die Idee in zwei Jahren umsetzen?", 2),
    ("Kosten", "Stehen Aufwand und Nutzen im Verhältnis?", 2),
    ("Nachhaltigkeit", "Schont die Idee Klima und Umwelt?", 1),
    ("Übertragbarkeit", "Passt die Idee auch in andere Orte?", 1),
    ("Beteiligung", "Machen Menschen vor Ort mit?", 1),
]


def at(day, hour):
    """An aware moment `day` days from today at `hour` o'clock, local time."""
    date = timezone.localdate() + dt.timedelta(days=day)
    return timezone.make_aware(dt.datetime.combine(date, dt.time(hour)))


def typed(moment):
    """`moment` as typed into Wagtail's date and time field."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# Collecting ideas runs now; the jury and the results follow.
PHASES = [
    ("Ideen sammeln", "Alle reichen Ideen ein.", at(-3, 9), at(20, 18), {"Ideen einreichen", "Kommentieren"}),
    ("Die Jury bewertet", "", at(21, 9), at(35, 18), {"Jury bewertet"}),
    ("Ergebnisse", "Die Jury stellt die Gewinner vor.", at(36, 9), None, {"Ergebnisse veröffentlicht"}),
]
SWITCHES = {
    "Ideen einreichen": "ideas.submit",
    "Kommentieren": "ideas.comment",
    "Unterstützen": "ideas.support",
    "Jury bewertet": "jury.rate",
    "Ergebnisse veröffentlicht": "jury.results",
}


@pytest.fixture
def editor(demo):
    editor = verify_email(
        UserFactory(email="redakteurin@example.org", display_name="Redakteurin", groups=[editors_group()])
    )
    return editor, enable_totp(editor)


def field(scope, label):
    """The field labelled `label` in `scope`. Wagtail marks a required
    field's label with an asterisk ("Titel*") and surrounds the label of a
    field in an InlinePanel with white space; the panel of a field and its
    anchor links carry the same name."""
    named = scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))
    return named.and_(scope.locator("input, select, textarea"))


def child_panel(page, label, number):
    """The panel of the `number`-th child of an InlinePanel ("Phase 2")."""
    return page.get_by_role("region", name=re.compile(rf"^{label}\s*{number}$"))


def pick_in_date_picker(page, field, moment):
    """Choose `moment` in Wagtail's date and time picker of `field`: open it,
    go to the month, click the day, scroll the list of times with the mouse
    wheel to the hour and click it."""
    field.click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_be_visible()
    local = timezone.localtime(moment)
    shown = timezone.localdate()
    for _ in range((local.year - shown.year) * 12 + local.month - shown.month):
        picker.locator(".xdsoft_datepicker .xdsoft_next").click()
    picker.locator(
        f"td.xdsoft_date[data-date='{local.day}'][data-month='{local.month - 1}']:not(.xdsoft_other_month)"
    ).click()
    times = picker.locator(".xdsoft_timepicker .xdsoft_time_box")
    hour = times.locator(f".xdsoft_time[data-hour='{local.hour}'][data-minute='0']")
    for _ in range(50):
        box, item = times.bounding_box(), hour.bounding_box()
        if item["y"] < box["y"]:
            step = -20
        elif item["y"] + item["height"] > box["y"] + box["height"]:
            step = 20
        else:
            break
        times.hover()
        page.mouse.wheel(0, step)
    hour.click()
    expect(field).to_have_value(typed(moment))


def test_an_editor_sets_up_a_competition_with_phases_criteria_and_jurors(staff_page, new_context, axe_source, editor):
    axe = Axe(axe_source)
    page = staff_page(*editor, "/redaktion/beteiligungsverfahren/add/")
    axe.check(page, "new process, empty")

    field(page, "Titel").fill("Ideenwettbewerb Dorfmitte")
    field(page, "Kurzname in der Adresse").fill("dorfmitte")
    field(page, "Kurzbeschreibung").fill("Wie soll die Mitte unseres Dorfes aussehen?")
    field(page, "Status").select_option(label="veröffentlicht")

    page.get_by_role("tab", name="Phasen").click()
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    for number, (title, description, starts_at, ends_at, switches) in enumerate(PHASES, start=1):
        page.get_by_role("button", name="Phase hinzufügen").click()
        phase = child_panel(page, "Phase", number)
        expect(phase).to_be_visible()
        field(phase, "Titel").fill(title)
        field(phase, "Beschreibung").fill(description)
        begins, ends = field(phase, "Beginn"), field(phase, "Ende")
        if number == 2:
            pick_in_date_picker(page, begins, starts_at)
        else:
            begins.click()
            expect(pickers).to_have_count(1)
            begins.fill(typed(starts_at))
        # The picker of a field opens over the fields below a moment after
        # the field gets the focus, and closes when the focus leaves the
        # field with Tab (Escape does not close it).
        begins.press("Tab")
        expect(ends).to_be_focused()
        expect(pickers).to_have_count(1)
        if ends_at is not None:
            ends.fill(typed(ends_at))
        ends.press("Tab")
        expect(pickers).to_have_count(0)
        for label in switches:
            phase.get_by_label(label).check()

    page.get_by_role("tab", name="Jury und Ergebnisse").click()
    for name in JURORS:
        page.get_by_label(name).check()
    for number, (name, description, weight) in enumerate(CRITERIA, start=1):
        page.get_by_role("button", name="Kriterium hinzufügen").click()
        criterion = child_panel(page, "Kriterium", number)
        expect(criterion).to_be_visible()
        field(criterion, "Name").fill(name)
        field(criterion, "Beschreibung").fill(description)
        field(criterion, "Gewicht").fill(str(weight))
    axe.check(page, "new process, filled in")

    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url("**/redaktion/beteiligungsverfahren/")
    expect(page.locator(".messages")).to_contain_text("Ideenwettbewerb Dorfmitte")
    axe.check(page, "list of processes after saving")

    process = Process.objects.get(slug="dorfmitte")
    assert process.title == "Ideenwettbewerb Dorfmitte"
    assert process.summary == "Wie soll die Mitte unseres Dorfes aussehen?"
    assert process.status == Process.Status.PUBLISHED
    saved_phases = [
        (
            phase.title,
            phase.description,
            phase.starts_at,
            phase.ends_at,
            {label for label, key in SWITCHES.items() if phase.has(key)},
        )
        for phase in process.phases.order_by("sort_order")
    ]
    assert saved_phases == PHASES
    saved_criteria = [
        (criterion.name, criterion.description, criterion.weight)
        for criterion in process.jury_criteria.order_by("sort_order")
    ]
    assert saved_criteria == CRITERIA
    assert set(process.jurors.values_list("display_name", flat=True)) == set(JURORS)
    assert User.objects.filter(jury_processes=process).count() == 3

    visitor = new_context().new_page()
    visitor.goto(process.get_absolute_url())
    timeline = visitor.get_by_role("region", name="Ablauf")
    for title, *_rest in PHASES:
        expect(timeline.get_by_role("heading", name=title)).to_be_visible()
    expect(timeline.get_by_role("listitem").filter(has_text="Ideen sammeln")).to_contain_text("aktuelle Phase")

    axe.assert_clean()
