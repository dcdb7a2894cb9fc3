"""A juror's path in Chromium: log in with password and authenticator code,
open the board, rate an idea with the keyboard alone, see the other
jurors' ratings only afterwards; an editor reads the ranking, marks two
winners (a statement is required) and publishes the results, which then
stand on the process page. Both log in the real way (staff_page), every
CSP violation, script error and console error fails the test, and axe-core
checks every page state (WCAG 2.1 A/AA, no violation allowed)."""

import re

import pytest
from playwright.sync_api import expect

from smartregion.accounts.tests.factories import enable_totp
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.models import JuryRating
from smartregion.jury.tests.factories import JuryRatingFactory
from smartregion.jury.tests.jury_setup import jury_process, new_juror

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

STATEMENT = "Die Mitfahrbank verbindet die Dörfer, ohne dass eine neue Buslinie nötig ist."
SHOP_STATEMENT = "Der Dorfladen hält die Wege kurz und bringt die Nachbarschaft zusammen."
RESULTS = "Die Jury hat alle Ideen gelesen und eine ausgezeichnet."


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # A code made at the very end of a 30-second period would be stale when
    # checked (as in accounts/tests/test_two_factor_for_staff.py).
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def jury(demo):
    from smartregion.accounts.tests.factories import UserFactory, editors_group, verify_email

    juror = new_juror(email="jurorin.browser@example.org", name="Jurorin Weber")
    other = new_juror(email="juror.zwei@example.org", name="Juror Schmitt")
    editor = verify_email(
        UserFactory(email="redaktion.browser@example.org", display_name="Redakteur", groups=[editors_group()])
    )
    process = jury_process(juror, other, weights=(1, 2), title="Ideenwettbewerb Jurytest", slug="jurytest")
    impact, feasibility = process.jury_criteria.order_by("sort_order")
    impact.name, impact.description = "Wirkung", "Wie viele Menschen haben etwas davon?"
    impact.save()
    feasibility.name, feasibility.description = "Machbarkeit", "Lässt sich die Idee in zwei Jahren umsetzen?"
    feasibility.save()
    bench = IdeaFactory(process=process, title="Mitfahrbank am Ortsausgang")
    shop = IdeaFactory(process=process, title="Dorfladen mit Tauschregal")
    IdeaFactory(process=process, title="Repair-Café im Bürgerhaus")
    for criterion, score in ((impact, 2), (feasibility, 5)):
        JuryRatingFactory(idea=bench, criterion=criterion, juror=other, score=score, note="Notiz von Schmitt")
    # The other juror thinks most of the shop: first in the ranking.
    for criterion in (impact, feasibility):
        JuryRatingFactory(idea=shop, criterion=criterion, juror=other, score=5)
    return {
        "process": process,
        "juror": juror,
        "juror_secret": enable_totp(juror),
        "editor": editor,
        "editor_secret": enable_totp(editor),
        "bench": bench,
        "shop": shop,
        "criteria": (impact, feasibility),
    }


def test_a_juror_rates_with_the_keyboard_and_an_editor_publishes(staff_page, new_context, axe_source, jury):
    axe = Axe(axe_source)
    process, bench, shop = jury["process"], jury["bench"], jury["shop"]
    page = staff_page(jury["juror"], jury["juror_secret"], "/redaktion/jury/")
    axe.check(page, "jury index")
    page.get_by_role("link", name="Ideenwettbewerb Jurytest").click()
    page.wait_for_url(f"**/redaktion/jury/{process.slug}/")
    assert page.get_by_text("Sie haben 0 von 3 Ideen bewertet.").is_visible()
    axe.check(page, "board")

    page.get_by_role("link", name="Mitfahrbank am Ortsausgang").click()
    page.wait_for_url(f"**/redaktion/jury/{process.slug}/ideen/{bench.pk}/")
    assert page.get_by_text("sobald Sie diese Idee in allen Kriterien bewertet haben").is_visible()
    assert page.get_by_text("Juror Schmitt").count() == 0
    axe.check(page, "rating page")

    # Saving without points: the error summary, nothing written.
    page.get_by_role("button", name="Speichern und zur nächsten Idee").click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", name="Bitte prüfen Sie Ihre Angaben").is_visible()
    assert page.evaluate("document.activeElement.id") == "fehler", "The error summary does not take the focus"
    axe.check(page, "rating page with errors")
    assert not JuryRating.objects.filter(juror=jury["juror"]).exists()

    # With the keyboard only: into the first group, pick 4, write a note,
    # on to the second group, pick 2, submit.
    impact_group = page.get_by_role("group", name=re.compile("Wirkung"))
    impact_group.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.type("Stark für ältere Menschen ohne Auto.")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Speichern und zur nächsten Idee"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/redaktion/jury/{process.slug}/ideen/{shop.pk}/")
    assert page.get_by_text("ist gespeichert").is_visible()
    impact, feasibility = jury["criteria"]
    ratings = {r.criterion_id: r for r in JuryRating.objects.filter(juror=jury["juror"], idea=bench)}
    assert ratings[impact.pk].score == 4
    assert ratings[impact.pk].note == "Stark für ältere Menschen ohne Auto."
    assert ratings[feasibility.pk].score == 2
    axe.check(page, "next idea after saving")

    # Now the other juror's ratings of the first idea show, not the note.
    page.goto(f"/redaktion/jury/{process.slug}/ideen/{bench.pk}/")
    others = page.get_by_role("table", name="Punkte der anderen Jurymitglieder je Kriterium")
    assert others.get_by_role("rowheader", name="Juror Schmitt").is_visible()
    assert page.get_by_text("Notiz von Schmitt").count() == 0
    assert (
        page.get_by_label("Ihre Notiz zu „Wirkung“ (freiwillig)").input_value()
        == "Stark für ältere Menschen ohne Auto."
    )
    axe.check(page, "rating page with the others' ratings")
    page.goto(f"/redaktion/jury/{process.slug}/")
    assert page.get_by_text("Sie haben 1 von 3 Ideen bewertet.").is_visible()

    # The editor's ranking: best score first (weighted means of both
    # jurors), the unrated idea last.
    ranking = f"/redaktion/jury/{process.slug}/rangliste/"
    editor_page = staff_page(jury["editor"], jury["editor_secret"], ranking)
    rows = editor_page.get_by_role("table", name="Ideen nach Punkten der Jury, die beste zuerst").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Dorfladen mit Tauschregal")
    expect(rows.nth(1)).to_contain_text("Mitfahrbank am Ortsausgang")
    expect(rows.nth(1)).to_contain_text("2 von 2")
    expect(rows.nth(2)).to_contain_text("Repair-Café im Bürgerhaus")
    axe.check(editor_page, "ranking")

    # A winner needs the jury's public statement.
    row = editor_page.get_by_role("row").filter(has_text="Mitfahrbank am Ortsausgang")
    row.locator("summary").click()
    axe.check(editor_page, "ranking with the winner form open")
    row.get_by_role("button", name=re.compile("Idee auszeichnen")).click()
    editor_page.wait_for_load_state("load")
    row = editor_page.get_by_role("row").filter(has_text="Mitfahrbank am Ortsausgang")
    expect(row.get_by_text("Bitte schreiben Sie, warum die Jury diese Idee auszeichnet.")).to_be_visible()
    assert Idea.objects.get(pk=bench.pk).status != Idea.Status.WINNER
    axe.check(editor_page, "winner form without a statement")
    row.get_by_label("Öffentliche Begründung der Jury").fill(STATEMENT)
    row.get_by_role("button", name=re.compile("Idee auszeichnen")).click()
    editor_page.wait_for_load_state("load")
    assert Idea.objects.get(pk=bench.pk).status == Idea.Status.WINNER
    # A second winner.
    row = editor_page.get_by_role("row").filter(has_text="Dorfladen mit Tauschregal")
    row.locator("summary").click()
    row.get_by_label("Öffentliche Begründung der Jury").fill(SHOP_STATEMENT)
    row.get_by_role("button", name=re.compile("Idee auszeichnen")).click()
    editor_page.wait_for_load_state("load")
    assert Idea.objects.get(pk=shop.pk).status == Idea.Status.WINNER
    expect(editor_page.get_by_text("„Dorfladen mit Tauschregal“ ist ausgezeichnet.")).to_be_visible()
    axe.check(editor_page, "ranking with two winners")
    editor_page.get_by_label("Erklärung zu den Ergebnissen").fill(RESULTS)
    editor_page.get_by_role("button", name="Ergebnisse veröffentlichen").click()
    editor_page.wait_for_load_state("load")
    assert editor_page.get_by_text("Die Ergebnisse sind veröffentlicht").first.is_visible()
    axe.check(editor_page, "ranking after publishing")

    visitor = new_context().new_page()
    visitor.goto(f"/beteiligung/{process.slug}/")
    assert visitor.get_by_role("heading", name="Die ausgezeichneten Ideen").is_visible()
    winner = visitor.get_by_role("article", name="Mitfahrbank am Ortsausgang")
    assert winner.get_by_text(STATEMENT).is_visible()
    assert visitor.get_by_role("article", name="Dorfladen mit Tauschregal").get_by_text(SHOP_STATEMENT).is_visible()
    assert visitor.get_by_text(RESULTS).is_visible()
    axe.check(visitor, "process page with the results")

    axe.assert_clean()
