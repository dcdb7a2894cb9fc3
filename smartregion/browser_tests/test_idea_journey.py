"""A citizen's way through an idea in Chromium: log in, submit an idea with
an image and a point on the map (after "Karte laden"), meet a similar idea
on the compare step, submit anyway, support another idea in place, comment
and reply, withdraw. axe-core checks every page state (WCAG 2.1 A/AA, no
violation allowed), also 320 px wide; map tiles come from the route below,
never from the network."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import PASSWORD, UserFactory, verify_email
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.ideas.tests.imagefiles import jpeg_bytes
from smartregion.participation.tests.factories import open_process
from smartregion.region.models import Municipality

from .conftest import TINY_PNG, Axe, browser_db, format_violations, is_local, origin, run_axe

pytestmark = [pytest.mark.browser, browser_db]


def submit(page, name):
    page.locator("main").get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state("load")


def serve_tiles(page):
    tile_host = urlsplit(settings.MAP_TILE_URL).netloc
    page.route(
        re.compile(rf"^https?://{re.escape(tile_host)}/"),
        lambda route: route.fulfill(status=200, content_type="image/png", body=TINY_PNG),
    )


@pytest.fixture
def setting(demo):
    process = open_process(title="Ideen für die Region", slug="ideen-fuer-die-region")
    existing = IdeaFactory(
        process=process,
        title="Mitfahrbank am Marktplatz",
        text="Eine Bank am Marktplatz, auf der man zeigt, dass man mitgenommen werden möchte.",
    )
    other = IdeaFactory(
        process=process,
        title="Offener Bücherschrank im Bürgerhaus",
        text="Ein Schrank, in den alle Bücher stellen und aus dem alle Bücher nehmen.",
        latitude=50.3275,
        longitude=7.2259,
    )
    citizen = verify_email(UserFactory(email="ideengeberin@example.org", display_name="Ideengeberin"))
    return {"process": process, "existing": existing, "other": other, "citizen": citizen}


def log_in(page, user):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    submit(page, "Anmelden")


def test_a_citizen_submits_supports_comments_and_withdraws(new_context, axe_source, setting, tmp_path):
    axe = Axe(axe_source)
    page = new_context().new_page()
    serve_tiles(page)
    log_in(page, setting["citizen"])
    process = setting["process"]

    page.goto(f"/beteiligung/{process.slug}/ideen/neu/")
    axe.check(page, "form")
    submit(page, "Weiter")
    assert page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben").is_visible()
    assert not Idea.objects.filter(author=setting["citizen"]).exists()
    axe.check(page, "form with errors")

    # A demo municipality with its boundary; its seat (where the map opens)
    # lies inside.
    municipality = Municipality.objects.filter(boundary__isnull=False).order_by("name").first()
    page.get_by_label("Titel Ihrer Idee").fill("Mitfahrbänke am Marktplatz")
    page.get_by_label("Beschreibung", exact=True).fill(
        "Mitfahrbänke am Marktplatz, damit man ohne eigenes Auto mitgenommen wird.\n\nMehr: https://example.org"
    )
    page.get_by_label("Kommune").select_option(str(municipality.pk))
    page.get_by_role("button", name="Karte laden").click()
    expect(page.locator("#idea-map .leaflet-tile-loaded").first).to_be_attached()
    page.get_by_role("button", name="Punkt in die Kartenmitte setzen").click()
    assert page.locator("#point-status").inner_text().startswith("Ein Punkt auf der Karte ist gesetzt.")
    image = tmp_path / "bank.jpg"
    image.write_bytes(jpeg_bytes(size=(320, 240)))
    page.get_by_label("Bilddatei").set_input_files(str(image))
    page.get_by_label("Was ist auf dem Bild zu sehen?").fill("Eine Holzbank mit Schild")
    submit(page, "Weiter")

    assert page.get_by_role("heading", name="Ähnliche Ideen", exact=True).is_visible()
    assert page.get_by_role("link", name="Mitfahrbank am Marktplatz").first.is_visible()
    axe.check(page, "compare step")
    submit(page, "Trotzdem einreichen")

    idea = Idea.objects.get(author=setting["citizen"])
    assert page.url.endswith(idea.get_absolute_url())
    assert idea.image and idea.image_alt == "Eine Holzbank mit Schild"
    assert idea.municipality == municipality and idea.has_point
    assert page.get_by_text("Danke für Ihre Idee!", exact=False).is_visible()
    assert page.get_by_role("link", name="https://example.org").is_visible()
    axe.check(page, "detail of the own idea")

    # Support another idea in place (htmx): the page does not reload.
    page.goto(setting["other"].get_absolute_url())
    page.evaluate("window.__samePage = true")
    page.get_by_role("button", name="Unterstützen", exact=True).click()
    page.get_by_role("button", name="Unterstützung zurücknehmen").wait_for()
    assert page.evaluate("window.__samePage") is True
    assert page.get_by_text("1 Person unterstützt diese Idee").is_visible()
    assert Idea.objects.get(pk=setting["other"].pk).support_count == 1
    axe.check(page, "detail after supporting")

    # Comment on the own idea and reply to the comment.
    page.goto(idea.get_absolute_url())
    page.get_by_label("Ihr Kommentar").fill("Ich kümmere mich gern um die Schilder.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.get_by_text("Ich kümmere mich gern um die Schilder.").first.wait_for()
    page.goto(idea.get_absolute_url())
    page.locator("summary", has_text="Antworten").first.click()
    page.get_by_label("Ihre Antwort").first.fill("Nachtrag: am besten in Gelb.")
    page.get_by_role("button", name="Antwort veröffentlichen").first.click()
    page.get_by_text("Nachtrag: am besten in Gelb.").first.wait_for()
    axe.check(page, "detail with comments")

    page.goto(idea.get_absolute_url())
    page.get_by_role("link", name="Idee zurückziehen").click()
    page.wait_for_load_state("load")
    axe.check(page, "withdraw page")
    submit(page, "Ja, Idee zurückziehen")
    assert page.get_by_text("Sie haben Ihre Idee zurückgezogen.", exact=False).is_visible()
    assert Idea.objects.get(pk=idea.pk).is_withdrawn
    assert page.get_by_text("Ich kümmere mich gern um die Schilder.").first.is_visible()
    axe.check(page, "withdrawn idea")

    axe.assert_clean()


def test_without_javascript_submitting_and_supporting_work(browser, demo, setting):
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        log_in(page, setting["citizen"])
        page.goto(setting["other"].get_absolute_url())
        submit(page, "Unterstützen")
        assert page.get_by_text("Danke! Sie unterstützen diese Idee.").is_visible()

        page.goto(f"/beteiligung/{setting['process'].slug}/ideen/neu/")
        assert not page.get_by_role("button", name="Karte laden").is_visible()
        page.get_by_label("Titel Ihrer Idee").fill("Schnelles Internet für Vereinsheime")
        page.get_by_label("Beschreibung", exact=True).fill("Glasfaser für die Vereinsheime der Dörfer.")
        submit(page, "Weiter")
        assert Idea.objects.filter(author=setting["citizen"], title="Schnelles Internet für Vereinsheime").exists()
    finally:
        context.close()


@pytest.mark.parametrize("name", ["form", "compare", "detail", "withdraw"])
def test_the_idea_pages_fit_a_phone_and_pass_axe(new_context, axe_source, setting, name):
    citizen = setting["citizen"]
    own = IdeaFactory(process=setting["process"], author=citizen, title="Eigene Idee", latitude=None)
    context = new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    log_in(page, citizen)
    if name == "form":
        page.goto(f"/beteiligung/{setting['process'].slug}/ideen/neu/")
    elif name == "compare":
        page.goto(f"/beteiligung/{setting['process'].slug}/ideen/neu/")
        page.get_by_label("Titel Ihrer Idee").fill("Mitfahrbänke am Marktplatz")
        page.get_by_label("Beschreibung", exact=True).fill("Mitfahrbänke am Marktplatz für alle ohne Auto.")
        submit(page, "Weiter")
        assert page.get_by_role("heading", name="Ähnliche Ideen", exact=True).is_visible()
    elif name == "detail":
        page.goto(setting["other"].get_absolute_url())
    else:
        page.goto(f"{own.get_absolute_url()}zurueckziehen/")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320)"
        ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)


def test_the_pages_load_nothing_from_other_hosts_and_the_csp_blocks_nothing(new_context, demo, setting):
    blocked, foreign = [], []
    context = new_context()
    context.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page = context.new_page()
    page.on(
        "request",
        lambda request: None if is_local(request.url, origin(demo.url)) else foreign.append(request.url),
    )
    log_in(page, setting["citizen"])
    for path in (f"/beteiligung/{setting['process'].slug}/ideen/neu/", setting["other"].get_absolute_url()):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert not blocked, "\n".join(blocked)
    assert not foreign, "Requests to other hosts before 'Karte laden':\n" + "\n".join(foreign)

    # The idea's own map, after consent.
    serve_tiles(page)
    page.get_by_role("button", name="Karte laden").click()
    expect(page.locator("#idea-map .leaflet-tile-loaded").first).to_be_attached()
    assert page.locator("#idea-map path.leaflet-interactive").count() == 1
