"""An editorial content page ("Über das Projekt", FAQ, legal pages)."""

import pytest

from smartregion.cms.tests.factories import ContentPageFactory


@pytest.mark.django_db
def test_it_shows_title_summary_and_body(client, page_tree):
    ContentPageFactory(
        parent=page_tree.home,
        title="Fragen und Antworten",
        slug="faq",
        summary="Was Sie wissen sollten.",
        body=[("heading", "Wer steckt dahinter?"), ("text", "<p>Der Landkreis und zehn Kommunen.</p>")],
    )

    response = client.get("/faq/")

    assert response.status_code == 200
    assert "<h1>Fragen und Antworten</h1>" in response.text
    assert '<p class="lead">Was Sie wissen sollten.</p>' in response.text
    assert "Wer steckt dahinter?" in response.text
    assert "Der Landkreis und zehn Kommunen." in response.text


@pytest.mark.django_db
def test_it_lists_its_published_subpages_only(client, page_tree):
    ContentPageFactory(parent=page_tree.content, title="Das Team", slug="team", summary="Wer mitarbeitet.")
    ContentPageFactory(parent=page_tree.content, title="Noch nicht fertig", slug="entwurf").unpublish()

    response = client.get("/ueber-das-projekt/")

    assert "Mehr zu diesem Thema" in response.text
    assert '<a href="/ueber-das-projekt/team/">Das Team</a>' in response.text
    assert "Wer mitarbeitet." in response.text
    assert "Noch nicht fertig" not in response.text


@pytest.mark.django_db
def test_a_subpage_has_breadcrumbs(client, page_tree):
    ContentPageFactory(parent=page_tree.content, title="Das Team", slug="team")

    response = client.get("/ueber-das-projekt/team/")

    assert '<li><a href="/ueber-das-projekt/">Über das Projekt</a></li>' in response.text
    assert '<li><span aria-current="page">Das Team</span></li>' in response.text


@pytest.mark.django_db
def test_a_page_in_the_menu_is_linked_from_every_page(client, page_tree):
    page_tree.content.show_in_menus = True
    page_tree.content.save_revision().publish()

    response = client.get("/kommunen/")

    assert '<a href="/ueber-das-projekt/">Über das Projekt</a>' in response.text
