from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from smartregion.accounts.models import Consent
from smartregion.region.models import Municipality


class SignupForm(forms.Form):
    """Fields allauth's sign-up form gets in addition to e-mail and password.

    allauth calls `signup(request, user)` after it created the user, inside
    the same request; the consent records are written there.
    """

    display_name = forms.CharField(
        label=_("Öffentlicher Name"),
        max_length=60,
        help_text=_("Steht bei Ihren Beiträgen. Ein Pseudonym ist willkommen. Ihre E-Mail-Adresse sieht niemand."),
    )
    home_municipality = forms.ModelChoiceField(
        label=_("Heimatkommune (freiwillig)"),
        queryset=Municipality.objects.only("name"),
        required=False,
        empty_label=_("keine Angabe"),
        help_text=_("Nur für anonyme Statistiken, zum Beispiel Beteiligung je Kommune."),
    )
    accept_terms = forms.BooleanField(
        label=_("Ich habe die Teilnahmebedingungen und die Datenschutzhinweise gelesen und stimme ihnen zu."),
        required=True,
        error_messages={"required": _("Bitte stimmen Sie den Teilnahmebedingungen und Datenschutzhinweisen zu.")},
    )

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if "@" in name:
            raise forms.ValidationError(_("Bitte verwenden Sie keine E-Mail-Adresse als öffentlichen Namen."))
        return name

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.home_municipality = self.cleaned_data.get("home_municipality")
        user.save(update_fields=["display_name", "home_municipality"])
        Consent.objects.bulk_create(
            [
                Consent(user=user, document=Consent.Document.TERMS, version=settings.TERMS_VERSION),
                Consent(user=user, document=Consent.Document.PRIVACY, version=settings.PRIVACY_VERSION),
            ]
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        from smartregion.accounts.models import User

        model = User
        fields = ["display_name", "home_municipality"]
        help_texts = {
            "display_name": _("Steht bei Ihren Beiträgen. Ihre E-Mail-Adresse sieht niemand."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        self.fields["home_municipality"].empty_label = _("keine Angabe")
        self.fields["home_municipality"].queryset = Municipality.objects.only("name")

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if "@" in name:
            raise forms.ValidationError(_("Bitte verwenden Sie keine E-Mail-Adresse als öffentlichen Namen."))
        return name


class DeleteAccountForm(forms.Form):
    """Asks for the current password before an account is deleted.

    Wrong guesses count against the same per-account limit as allauth's
    re-authentication, so a session left open cannot be used to try
    passwords.
    """

    password = forms.CharField(
        label=_("Ihr aktuelles Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Bitte geben Sie Ihr Passwort ein, um Ihr Konto zu löschen.")},
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        from allauth.core import ratelimit

        password = self.cleaned_data["password"]
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.request.user):
            raise forms.ValidationError(
                _("Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.")
            )
        if not self.request.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht."))
        return password
