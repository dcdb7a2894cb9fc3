"""The process pages in Chromium: the list, a running process with ideas
(as an anonymous visitor, a citizen who has not confirmed the address and a
verified one) and a finished process with its results, with axe-core on
every page (WCAG 2.1 A/AA, no violation allowed), also 320 px wide, where
nothing may scroll sideways."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from smartregion.accounts.tests.factories import PASSWORD, UserFactory, verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.tests.factories import PhaseFactory, ProcessFactory

from .conftest import browser_db, format_violations, run_axe

pytestmark = [pytest.mark.browser, browser_db]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 320, "height": 640}


def days(n):
    return timezone.now() + dt.timedelta(days=n)


@pytest.fixture
def processes(demo):
    editor = UserFactory(email="redaktion.browser@example.org")
    image = Image.objects.create(title="Mitfahrbank", file=get_test_image_file())
    running = ProcessFactory(
        title="Ideen für Mobilität auf dem Land",
        slug="browsertest-laufend",
        image=image,
        image_alt="Eine Bank am Ortsrand mit einem Schild „Mitfahren“",
        description="<p>Wie kommen Sie ohne eigenes Auto ins Nachbardorf?</p>",
    )
    PhaseFactory(process=running, title="Vorbereitung", starts_at=days(-30), ends_at=days(-10), sort_order=0)
    PhaseFactory(
        process=running,
        title="Ideen sammeln",
        description="Reichen Sie Ihre Ideen ein und diskutieren Sie mit.",
        starts_at=days(-10),
        ends_at=days(20),
        opens=["ideas.submit", "ideas.comment", "ideas.support"],
        sort_order=1,
    )
    PhaseFactory(
        process=running, title="Jury", starts_at=days(20), ends_at=days(40), opens=["jury.rate"], sort_order=2
    )
    for n in range(22):
        IdeaFactory(process=running, title=f"Mitfahrbank an der Haltestelle {n}")
    IdeaFactory(
        process=running,
        title="Rufbus am Wochenende",
        channel=Idea.Channel.PAPER,
        author=None,
        captured_by=editor,
        contributor_name="Erika",
    )

    finished = ProcessFactory(
        title="Ideenwettbewerb der Browsertests",
        slug="browsertest-beendet",
        results_statement="Die Jury hat aus 20 Ideen drei ausgezeichnet.",
    )
    PhaseFactory(process=finished, title="Einreichung", starts_at=days(-90), ends_at=days(-60), opens=["ideas.submit"])
    PhaseFactory(process=finished, title="Ergebnisse", starts_at=days(-60), ends_at=days(-1), opens=["jury.results"])
    IdeaFactory(
        process=finished,
        title="Dorfladen mit Abholstation",
        status=Idea.Status.WINNER,
        jury_statement="Schnell umsetzbar und für alle Generationen.",
    )
    IdeaFactory(process=finished, title="Carsharing im Dorf")
    return {"running": running, "finished": finished}


def log_in(page, user):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("load")


def problems_of(page, axe_source, name, narrow=False):
    problems = []
    violations = run_axe(page, axe_source)
    if violations:
        problems.append(f"{name} ({page.url}):\n{format_violations(violations)}")
    if narrow:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide = page.evaluate(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320)"
                ".map(e => e.tagName + '.' + e.className).slice(0, 10)"
            )
            problems.append(f"{name} scrolls sideways at 320 px ({width} px): {wide}")
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_process_pages_pass_axe(new_context, axe_source, processes, viewport):
    narrow = viewport is PHONE
    page = new_context(viewport=viewport).new_page()
    problems = []

    page.goto("/beteiligung/")
    assert page.get_by_role("link", name="Ideen für Mobilität auf dem Land").is_visible()
    problems += problems_of(page, axe_source, "list", narrow)

    page.goto("/beteiligung/browsertest-laufend/")
    current = page.locator('[aria-current="step"]')
    assert current.count() == 1
    assert "aktuelle Phase" in current.inner_text() and "Ideen sammeln" in current.inner_text()
    assert page.get_by_text("Bitte melden Sie sich an, um eine Idee einzureichen.").is_visible()
    assert page.get_by_text("vor Ort gesammelt").first.is_visible()
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    problems += problems_of(page, axe_source, "running process, anonymous", narrow)

    page.goto("/beteiligung/browsertest-laufend/?seite=2")
    problems += problems_of(page, axe_source, "running process, second page of ideas", narrow)

    page.goto("/beteiligung/browsertest-beendet/")
    assert page.get_by_text("Die Jury hat aus 20 Ideen drei ausgezeichnet.").is_visible()
    assert page.get_by_role("link", name="Dorfladen mit Abholstation").first.is_visible()
    problems += problems_of(page, axe_source, "finished process with results", narrow)

    unverified = UserFactory(email="unbestaetigt.browser@example.org")
    log_in(page, unverified)
    page.goto("/beteiligung/browsertest-laufend/")
    assert page.get_by_text("Bitte bestätigen Sie Ihre E-Mail-Adresse.", exact=False).first.is_visible()
    problems += problems_of(page, axe_source, "running process, unverified citizen", narrow)

    assert not problems, "\n".join(problems)


def test_a_verified_citizen_is_led_to_the_idea_form(new_context, axe_source, processes):
    citizen = verify_email(UserFactory(email="verifiziert.browser@example.org"))
    page = new_context(viewport=DESKTOP).new_page()
    log_in(page, citizen)

    page.goto("/beteiligung/browsertest-laufend/")
    box = page.locator("section", has=page.get_by_role("heading", name="Was Sie jetzt tun können"))
    link = box.get_by_role("link", name="Idee einreichen")

    assert link.get_attribute("href") == "/beteiligung/browsertest-laufend/ideen/neu/"
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)


def test_the_process_page_works_without_javascript(browser, demo, processes):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto("/beteiligung/browsertest-laufend/")
        page.get_by_role("link", name="Nächste Seite").click()
        page.wait_for_load_state("load")
        assert "seite=2" in page.url
        assert page.get_by_text("Seite 2 von 2").is_visible()
    finally:
        context.close()
