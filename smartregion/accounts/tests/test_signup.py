"""Signing up at /konto/signup/: e-mail, password, public name, optional
home municipality and an explicit consent that is stored with the version of
the accepted texts. Bad input writes nothing and keeps what was typed."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from smartregion.accounts.models import Consent, User
from smartregion.accounts.tests.factories import PASSWORD
from smartregion.cms.tests.factories import ContentPageFactory

SIGNUP_URL = "/konto/signup/"
NEW_PASSWORD = "Kirschblüten am Laacher See"


def signup_data(**overrides):
    data = {
        "email": "neu@example.org",
        "password1": NEW_PASSWORD,
        "display_name": "Maifeld-Radlerin",
        "home_municipality": "",
        "accept_terms": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_sign_up_page_lives_under_konto(db):
    assert reverse("account_signup") == SIGNUP_URL


def test_the_header_links_to_the_sign_up_page(client, page_tree):
    response = client.get("/")
    assert f'href="{SIGNUP_URL}"' in response.content.decode()
    assert "Registrieren" in response.content.decode()


def test_the_form_asks_for_everything_with_an_unticked_consent(client, db):
    response = client.get(SIGNUP_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("email", "password1", "display_name", "home_municipality", "accept_terms"):
        assert f'name="{name}"' in html, name
    checkbox = re.search(r'<input type="checkbox" name="accept_terms"[^>]*>', html).group(0)
    assert "checked" not in checkbox


def test_every_field_of_the_form_is_rendered(client, db):
    # The sign-up template places each field by hand; a field added to the
    # form must not silently disappear from the page.
    response = client.get(SIGNUP_URL)
    form = response.context["form"]
    html = response.content.decode()
    for field in form.visible_fields():
        assert f'name="{field.html_name}"' in html, field.name


def test_the_form_links_the_terms_and_the_privacy_notice(client, page_tree):
    ContentPageFactory(parent=page_tree.home, title="Teilnahmebedingungen", slug="teilnahmebedingungen")
    ContentPageFactory(parent=page_tree.home, title="Datenschutz", slug="datenschutz")
    html = client.get(SIGNUP_URL).content.decode()
    assert 'href="/teilnahmebedingungen/"' in html
    assert 'href="/datenschutz/"' in html


def test_a_person_signs_up_and_is_logged_in(client, mayen, settings):
    settings.TERMS_VERSION = "terms-7"
    settings.PRIVACY_VERSION = "privacy-4"
    before = timezone.now()
    response = client.post(
        SIGNUP_URL, signup_data(email="Neu@Example.org", home_municipality=str(mayen.pk)), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:profile")
    user = User.objects.get()
    assert user.email == "neu@example.org"
    assert user.display_name == "Maifeld-Radlerin"
    assert user.home_municipality == mayen
    assert user.check_password(NEW_PASSWORD)
    assert response.context["user"] == user
    consents = {consent.document: consent for consent in Consent.objects.filter(user=user)}
    assert set(consents) == {Consent.Document.TERMS, Consent.Document.PRIVACY}
    assert consents[Consent.Document.TERMS].version == "terms-7"
    assert consents[Consent.Document.PRIVACY].version == "privacy-4"
    for consent in consents.values():
        assert before <= consent.accepted_at <= timezone.now() + dt.timedelta(seconds=1)


def test_the_home_municipality_is_optional(client, db):
    client.post(SIGNUP_URL, signup_data())
    assert User.objects.get().home_municipality is None


def test_signing_up_sends_the_confirmation_mail(client, db):
    client.post(SIGNUP_URL, signup_data())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@example.org"]
    assert "/konto/confirm-email/" in mail.outbox[0].body


def test_without_consent_nothing_is_written_and_the_input_stays(client, mayen):
    response = client.post(SIGNUP_URL, signup_data(accept_terms=None, home_municipality=str(mayen.pk)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte stimmen Sie den Teilnahmebedingungen und Datenschutzhinweisen zu." in html
    assert 'value="neu@example.org"' in html
    assert 'value="Maifeld-Radlerin"' in html
    assert f'<option value="{mayen.pk}" selected>' in html
    assert NEW_PASSWORD not in html
    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "keine-adresse"}, "Bitte gültige E-Mail-Adresse eingeben."),
        ({"email": ""}, "Dieses Feld muss ausgefüllt werden."),
        ({"display_name": ""}, "Dieses Feld muss ausgefüllt werden."),
        ({"display_name": "ich@example.org"}, "Bitte verwenden Sie keine E-Mail-Adresse als öffentlichen Namen."),
        ({"display_name": "x" * 61}, "höchstens 60 Zeichen"),
        ({"home_municipality": "999999"}, "Bitte eine gültige Auswahl treffen."),
        ({"password1": "kurz12345"}, "Dieses Passwort ist zu kurz."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, db, overrides, message):
    response = client.post(SIGNUP_URL, signup_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert mail.outbox == []


def test_an_error_is_linked_to_its_field(client, db):
    html = client.post(SIGNUP_URL, signup_data(email="keine-adresse")).content.decode()
    field = re.search(r'<input type="email" name="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_email_error"' in field
    assert '<ul class="errorlist" id="id_email_error">' in html
    # The summary at the top of the form leads to the field.
    assert '<a href="#id_email">' in html


def test_an_address_that_has_an_account_gets_no_second_one(client, citizen):
    # With verification "optional" (people may log in before they confirm),
    # allauth cannot hide at sign-up that an address is taken: a new account
    # is logged in at once, a taken address is not. The sign-up rate limit
    # per IP (test_throttling.py) bounds how many addresses can be probed.
    response = client.post(SIGNUP_URL, signup_data(email="CITIZEN@example.org"))
    assert response.status_code == 200
    assert "Mit dieser E-Mail-Adresse gibt es schon ein Konto." in response.content.decode()
    assert User.objects.count() == 1
    assert not Consent.objects.exists()
    assert "_auth_user_id" not in client.session
    assert mail.outbox == []
    citizen.refresh_from_db()
    assert citizen.check_password(PASSWORD)
    assert citizen.display_name == "Bürgerin"
