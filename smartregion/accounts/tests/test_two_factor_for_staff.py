"""Staff open /redaktion/ only after logging in with a second factor (an
authenticator app, TOTP, with recovery codes); citizens may switch it on
but never reach the backend."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from smartregion.accounts.tests.factories import (
    PASSWORD,
    UserFactory,
    enable_totp,
    log_in_with_second_factor,
    totp_code,
    verify_email,
)

# Marked for the whole module: tests that get their people by
# request.getfixturevalue would otherwise run after the transactional tests,
# which empty the database of the groups the migrations made.
pytestmark = pytest.mark.django_db

BACKEND = "/redaktion/"
ACTIVATE = reverse("mfa_activate_totp")
REAUTHENTICATE = reverse("mfa_reauthenticate")
AUTHENTICATE = reverse("mfa_authenticate")
LOGIN = reverse("account_login")
PASSWORD_AGAIN = reverse("account_reauthenticate")
STAFF = ["editor", "moderator", "guide_mayen", "juror", "admin", "superuser"]


@pytest.fixture(autouse=True)
def _tolerate_the_next_period(settings):
    # A code made in the last millisecond of a 30-second period would be
    # stale when checked; one period of tolerance, as many sites allow,
    # keeps the tests from depending on the clock.
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def superuser(db):
    return verify_email(UserFactory(email="super@example.org", is_superuser=True, is_staff=True))


def log_in_with_password(client, user, next_url=BACKEND):
    return client.post(f"{LOGIN}?next={next_url}", {"login": user.email, "password": PASSWORD})


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_urls_are_those_of_the_account_area():
    assert ACTIVATE == "/konto/2fa/totp/activate/"
    assert REAUTHENTICATE == "/konto/2fa/reauthenticate/"


@pytest.mark.django_db
@pytest.mark.parametrize("person", STAFF)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, request, person):
    user = request.getfixturevalue(person)
    log_in_with_password(client, user)

    response = client.get(BACKEND)

    assert response.status_code == 302
    assert response.url == ACTIVATE


@pytest.mark.django_db
def test_every_backend_address_is_closed_without_two_factors(client, admin):
    log_in_with_password(client, admin)

    for url in [BACKEND, "/redaktion/pages/", "/redaktion/konten/", f"/redaktion/konten/{admin.pk}/"]:
        response = client.get(url)
        assert (response.status_code, response.url) == (302, ACTIVATE), url


@pytest.mark.django_db
def test_the_activation_page_explains_why(client, editor):
    log_in_with_password(client, editor)

    response = client.get(BACKEND, follow=True)

    assert response.redirect_chain[0] == (ACTIVATE, 302)
    assert any("zwei Schritten" in message for message in messages_of(response))


@pytest.mark.django_db
@pytest.mark.parametrize("person", STAFF)
def test_staff_with_an_authenticator_but_a_password_only_session_are_asked_for_the_code(client, request, person):
    user = request.getfixturevalue(person)
    enable_totp(user)
    # A session opened with the password alone, e.g. one that was open
    # before the authenticator was set up.
    client.force_login(user)

    response = client.get("/redaktion/pages/")

    assert response.status_code == 302
    assert response.url == f"{REAUTHENTICATE}?next=/redaktion/pages/"


@pytest.mark.django_db
def test_confirming_the_code_opens_the_backend(client, editor):
    secret = enable_totp(editor)
    client.force_login(editor)

    response = client.post(f"{REAUTHENTICATE}?next={BACKEND}", {"code": totp_code(secret), "next": BACKEND})

    assert response.status_code == 302
    assert response.url == BACKEND
    assert client.get(BACKEND).status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_keeps_the_backend_closed(client, editor):
    secret = enable_totp(editor)
    client.force_login(editor)
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(f"{REAUTHENTICATE}?next={BACKEND}", {"code": wrong, "next": BACKEND})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get(BACKEND).url.startswith(REAUTHENTICATE)


@pytest.mark.django_db
@pytest.mark.parametrize("person", STAFF)
def test_logging_in_with_password_and_code_opens_the_backend(client, request, person):
    user = request.getfixturevalue(person)
    secret = enable_totp(user)

    response = log_in_with_password(client, user)
    assert response.status_code == 302
    assert response.url == AUTHENTICATE
    # Between password and code the person is not logged in.
    assert client.get(BACKEND).url.startswith(LOGIN)

    response = client.post(AUTHENTICATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == BACKEND
    assert client.get(BACKEND).status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_replaces_the_app_once(client, moderator):
    enable_totp(moderator)
    recovery = RecoveryCodes(Authenticator.objects.get(user=moderator, type=Authenticator.Type.RECOVERY_CODES))
    code = recovery.get_unused_codes()[0]

    log_in_with_password(client, moderator)
    client.post(AUTHENTICATE, {"code": code})
    assert client.get(BACKEND).status_code == 200

    client.post(reverse("account_logout"))
    log_in_with_password(client, moderator)
    response = client.post(AUTHENTICATE, {"code": code})

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get(BACKEND).status_code == 302


@pytest.mark.django_db
def test_a_new_staff_member_sets_up_the_app_and_then_reaches_the_backend(client, guide_mayen):
    log_in_with_password(client, guide_mayen)
    assert client.get(BACKEND).url == ACTIVATE
    # allauth asks for the password again before an authenticator is added.
    assert client.get(ACTIVATE).url == f"{PASSWORD_AGAIN}?next=%2Fkonto%2F2fa%2Ftotp%2Factivate%2F"
    client.post(f"{PASSWORD_AGAIN}?next={ACTIVATE}", {"password": PASSWORD})

    client.get(ACTIVATE)
    secret = client.session["mfa.totp.secret"]
    response = client.post(ACTIVATE, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=guide_mayen, type=Authenticator.Type.RECOVERY_CODES).exists()
    # Setting up proves the app, not this login: the code is asked once more.
    response = client.get(BACKEND)
    assert response.url == f"{REAUTHENTICATE}?next={BACKEND}"
    client.post(response.url, {"code": totp_code(secret), "next": BACKEND})
    assert client.get(BACKEND).status_code == 200


@pytest.mark.django_db
def test_staff_outside_the_backend_are_not_asked_for_a_second_factor(client, editor):
    log_in_with_password(client, editor, next_url="/konto/")

    assert client.get("/konto/").status_code == 200


@pytest.mark.django_db
def test_a_citizen_is_never_asked_for_a_second_factor(client, citizen):
    log_in_with_password(client, citizen, next_url="/konto/")

    assert client.get("/konto/").status_code == 200
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.django_db
def test_a_citizen_may_switch_two_factors_on(client, citizen):
    verify_email(citizen)
    log_in_with_password(client, citizen, next_url="/konto/")
    client.post(f"{PASSWORD_AGAIN}?next={ACTIVATE}", {"password": PASSWORD})

    client.get(ACTIVATE)
    response = client.post(ACTIVATE, {"code": totp_code(client.session["mfa.totp.secret"])})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=citizen, type=Authenticator.Type.TOTP).exists()


@pytest.mark.django_db
def test_a_citizen_with_two_factors_still_cannot_open_the_backend(client, citizen):
    verify_email(citizen)
    log_in_with_second_factor(client, citizen)

    response = client.get(BACKEND, follow=True)

    assert response.redirect_chain == [(f"{LOGIN}?next={BACKEND}", 302)]
    assert any("nicht die nötige Berechtigung" in message for message in messages_of(response))


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(BACKEND)

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={BACKEND}"


RECOVERY_CODES = reverse("mfa_view_recovery_codes")


def _set_up_app(client, user, wanted=BACKEND):
    """Log in, be sent to set up the app from `wanted`, set it up."""
    log_in_with_password(client, user, next_url=wanted)
    assert client.get(wanted).url == ACTIVATE
    client.post(f"{PASSWORD_AGAIN}?next={ACTIVATE}", {"password": PASSWORD})
    client.get(ACTIVATE)
    return client.post(ACTIVATE, {"code": totp_code(client.session["mfa.totp.secret"])})


def test_the_recovery_codes_lead_on_to_the_backend_address_staff_came_for(client, editor):
    verify_email(editor)
    _set_up_app(client, editor, wanted="/redaktion/ideen/?status=submitted")

    response = client.get(RECOVERY_CODES)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a class="button" href="/redaktion/ideen/?status=submitted">Weiter zur Redaktion</a>' in html
    assert "10 von 10 Codes sind noch unbenutzt." in html
    codes = RecoveryCodes(Authenticator.objects.get(user=editor, type=Authenticator.Type.RECOVERY_CODES))
    assert all(code in html for code in codes.get_unused_codes())


def test_the_way_on_never_leaves_the_backend(client, editor):
    verify_email(editor)
    _set_up_app(client, editor)
    session = client.session
    session["staff_two_factor_next"] = "//evil.example/redaktion/"
    session.save()

    html = client.get(RECOVERY_CODES).content.decode()

    assert '<a class="button" href="/redaktion/">Weiter zur Redaktion</a>' in html
    assert "evil.example" not in html


def test_a_citizen_goes_on_to_the_account_after_the_recovery_codes(client, citizen):
    verify_email(citizen)
    log_in_with_password(client, citizen, next_url="/konto/")
    client.post(f"{PASSWORD_AGAIN}?next={ACTIVATE}", {"password": PASSWORD})
    client.get(ACTIVATE)
    client.post(ACTIVATE, {"code": totp_code(client.session["mfa.totp.secret"])})

    html = client.get(RECOVERY_CODES).content.decode()

    assert f'<a class="button" href="{reverse("accounts:profile")}">Weiter zu Ihrem Konto</a>' in html
    assert "Weiter zur Redaktion" not in html
