"""The moderation walk in Chromium: a citizen reports a comment through the
public "Melden" form; a moderator finds it on the dashboard and in the
queue and hides it with a reason; the author sees the placeholder and
objects through the link of the e-mail; a second moderator decides the
objection and the comment is back. Staff log in for real (password and
authenticator code); console errors and CSP violations fail the test;
axe-core checks every page state (WCAG 2.1 A/AA)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import PASSWORD, UserFactory, enable_totp, verify_email
from smartregion.comments.models import Comment
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation.models import ModerationAction, Objection, Report
from smartregion.moderation.tests.queue_setup import new_moderator
from smartregion.participation.tests.factories import process_with_phase
from smartregion.region.models import Municipality

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

INSULT = "Die Leute im Gemeinderat sind doch alle Idioten."
OBJECTION = "Das war zugespitzte Kritik an Entscheidungen, keine Beleidigung einzelner Menschen."


@pytest.fixture
def walk(demo):
    mayen = Municipality.objects.get(slug="mayen")
    process = process_with_phase("ideas.comment", "ideas.support", title="Ideen für Mayen", slug="ideen-mayen-walk")
    idea = IdeaFactory(process=process, municipality=mayen, title="Bücherschrank am Marktplatz")
    author = verify_email(UserFactory(email="autorin@example.org", display_name="Autorin"))
    comment = CommentFactory(target=idea, author=author, text=INSULT)
    first = new_moderator("moderation.eins@example.org", "Moderatorin Eins")
    second = new_moderator("moderation.zwei@example.org", "Moderator Zwei", [mayen])
    return {
        "idea": idea,
        "comment": comment,
        "author": author,
        "reporter": verify_email(UserFactory(email="melderin@example.org", display_name="Melderin")),
        "first": first,
        "first_secret": enable_totp(first),
        "second": second,
        "second_secret": enable_totp(second),
    }


def log_in(page, user):
    """The public login of a participant (no second factor)."""
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("load")


def test_report_hide_object_and_decide(new_context, staff_page, axe_source, walk):
    axe = Axe(axe_source)
    comment, idea = walk["comment"], walk["idea"]

    # A citizen reports the comment.
    citizen = new_context().new_page()
    log_in(citizen, walk["reporter"])
    citizen.goto(idea.get_absolute_url())
    body = citizen.locator(f"#kommentar-{comment.pk}")
    expect(body).to_contain_text(INSULT)
    body.get_by_role("link", name=re.compile("^Melden")).click()
    citizen.wait_for_url(f"**/moderation/melden/kommentar/{comment.pk}/")
    axe.check(citizen, "report form")
    citizen.get_by_label("Beleidigung oder Bedrohung").check()
    citizen.get_by_label("Erläuterung (freiwillig)").fill("Beschimpft den ganzen Gemeinderat.")
    citizen.get_by_role("button", name="Meldung abschicken").click()
    citizen.wait_for_url(f"**{idea.get_absolute_url()}*")
    expect(citizen.locator("main")).to_contain_text("Vielen Dank für Ihre Meldung.")
    axe.check(citizen, "idea page after the report")
    assert Report.objects.filter(object_id=comment.pk, status=Report.Status.OPEN).count() == 1

    # The first moderator sees it on the dashboard and hides it.
    first = staff_page(walk["first"], walk["first_secret"], "/redaktion/")
    panel = first.locator("#waiting-moderation-section")
    expect(panel).to_contain_text("gemeldeter Beitrag")
    axe.check(first, "dashboard with the moderation panel")
    panel.get_by_role("link", name="gemeldeter Beitrag").click()
    first.wait_for_url("**/redaktion/moderation/?art=meldungen")
    reports = first.locator("section", has=first.locator("#reports-title"))
    expect(reports).to_contain_text("1 Meldung: Beleidigung oder Bedrohung")
    axe.check(first, "queue with one report")
    reports.get_by_role("link", name=f"Kommentar: {INSULT}").click()
    first.wait_for_url(f"**/redaktion/moderation/kommentar/{comment.pk}/")
    expect(first.locator("main")).to_contain_text("Beschimpft den ganzen Gemeinderat.")
    axe.check(first, "item page")

    hide = first.locator("form", has=first.get_by_role("button", name="Ausblenden"))
    hide.get_by_label("Erläuterung für die verfassende Person (freiwillig)").fill("Bitte ohne Beschimpfungen.")
    hide.get_by_role("button", name="Ausblenden").click()
    first.wait_for_load_state("load")
    expect(first.locator("main")).to_contain_text("Bitte wählen Sie einen Grund für das Ausblenden.")
    hide = first.locator("form", has=first.get_by_role("button", name="Ausblenden"))
    expect(hide.get_by_label("Erläuterung für die verfassende Person (freiwillig)")).to_have_value(
        "Bitte ohne Beschimpfungen."
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.VISIBLE
    axe.check(first, "hide form with an error")
    hide.get_by_label("Grund (wird öffentlich genannt)").select_option(label="respektlos oder beleidigend")
    hide.get_by_role("button", name="Ausblenden").click()
    first.wait_for_url(f"**/redaktion/moderation/kommentar/{comment.pk}/")
    expect(first.locator("#item-state")).to_have_text("ausgeblendet")
    expect(first.locator(".messages")).to_contain_text("Der Beitrag ist ausgeblendet.")
    axe.check(first, "item page after hiding")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN

    # The author sees the placeholder and objects through the e-mail's link.
    author = new_context().new_page()
    log_in(author, walk["author"])
    author.goto(idea.get_absolute_url())
    expect(author.locator(f"#kommentar-{comment.pk}")).to_contain_text(
        "Von der Moderation ausgeblendet: respektlos oder beleidigend"
    )
    axe.check(author, "idea page with the placeholder")
    [notice] = [message for message in mail.outbox if message.to == [walk["author"].email]]
    objection_path = re.search(r"/moderation/widerspruch/\d+/", notice.body)[0]
    author.goto(objection_path)
    expect(author.locator("main")).to_contain_text("Bitte ohne Beschimpfungen.")
    axe.check(author, "objection form")
    author.get_by_label("Ihr Widerspruch").fill(OBJECTION)
    author.get_by_role("button", name="Widerspruch einlegen").click()
    author.wait_for_load_state("load")
    axe.check(author, "after the objection")
    objection = Objection.objects.get(object_id=comment.pk)
    assert objection.status == Objection.Status.OPEN

    # The first moderator may not decide on her own decision.
    first.reload()
    expect(first.locator("main")).to_contain_text(
        "Über den Widerspruch entscheidet eine andere Person der Moderation."
    )
    assert first.get_by_role("button", name="Über den Widerspruch entscheiden").count() == 0

    # A second moderator (for Mayen) decides.
    second = staff_page(walk["second"], walk["second_secret"], "/redaktion/moderation/?art=widersprueche")
    objections = second.locator("section", has=second.locator("#objections-title"))
    expect(objections).to_contain_text(OBJECTION)
    axe.check(second, "queue with one objection")
    objections.get_by_role("link", name=f"Kommentar: {INSULT}").click()
    second.wait_for_url(f"**/redaktion/moderation/kommentar/{comment.pk}/")
    axe.check(second, "item page with the objection")
    second.get_by_label("Widerspruch stattgeben: der Beitrag wird wieder sichtbar").check()
    second.get_by_label("Begründung (freiwillig)").fill("Scharf, aber Kritik an der Sache.")
    second.get_by_role("button", name="Über den Widerspruch entscheiden").click()
    second.wait_for_url(f"**/redaktion/moderation/kommentar/{comment.pk}/")
    expect(second.locator(".messages")).to_contain_text("Dem Widerspruch ist stattgegeben")
    expect(second.locator("#item-state")).to_have_text("sichtbar")
    axe.check(second, "item page after the decision")

    objection.refresh_from_db()
    comment.refresh_from_db()
    assert objection.status == Objection.Status.UPHELD
    assert objection.decided_by == walk["second"]
    assert comment.status == Comment.Status.VISIBLE
    actions_taken = list(
        ModerationAction.objects.filter(object_id=comment.pk, content_type__model="comment")
        .order_by("created_at", "pk")
        .values_list("action", flat=True)
    )
    assert actions_taken == ["report", "hide", "objection", "objection_upheld"]

    # The log shows the walk and offers the CSV.
    second.goto(f"/redaktion/moderation/protokoll/?beitrag=kommentar:{comment.pk}")
    expect(second.locator("main table")).to_contain_text("Widerspruch stattgegeben")
    axe.check(second, "audit log of the comment")

    axe.assert_clean()
