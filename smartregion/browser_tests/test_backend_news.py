"""An editor publishes a news item in the staff backend, in Chromium: a new
page "Nachricht" below "Aktuelles", its teaser image chosen in Wagtail's
modal image chooser. The public news page shows the image with the image's
description as its alternative text. axe-core checks the page editor empty,
with the chooser open and filled in, the page explorer after publishing and
the published page.

Wagtail's page editor runs its own scripts (choosers, Draftail, StreamField,
the action menu): a blocked or failing script fails the test through
`staff_page`."""

import re

import pytest
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import UserFactory, editors_group, enable_totp, verify_email
from smartregion.cms.models import NewsIndexPage, NewsPage
from smartregion.cms.tests.factories import ImageFactory

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

ALT = "Menschen sitzen an langen Tischen im Bürgerhaus und schreiben Ideen auf Karten"
TEASER = "Über hundert Menschen kamen zum ersten Zukunftsforum nach Mendig."


def field(scope, label):
    """The form field labelled `label` in `scope` (Wagtail marks a required
    field's label with an asterisk; a field's panel and its anchor links
    carry the same name)."""
    named = scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\*?\s*$"))
    return named.and_(scope.locator("input, select, textarea"))


@pytest.fixture
def editor(demo):
    editor = verify_email(
        UserFactory(email="redakteurin@example.org", display_name="Redakteurin", groups=[editors_group()])
    )
    return editor, enable_totp(editor)


@pytest.fixture
def image(demo):
    return ImageFactory(title="Zukunftsforum Mendig", description=ALT)


def test_an_editor_publishes_news_with_an_image(staff_page, new_context, axe_source, editor, image):
    axe = Axe(axe_source)
    news_index = NewsIndexPage.objects.get()
    page = staff_page(*editor, f"/redaktion/pages/{news_index.pk}/")
    page.get_by_role("link", name=re.compile("Unterseite hinzufügen")).first.click()
    page.wait_for_url(re.compile(r".*/redaktion/pages/add/cms/newspage/\d+/$"))
    axe.check(page, "new news item, empty")

    field(page, "Titel").first.fill("Das erste Zukunftsforum in Mendig")
    field(page, "Verfasst von").fill("Projektbüro")
    field(page, "Anreißer").fill(TEASER)

    page.get_by_role("button", name="Bild auswählen").click()
    modal = page.get_by_role("dialog")
    choice = modal.get_by_role("link", name=re.compile("Zukunftsforum Mendig"))
    expect(choice).to_be_visible()
    axe.check(page, "image chooser open")
    choice.click()
    expect(modal).to_be_hidden()
    # The modal's backdrop fades out after it (axe would measure the colours
    # behind it halfway).
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    expect(page.locator("[data-chooser-title]").filter(has_text="Zukunftsforum Mendig")).to_be_visible()
    axe.check(page, "news item filled in")

    page.get_by_role("button", name="Mehr Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_url(f"**/redaktion/pages/{news_index.pk}/")
    expect(page.locator(".messages")).to_contain_text("Das erste Zukunftsforum in Mendig")
    # The status tag of the live page is named with what it shows
    # (locale/de replaces Wagtail's wording).
    axe.check(page, "page explorer after publishing")

    news = NewsPage.objects.get(title="Das erste Zukunftsforum in Mendig")
    assert news.live
    assert news.teaser_image == image
    assert news.teaser == TEASER
    assert news.author_role == "Projektbüro"

    visitor = new_context().new_page()
    response = visitor.goto(news.url)
    assert response.status == 200
    expect(visitor.get_by_role("heading", name="Das erste Zukunftsforum in Mendig")).to_be_visible()
    expect(visitor.get_by_role("img", name=ALT)).to_be_visible()
    axe.check(visitor, "published news item")

    axe.assert_clean()
