"""A citizen's whole way through the account pages in Chromium: sign up,
open the verification link from the mail, log in, look at and download the
data, delete the account. On the way axe-core checks every account page,
also in its error states (WCAG 2.1 A/AA, no violation allowed).

The live server runs in a thread of the test process, so the mails it sends
land in django.core.mail.outbox of this test."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail

from smartregion.accounts.models import Consent, DeletedAccount, User

from .conftest import Axe, browser_db

pytestmark = [pytest.mark.browser, browser_db]

EMAIL = "journey@example.org"
PASSWORD = "Apfelblüte im Maifeld 2026"
NEW_PASSWORD = "Herbstnebel über der Pellenz"
NAME = "Wanderin aus Mendig"
CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/konto/confirm-email/[^/\s]+/)")
RESET_LINK = re.compile(r"https?://[^/\s]+(/konto/password/reset/key/[^/\s]+/)")


def link_from(outbox, pattern, to):
    messages = [message for message in outbox if message.to == [to]]
    assert messages, f"No mail to {to} in {[m.to for m in outbox]}"
    match = pattern.search(messages[-1].body)
    assert match, messages[-1].body
    return match.group(1)


def submit(page, name):
    page.locator("main").get_by_role("button", name=name).click()
    page.wait_for_load_state("load")


def test_a_citizen_signs_up_confirms_downloads_and_deletes(new_context, axe_source):
    axe = Axe(axe_source)
    # The page's Content-Security-Policy forbids the injected axe script.
    context = new_context(accept_downloads=True)
    page = context.new_page()

    # Sign up, first with mistakes.
    page.goto("/")
    page.locator(".account-nav").get_by_role("link", name="Registrieren").click()
    page.wait_for_url("**/konto/signup/")
    axe.check(page, "sign-up")
    consent = page.get_by_role("checkbox", name=re.compile("Teilnahmebedingungen"))
    assert not consent.is_checked()
    page.get_by_label("E-Mail").fill("keine-adresse")
    page.get_by_label("Passwort").fill("kurz")
    page.get_by_label("Öffentlicher Name").fill(NAME)
    submit(page, "Konto anlegen")
    assert page.title().startswith("Fehler:")
    assert page.get_by_label("Öffentlicher Name").input_value() == NAME
    assert page.get_by_label("Passwort").input_value() == ""
    assert (
        page.get_by_role("checkbox", name=re.compile("Teilnahmebedingungen")).get_attribute("aria-invalid") == "true"
    )
    assert page.evaluate("document.activeElement.id") == "fehler", "The error summary does not take the focus"
    axe.check(page, "sign-up with errors")
    assert not User.objects.filter(email=EMAIL).exists()

    page.get_by_label("E-Mail").fill(EMAIL)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_label("Heimatkommune (freiwillig)").select_option(label="Verbandsgemeinde Mendig")
    page.get_by_role("checkbox", name=re.compile("Teilnahmebedingungen")).check()
    submit(page, "Konto anlegen")
    page.wait_for_url("**/konto/")
    user = User.objects.get(email=EMAIL)
    assert user.display_name == NAME
    assert user.home_municipality.slug == "mendig"
    assert Consent.objects.filter(user=user).count() == 2
    assert page.get_by_role("region", name="Hinweis zu Ihrem Konto").is_visible()
    axe.check(page, "profile, unverified")

    # Open the link from the mail and confirm.
    path = link_from(mail.outbox, CONFIRM_LINK, EMAIL)
    page.goto(path)
    axe.check(page, "confirm e-mail")
    submit(page, "Adresse bestätigen")
    assert "ist bestätigt" in page.locator(".messages").inner_text()
    assert page.get_by_role("region", name="Hinweis zu Ihrem Konto").count() == 0

    # Log out (asked first on its own page), then log in again.
    page.goto("/konto/logout/")
    axe.check(page, "log out")
    submit(page, "Abmelden")
    assert page.locator(".account-nav").get_by_role("link", name="Anmelden").is_visible()

    page.locator(".account-nav").get_by_role("link", name="Anmelden").click()
    page.wait_for_url("**/konto/login/")
    axe.check(page, "login")
    page.get_by_label("E-Mail").fill(EMAIL)
    page.get_by_label("Passwort").fill("ganz-falsches-passwort")
    submit(page, "Anmelden")
    assert page.get_by_label("E-Mail").input_value() == EMAIL
    axe.check(page, "login with a wrong password")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_label("Angemeldet bleiben").check()
    submit(page, "Anmelden")
    page.wait_for_url("**/konto/")
    axe.check(page, "profile")

    # The profile with a mistake.
    page.get_by_label("Öffentlicher Name").fill("name@example.org")
    submit(page, "Speichern")
    axe.check(page, "profile with errors")

    # E-mail address, password, two factors.
    page.goto("/konto/email/")
    axe.check(page, "e-mail address")
    page.get_by_label("Neue E-Mail-Adresse").fill("keine-adresse")
    submit(page, "Adresse ändern")
    axe.check(page, "e-mail address with errors")

    page.goto("/konto/password/change/")
    axe.check(page, "change password")
    page.get_by_label("Aktuelles Passwort").fill("ganz-falsches-passwort")
    page.get_by_label("Neues Passwort", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Neues Passwort (Wiederholung)").fill("etwas ganz anderes hier")
    submit(page, "Passwort ändern")
    axe.check(page, "change password with errors")
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    page.goto("/konto/2fa/")
    axe.check(page, "two factors")
    page.locator("main").get_by_role("link", name="Aktivieren").click()
    page.wait_for_url("**/konto/reauthenticate/**")
    axe.check(page, "confirm access")
    page.get_by_label("Passwort").fill("ganz-falsches-passwort")
    submit(page, "Bestätigen")
    axe.check(page, "confirm access with a wrong password")
    page.get_by_label("Passwort").fill(PASSWORD)
    submit(page, "Bestätigen")
    page.wait_for_url("**/konto/2fa/totp/activate/")
    axe.check(page, "set up the authenticator app")
    page.get_by_label("Authentifizierungscode").fill("000000")
    submit(page, "Aktivieren")
    assert page.get_by_label("Authentifizierungscode").get_attribute("aria-invalid") == "true"
    axe.check(page, "set up the authenticator app with a wrong code")

    # Look at the data and download them.
    page.goto("/konto/")
    page.get_by_role("link", name="Meine Daten ansehen und herunterladen").click()
    page.wait_for_url("**/konto/daten/")
    axe.check(page, "data export")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("JSON")).click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    flat = json.dumps(data, ensure_ascii=False)
    assert EMAIL in flat
    assert NAME in flat

    # Delete the account: a wrong password first.
    page.goto("/konto/")
    page.get_by_role("link", name="Mein Konto löschen").click()
    page.wait_for_url("**/konto/loeschen/")
    axe.check(page, "delete account")
    page.get_by_label("Ihr aktuelles Passwort").fill("ganz-falsches-passwort")
    submit(page, "Konto endgültig löschen")
    assert "Das Passwort stimmt nicht." in page.locator("main").inner_text()
    axe.check(page, "delete account with a wrong password")
    assert User.objects.filter(pk=user.pk).exists()

    page.get_by_label("Ihr aktuelles Passwort").fill(PASSWORD)
    submit(page, "Konto endgültig löschen")
    page.wait_for_url(re.compile(r"/$"))
    assert page.locator(".account-nav").get_by_role("link", name="Anmelden").is_visible()
    assert not User.objects.filter(email=EMAIL).exists()
    assert DeletedAccount.objects.filter(user_id=user.pk).exists()
    response = page.goto("/konto/")
    assert "/konto/login/" in response.url

    axe.assert_clean()


def test_the_password_reset_pages(new_context, axe_source):
    axe = Axe(axe_source)
    User.objects.create_user(EMAIL, PASSWORD, display_name=NAME)
    page = new_context().new_page()

    page.goto("/konto/login/")
    page.get_by_role("link", name="Passwort vergessen?").click()
    page.wait_for_url("**/konto/password/reset/")
    axe.check(page, "password reset")
    page.get_by_label("E-Mail").fill("keine-adresse")
    submit(page, "Link anfordern")
    axe.check(page, "password reset with errors")
    page.get_by_label("E-Mail").fill(EMAIL)
    submit(page, "Link anfordern")
    page.wait_for_url("**/konto/password/reset/done/")
    axe.check(page, "password reset requested")

    path = link_from(mail.outbox, RESET_LINK, EMAIL)
    page.goto(path)
    axe.check(page, "new password")
    page.get_by_label("Neues Passwort", exact=True).fill("kurz")
    page.get_by_label("Neues Passwort (Wiederholung)").fill("kurz")
    submit(page, "Passwort speichern")
    axe.check(page, "new password with errors")
    page.get_by_label("Neues Passwort", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Neues Passwort (Wiederholung)").fill(NEW_PASSWORD)
    submit(page, "Passwort speichern")
    page.wait_for_url("**/konto/password/reset/key/done/")
    axe.check(page, "password changed")
    assert User.objects.get(email=EMAIL).check_password(NEW_PASSWORD)

    # The link works once.
    page.goto(path)
    assert "schon benutzt" in page.locator("main").inner_text()
    axe.check(page, "used reset link")

    axe.assert_clean()


@pytest.mark.parametrize("path", ["/konto/signup/", "/konto/login/", "/konto/password/reset/"])
def test_the_entrance_pages_fit_a_phone(new_context, axe_source, path):
    axe = Axe(axe_source)
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto(path)
    axe.check(page, path)
    submit(page, re.compile("Konto anlegen|Anmelden|Link anfordern"))
    axe.check(page, f"{path} with errors")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{path} scrolls sideways: {scroll_width} px"
    axe.assert_clean()
