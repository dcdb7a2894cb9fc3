"""Comments on an idea page in Chromium, with the keyboard only: write
(first with an error), reply, edit, remove; "Weitere Kommentare laden" in
place; the thread without JavaScript. axe-core checks the thread in every
state (WCAG 2.1 A/AA, no violation allowed), wide and 320 px narrow."""

import pytest
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import PASSWORD, UserFactory, verify_email
from smartregion.comments import actions
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import HiddenReason, Process
from smartregion.participation.tests.factories import process_with_phase

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

VIEWPORTS = {"wide": {"width": 1280, "height": 900}, "narrow": {"width": 320, "height": 640}}


@pytest.fixture
def member(demo):
    return verify_email(UserFactory(email="kommentar@example.org", display_name="Kommentierende"))


@pytest.fixture
def idea(demo):
    return IdeaFactory(process=process_with_phase("ideas.comment", "ideas.support"), title="Bücherschrank am Markt")


def on(idea):
    """The comments of `idea` (the demo has comments of its own)."""
    return Comment.objects.filter(content_type__model="idea", object_id=idea.pk)


def log_in(page, user):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("load")


def thread(page):
    return page.locator("#kommentare")


def press_on(locator, key="Enter"):
    """Focus `locator` as Tab would and press `key`."""
    locator.focus()
    locator.press(key)


def write(page, field, text, button):
    """Type into `field`, Tab to `button` and press Enter, as with a
    keyboard."""
    field.focus()
    page.keyboard.press("Control+A")
    if text:
        page.keyboard.type(text)
    else:
        page.keyboard.press("Delete")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == button, f"Tab went to {focused!r}, not to {button!r}"
    page.keyboard.press("Enter")


@pytest.mark.parametrize("viewport", ["wide", "narrow"])
def test_comment_reply_edit_and_remove_with_the_keyboard(new_context, axe_source, member, idea, viewport):
    axe = Axe(axe_source)
    other = verify_email(UserFactory(display_name="Nachbarin"))
    page = new_context(viewport=VIEWPORTS[viewport]).new_page()
    page.goto(idea.get_absolute_url())
    assert thread(page).get_by_role("link", name="Bitte melden Sie sich an, um zu kommentieren").is_visible()
    assert page.locator("input[name=csrfmiddlewaretoken]").count() == 0
    axe.check(page, "anonymous, empty")

    log_in(page, member)
    page.goto(idea.get_absolute_url())
    page.wait_for_load_state("networkidle")
    axe.check(page, "empty, with the form")

    # An empty comment: the form comes back with the error, focused.
    write(page, thread(page).get_by_label("Ihr Kommentar"), "", "Kommentar veröffentlichen")
    summary = thread(page).get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben")
    summary.wait_for()
    expect(page.locator("#kommentar-neu-fehler")).to_be_focused()
    assert not on(idea).exists()
    axe.check(page, "form with an error")

    field = thread(page).get_by_label("Ihr Kommentar")
    write(page, field, "Ein Regal für Kinderbücher wäre schön.", "Kommentar veröffentlichen")
    thread(page).get_by_text("Ein Regal für Kinderbücher wäre schön.").wait_for()
    comment = on(idea).get()
    # htmx focuses the new comment once the swap has settled.
    expect(page.locator(f"#kommentar-{comment.pk}")).to_be_focused()
    assert thread(page).get_by_role("heading", name="Kommentare (1)").is_visible()
    axe.check(page, "one comment")

    # Another person's comment to reply to, then the reply.
    actions.add_comment(idea, other, "Wer kümmert sich um den Schrank?")
    page.reload()
    item = thread(page).locator("li.comment-list__item", has_text="Wer kümmert sich um den Schrank?")
    press_on(item.locator("summary"))
    axe.check(page, "reply form open")
    write(page, item.get_by_label("Ihre Antwort"), "Der Heimatverein, hoffe ich.", "Antwort veröffentlichen")
    thread(page).locator(".comment-replies").get_by_text("Der Heimatverein, hoffe ich.").wait_for()
    assert on(idea).get(text="Der Heimatverein, hoffe ich.").parent.text == "Wer kümmert sich um den Schrank?"
    axe.check(page, "with a reply")

    # Edit the own comment.
    own = thread(page).locator(f"#kommentar-{comment.pk}")
    press_on(own.get_by_role("link", name="Bearbeiten"))
    page.wait_for_url("**/bearbeiten/**")
    axe.check(page, "edit page")
    write(page, page.get_by_label("Ihr Kommentar"), "Ein Regal für Kinder- und Jugendbücher.", "Änderung speichern")
    page.wait_for_url(f"**{idea.get_absolute_url()}#kommentar-{comment.pk}")
    own = thread(page).locator(f"#kommentar-{comment.pk}")
    assert own.get_by_text("Ein Regal für Kinder- und Jugendbücher.").is_visible()
    assert own.get_by_text("bearbeitet", exact=True).is_visible()
    axe.check(page, "edited")

    # Remove the reply: its place says so.
    reply = on(idea).get(text="Der Heimatverein, hoffe ich.")
    press_on(thread(page).locator(f"#kommentar-{reply.pk}").get_by_role("link", name="Entfernen"))
    page.wait_for_url("**/entfernen/**")
    axe.check(page, "remove page")
    press_on(page.get_by_role("button", name="Ja, Kommentar entfernen"))
    page.wait_for_url(f"**#kommentar-{reply.pk}")
    removed = thread(page).locator(f"#kommentar-{reply.pk}")
    assert removed.get_by_text("vom Verfasser entfernt").is_visible()
    assert not thread(page).get_by_text("Der Heimatverein, hoffe ich.").count()
    axe.check(page, "removed reply")

    # The moderation hides the other comment.
    actions.hide_comment(on(idea).get(text="Wer kümmert sich um den Schrank?"), HiddenReason.OFF_TOPIC)
    page.reload()
    assert thread(page).get_by_text("Von der Moderation ausgeblendet: nicht zum Thema").is_visible()
    axe.check(page, "hidden comment")

    axe.assert_clean()


def test_a_pending_comment_and_the_unverified_notice_pass_axe(new_context, axe_source, member, demo):
    axe = Axe(axe_source)
    idea = IdeaFactory(process=process_with_phase("ideas.comment", moderation=Process.ModerationMode.PRE))
    actions.add_comment(idea, member, "Wartet auf die Moderation.")
    page = new_context().new_page()
    log_in(page, member)

    page.goto(idea.get_absolute_url())
    assert thread(page).get_by_text("wartet auf Freigabe").is_visible()
    axe.check(page, "pending")

    unverified = UserFactory(email="unbestaetigt@example.org")
    page.context.clear_cookies()
    log_in(page, unverified)
    page.goto(idea.get_absolute_url())
    assert thread(page).get_by_text("Bitte bestätigen Sie Ihre E-Mail-Adresse, um zu kommentieren.").is_visible()
    assert not thread(page).get_by_text("Wartet auf die Moderation.").count()
    axe.check(page, "unverified")

    axe.assert_clean()


@pytest.mark.parametrize("viewport", ["wide", "narrow"])
def test_more_comments_load_in_place(new_context, axe_source, idea, viewport):
    axe = Axe(axe_source)
    for n in range(25):
        CommentFactory(target=idea, text=f"Beitrag Nummer {n}")
    page = new_context(viewport=VIEWPORTS[viewport]).new_page()
    page.goto(idea.get_absolute_url())
    page.wait_for_load_state("networkidle")
    items = thread(page).locator("#kommentarliste > li")
    assert items.count() == 20
    axe.check(page, "first page")

    press_on(thread(page).get_by_role("link", name="Weitere Kommentare laden"))
    expect(page.locator("#kommentarliste > li")).to_have_count(25)

    assert page.url.endswith(idea.get_absolute_url())
    assert not thread(page).get_by_role("link", name="Weitere Kommentare laden").count()
    expect(page.locator("#kommentarliste > li").nth(20)).to_be_focused()
    axe.check(page, "all loaded")
    page.goto(f"/kommentare/idee/{idea.pk}/?seite=2")
    axe.check(page, "thread page 2")

    axe.assert_clean()


def test_without_javascript_comment_and_more_still_work(browser, demo, member, idea):
    for n in range(21):
        CommentFactory(target=idea, text=f"Beitrag Nummer {n}")
    context = browser.new_context(base_url=demo.url, java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        log_in(page, member)
        page.goto(idea.get_absolute_url())
        thread(page).get_by_label("Ihr Kommentar").fill("Ohne Skript geschrieben.")
        thread(page).get_by_role("button", name="Kommentar veröffentlichen").click()
        page.wait_for_load_state("load")
        comment = on(idea).get(text="Ohne Skript geschrieben.")
        assert page.url.endswith(f"{idea.get_absolute_url()}#kommentar-{comment.pk}")
        assert page.get_by_text("Danke! Ihr Kommentar ist veröffentlicht.").is_visible()

        thread(page).get_by_role("link", name="Weitere Kommentare laden").click()
        page.wait_for_load_state("load")
        assert f"/kommentare/idee/{idea.pk}/" in page.url
        assert page.locator("#kommentarliste > li").count() == 2
    finally:
        context.close()
