import time

import factory
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group
from django.test import RequestFactory

from smartregion.accounts.models import User
from smartregion.accounts.predicates import VERIFIED_ATTRIBUTE
from smartregion.accounts.roles import EDITORS

PASSWORD = "ein-langes-testpasswort"


class UserFactory(factory.django.DjangoModelFactory):
    """An account that logs in with its e-mail address (password PASSWORD)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


def editors_group():
    """The group created by the accounts migration."""
    return Group.objects.get(name=EDITORS)


def staff_group(name):
    """A staff group created by the accounts migrations (roles.STAFF_GROUPS)."""
    return Group.objects.get(name=name)


def verify_email(user):
    """Give `user` a verified primary address, as after clicking the link
    in the verification mail."""
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    # has_verified_email caches its answer on the user object.
    user.__dict__.pop(VERIFIED_ATTRIBUTE, None)
    return user


def enable_totp(user) -> str:
    """Set up an authenticator app (TOTP) and recovery codes for `user`, as
    /konto/2fa/ does; return the TOTP secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret) -> str:
    """The code an authenticator app shows for `secret` right now."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def log_in_with_second_factor(client, user):
    """Log `user` in on `client` as after password and TOTP code, setting
    up the authenticator first if needed.

    A shortcut for tests about what staff do once logged in: the session
    holds the same authentication records allauth writes after the code.
    test_two_factor_for_staff.py walks the real login with a code.
    """
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        enable_totp(user)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return client
