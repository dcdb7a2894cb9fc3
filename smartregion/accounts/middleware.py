import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from smartregion.accounts.predicates import VERIFIED_ATTRIBUTE, is_staff_member

# The backend address a staff member wanted when sent to set up an app.
SETUP_NEXT_SESSION_KEY = "staff_two_factor_next"


def _session_used_second_factor(request) -> bool:
    from allauth.account.authentication import get_authentication_records

    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


class StaffTwoFactorMiddleware:
    """Keep staff out of the backend until they log in with a second factor.

    Accounts that may open the backend (predicates.is_staff_member) are
    sent to set up an authenticator app if they have none,
    or to confirm a code if this session was opened with the password alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.STAFF_BACKEND_PATH

    def __call__(self, request):
        if request.path.startswith(self.prefix) and request.user.is_authenticated and is_staff_member(request.user):
            from allauth.mfa.utils import is_mfa_enabled

            if not is_mfa_enabled(request.user):
                # Where to go on once the app is set up (the recovery codes
                # page offers the way back, templatetags/two_factor_tags.py).
                request.session[SETUP_NEXT_SESSION_KEY] = request.get_full_path()
                messages.info(
                    request,
                    _("Für die Redaktion brauchen Sie eine Anmeldung in zwei Schritten. Bitte richten Sie sie ein."),
                )
                return redirect("mfa_activate_totp")
            if not _session_used_second_factor(request):
                messages.info(request, _("Bitte bestätigen Sie Ihre Anmeldung mit dem Code aus Ihrer App."))
                return redirect(f"{_reauthenticate_url()}?next={request.get_full_path()}")
        return self.get_response(request)


def _reauthenticate_url():
    from django.urls import reverse

    return reverse("mfa_reauthenticate")


class BlockedAccountMiddleware:
    """End the session of an account that staff blocked, wherever it is.

    Blocking sets a reason on the account; any session of that account,
    on any app server, is logged out at its next request and shown why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.blocked_reason:
            from django.contrib.auth import logout
            from django.shortcuts import render

            reason = user.blocked_reason
            logout(request)
            return render(request, "accounts/blocked.html", {"reason": reason}, status=403)
        return self.get_response(request)


# How often a session's idle timeout is renewed at most. Saving it on every
# request would write to the session store on every page view (on SQLite
# that takes the database's one write lock); renewing it once per interval
# ends an idle session at most this much earlier than its exact timeout.
SESSION_RENEWAL_INTERVAL = 300
_RENEWED_KEY = "_renewed_at"


class RenewSessionMiddleware:
    """Slides the expiry of a logged-in session forward (it then ends after
    SESSION_COOKIE_AGE seconds without a request), but writes the session
    only when it was last renewed more than SESSION_RENEWAL_INTERVAL
    seconds ago."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated or session.is_empty():
            return response
        from django.utils import timezone

        now = timezone.now().timestamp()
        if now - session.get(_RENEWED_KEY, 0) >= SESSION_RENEWAL_INTERVAL:
            # Setting a key marks the session modified: SessionMiddleware
            # (outside this one) saves it with a fresh expiry and cookie.
            session[_RENEWED_KEY] = now
        return response


VERIFIED_ADDRESS_KEY = "_verified_address"
# How long a remembered verification holds before it is looked up again.
VERIFIED_ADDRESS_RECHECK_SECONDS = 3600


class RememberVerifiedAddressMiddleware:
    """Remembers in the session that the person's login address is
    verified, so that their later requests need no query for it
    (accounts.predicates.has_verified_email: every member's page asks, for
    the banner and the rules).

    Only a verified address is remembered, only that address, and for an
    hour: a changed address is looked up again, and an unverified one on
    every request, so that a confirmation counts at once; an address marked
    unverified again counts as verified for an hour at the most."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        email = remembered = None
        if request.user.is_authenticated:
            email = request.user.email
            remembered = request.session.get(VERIFIED_ADDRESS_KEY)
            if (
                remembered
                and remembered[0] == email
                and time.time() - remembered[1] < VERIFIED_ADDRESS_RECHECK_SECONDS
            ):
                setattr(request.user, VERIFIED_ATTRIBUTE, True)
            else:
                remembered = None
        response = self.get_response(request)
        user = request.user
        if (
            email is not None
            and remembered is None
            and user.is_authenticated
            and user.email == email
            and getattr(user, VERIFIED_ATTRIBUTE, None) is True
        ):
            request.session[VERIFIED_ADDRESS_KEY] = [email, time.time()]
        return response
