"""Who may enter the staff backend at /redaktion/: editors yes, anonymous
visitors are sent to the login, registered citizens are refused."""

import pytest
from wagtail.models import Page

from smartregion.accounts.tests.factories import PASSWORD
from smartregion.cms.tests.factories import NewsPageFactory

LOGIN = "/redaktion/login/"


@pytest.mark.django_db
def test_an_editor_sees_the_dashboard(client, editor):
    client.force_login(editor)

    response = client.get("/redaktion/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_an_editor_can_browse_the_page_tree(client, editor, page_tree):
    client.force_login(editor)

    response = client.get(f"/redaktion/pages/{page_tree.home.pk}/")

    assert response.status_code == 200
    assert "Aktuelles" in response.text
    assert "Projektbüro" in response.text


@pytest.mark.django_db
def test_an_editor_can_open_a_news_item_for_editing(client, editor, page_tree):
    news_item = NewsPageFactory(parent=page_tree.news_index, title="Zu bearbeiten")
    client.force_login(editor)

    response = client.get(f"/redaktion/pages/{news_item.pk}/edit/")

    assert response.status_code == 200
    assert "Zu bearbeiten" in response.text


@pytest.mark.django_db
def test_an_editor_can_open_the_municipality_snippets(client, editor):
    client.force_login(editor)

    response = client.get("/redaktion/snippets/region/municipality/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_an_editor_may_not_delete_the_home_page_with_its_subtree(client, editor, page_tree):
    client.force_login(editor)

    response = client.post(f"/redaktion/pages/{page_tree.home.pk}/delete/")

    # Wagtail answers a denied permission with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == "/redaktion/"
    assert Page.objects.filter(pk=page_tree.home.pk).exists()
    assert Page.objects.filter(pk=page_tree.news_index.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/redaktion/", "/redaktion/pages/", "/redaktion/documents/"])
def test_an_anonymous_visitor_is_sent_to_the_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/redaktion/", "/redaktion/pages/", "/redaktion/documents/"])
def test_a_citizen_is_refused(client, citizen, url):
    client.force_login(citizen)

    response = client.get(url, follow=True)

    assert response.redirect_chain == [(f"{LOGIN}?next={url}", 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert any("nicht die nötige Berechtigung" in message for message in messages)


@pytest.mark.django_db
def test_an_editor_logs_in_with_the_e_mail_address(client, editor):
    response = client.post(LOGIN, {"username": "editor@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/redaktion/"
    assert client.get("/redaktion/").status_code == 200


@pytest.mark.django_db
def test_the_login_ignores_the_case_of_the_e_mail_address(client, editor):
    response = client.post(LOGIN, {"username": "Editor@Example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/redaktion/"


@pytest.mark.django_db
def test_a_wrong_password_does_not_log_in(client, editor):
    response = client.post(LOGIN, {"username": "editor@example.org", "password": "falsch"})

    assert response.status_code == 200
    assert client.get("/redaktion/").status_code == 302
