"""Confirming the e-mail address: the link from the mail shows a button
(opening a link never confirms by itself, mail scanners open links too), the
button confirms; until then the person may log in, sees a banner and can ask
for the mail again, but is no verified participant."""

import re
import time

from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from smartregion.accounts.models import User
from smartregion.accounts.predicates import is_verified_participant
from smartregion.accounts.tests.factories import verify_email

CONFIRM_LINK = re.compile(r"https?://[^/\s]+(/konto/confirm-email/[^/\s]+/)")
BANNER = "Bitte bestätigen Sie Ihre E-Mail-Adresse. Erst dann können Sie Ideen einreichen"


def confirmation_path(message):
    match = CONFIRM_LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def sign_up(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "neu@example.org",
            "password1": "Kirschblüten am Laacher See",
            "display_name": "Neue Person",
            "accept_terms": "on",
        },
    )
    return User.objects.get(email="neu@example.org")


def send_again(client, user):
    return client.post(reverse("account_email"), {"email": user.email, "action_send": ""})


def test_a_new_account_is_not_yet_a_verified_participant(client, db):
    user = sign_up(client)
    assert not is_verified_participant(user)


def test_the_link_from_the_mail_shows_a_button_and_confirms_nothing_by_itself(client, db):
    user = sign_up(client)
    response = client.get(confirmation_path(mail.outbox[0]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Adresse bestätigen" in html
    assert 'method="post"' in html
    assert not is_verified_participant(user)


def test_the_button_confirms_the_address(client, db):
    user = sign_up(client)
    path = confirmation_path(mail.outbox[0])
    response = client.post(path, follow=True)
    assert response.status_code == 200
    assert "Ihre Adresse neu@example.org ist bestätigt" in response.content.decode()
    user.refresh_from_db()
    assert is_verified_participant(user)


def test_the_link_works_in_another_browser_too(client, db):
    # People often open the mail on their phone.
    user = sign_up(client)
    Client().post(confirmation_path(mail.outbox[0]))
    assert is_verified_participant(user)


def test_a_broken_link_is_explained(client, db):
    response = client.get("/konto/confirm-email/kein-gueltiger-schluessel/")
    assert "Dieser Bestätigungslink ist abgelaufen oder ungültig." in response.content.decode()
    assert client.post("/konto/confirm-email/kein-gueltiger-schluessel/").status_code == 404


def test_an_expired_link_confirms_nothing(client, citizen, settings, monkeypatch):
    client.force_login(citizen)
    # The link is signed with the time it was made; make it older than
    # the days it is valid.
    days = settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS
    past = int(time.time()) - (days + 1) * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(past))
        send_again(client, citizen)
    path = confirmation_path(mail.outbox[0])
    response = client.get(path)
    assert "Dieser Bestätigungslink ist abgelaufen oder ungültig." in response.content.decode()
    assert client.post(path).status_code == 404
    assert not is_verified_participant(citizen)


def test_an_unverified_person_can_log_in_and_sees_the_banner(client, citizen):
    response = client.post(
        reverse("account_login"), {"login": citizen.email, "password": "ein-langes-testpasswort"}, follow=True
    )
    assert response.context["user"] == citizen
    html = response.content.decode()
    assert BANNER in html
    assert 'name="action_send"' in html
    assert "Bestätigungs-E-Mail erneut senden" in html


def test_a_verified_person_sees_no_banner(client, citizen):
    verify_email(citizen)
    client.force_login(citizen)
    assert BANNER not in client.get(reverse("accounts:profile")).content.decode()


def test_visitors_see_no_banner(client, page_tree):
    assert BANNER not in client.get("/").content.decode()


def test_the_banner_button_sends_a_new_mail_that_confirms(client, citizen):
    client.force_login(citizen)
    response = send_again(client, citizen)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [citizen.email]
    assert mail.outbox[0].subject == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    client.post(confirmation_path(mail.outbox[0]))
    assert is_verified_participant(citizen)


def test_sending_again_needs_a_login(client, citizen):
    response = send_again(client, citizen)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert mail.outbox == []


def test_nobody_can_send_the_mail_to_an_address_of_another_account(client, citizen, other_citizen):
    client.force_login(citizen)
    client.post(reverse("account_email"), {"email": other_citizen.email, "action_send": ""})
    assert mail.outbox == []


def test_a_blocked_person_is_no_verified_participant(citizen):
    verify_email(citizen)
    assert is_verified_participant(citizen)
    citizen.blocked_reason = "Beleidigungen"
    assert not is_verified_participant(citizen)
