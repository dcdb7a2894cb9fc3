from django.template.loader import render_to_string

from smartregion.lib.admin_panels import WaitingItem, WaitingPanel


def test_a_waiting_panel_renders_each_item_as_a_link_with_its_count():
    panel = WaitingPanel("test", "Wartet auf Sie", [WaitingItem("Ideen ohne Antwort", 3, "/redaktion/ideen/")])

    html = panel.render_html({})

    assert 'id="waiting-test-section"' in html
    assert "Wartet auf Sie" in html
    assert '<a href="/redaktion/ideen/">Ideen ohne Antwort</a>' in html
    assert ">3</span>" in html


def test_a_waiting_panel_without_items_says_that_nothing_waits():
    html = WaitingPanel("test", "Wartet auf Sie", [], empty_text="Keine Jury bewertet.").render_html({})

    assert "Keine Jury bewertet." in html
    assert "<table" not in html


def test_the_include_renders_without_the_component():
    html = render_to_string(
        "includes/admin_waiting_panel.html",
        {"panel_id": "waiting-x", "heading": "Wartet", "items": [WaitingItem("Meldungen", 0, "/m/")]},
    )

    assert '<a href="/m/">Meldungen</a>' in html
