"""Who may enter the staff backend at /redaktion/: editors who logged in
with a second factor yes, anonymous visitors are sent to the login,
registered citizens are refused."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from smartregion.accounts.tests.factories import PASSWORD, enable_totp, log_in_with_second_factor, totp_code
from smartregion.cms.tests.factories import NewsPageFactory

LOGIN = reverse("account_login")
AUTHENTICATE = reverse("mfa_authenticate")
REAUTHENTICATE = reverse("mfa_reauthenticate")


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # See test_two_factor_for_staff: codes must not go stale mid-test.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.mark.django_db
def test_an_editor_sees_the_dashboard(client, editor):
    log_in_with_second_factor(client, editor)

    response = client.get("/redaktion/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_an_editor_can_browse_the_page_tree(client, editor, page_tree):
    log_in_with_second_factor(client, editor)

    response = client.get(f"/redaktion/pages/{page_tree.home.pk}/")

    assert response.status_code == 200
    assert "Aktuelles" in response.text
    assert "Projektbüro" in response.text


@pytest.mark.django_db
def test_an_editor_can_open_a_news_item_for_editing(client, editor, page_tree):
    news_item = NewsPageFactory(parent=page_tree.news_index, title="Zu bearbeiten")
    log_in_with_second_factor(client, editor)

    response = client.get(f"/redaktion/pages/{news_item.pk}/edit/")

    assert response.status_code == 200
    assert "Zu bearbeiten" in response.text


@pytest.mark.django_db
def test_an_editor_can_open_the_municipality_snippets(client, editor):
    log_in_with_second_factor(client, editor)

    response = client.get("/redaktion/snippets/region/municipality/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_an_editor_may_not_delete_the_home_page_with_its_subtree(client, editor, page_tree):
    log_in_with_second_factor(client, editor)

    response = client.post(f"/redaktion/pages/{page_tree.home.pk}/delete/")

    # Wagtail answers a denied permission with a redirect to the dashboard.
    assert response.status_code == 302
    assert response.url == "/redaktion/"
    assert Page.objects.filter(pk=page_tree.home.pk).exists()
    assert Page.objects.filter(pk=page_tree.news_index.pk).exists()


@pytest.mark.django_db
def test_an_editor_with_a_password_only_session_is_asked_for_the_code(client, editor):
    enable_totp(editor)
    client.force_login(editor)

    response = client.get("/redaktion/")

    assert response.status_code == 302
    assert response.url == f"{REAUTHENTICATE}?next=/redaktion/"


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
def test_an_editor_logs_in_with_the_e_mail_address_and_the_code(client, editor):
    secret = enable_totp(editor)

    response = client.post(f"{LOGIN}?next=/redaktion/", {"login": "editor@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == AUTHENTICATE
    response = client.post(AUTHENTICATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == "/redaktion/"
    assert client.get("/redaktion/").status_code == 200


@pytest.mark.django_db
def test_the_login_ignores_the_case_of_the_e_mail_address(client, editor):
    enable_totp(editor)

    response = client.post(f"{LOGIN}?next=/redaktion/", {"login": "Editor@Example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == AUTHENTICATE


@pytest.mark.django_db
def test_a_wrong_password_does_not_log_in(client, editor):
    enable_totp(editor)

    response = client.post(f"{LOGIN}?next=/redaktion/", {"login": "editor@example.org", "password": "falsch"})

    assert response.status_code == 200
    assert client.get("/redaktion/").url == f"{LOGIN}?next=/redaktion/"


@pytest.mark.django_db
def test_wagtails_own_login_form_sends_everyone_to_the_account_login(client):
    # The backend's form would skip allauth's rate limits and blocking.
    response = client.get("/redaktion/login/?next=/redaktion/pages/")

    assert response.status_code == 302
    assert response.url == "/konto/login/?next=/redaktion/pages/"
