from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    # allauth's own German speaks informally ("du"); the platform says "Sie".
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("E-Mail-Adresse oder Passwort stimmen nicht."),
        "enter_current_password": _("Bitte geben Sie Ihr aktuelles Passwort ein."),
        "incorrect_password": _("Das Passwort stimmt nicht."),
        "incorrect_code": _("Der Code stimmt nicht."),
        "invalid_or_expired_key": _("Dieser Link ist ungültig oder abgelaufen."),
        "invalid_password_reset": _(
            "Dieser Link zum Zurücksetzen des Passworts ist ungültig, abgelaufen oder wurde schon benutzt."
        ),
        "too_many_login_attempts": _("Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es später."),
        "rate_limited": _("Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment."),
        "same_as_current": _("Der neue Wert muss sich vom bisherigen unterscheiden."),
        "unverified_primary_email": _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."),
        "email_taken": _("Mit dieser E-Mail-Adresse gibt es schon ein Konto. Melden Sie sich bitte an."),
    }

    def is_open_for_signup(self, request):
        return True

    def pre_login(self, request, user, **kwargs):
        # A blocked account gets a clear answer instead of allauth's generic
        # "inactive" page, and no session.
        if user.blocked_reason:
            from django.shortcuts import render

            return render(request, "accounts/blocked.html", {"reason": user.blocked_reason}, status=403)
        return super().pre_login(request, user, **kwargs)
