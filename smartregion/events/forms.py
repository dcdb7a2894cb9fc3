from django import forms
from django.utils.translation import gettext_lazy as _

from smartregion.events.models import Event
from smartregion.region.models import Municipality, Topic


class EventFilterForm(forms.Form):
    """The filters of the event list, read from the query string. A value
    that does not exist is ignored rather than reported: filters come from
    links and bookmarks as often as from the form."""

    kind = forms.ChoiceField(label=_("Art"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Kommune"),
        queryset=Municipality.objects.defer("boundary").order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Kommunen"),
    )
    topic = forms.ModelChoiceField(
        label=_("Handlungsfeld"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle Handlungsfelder"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle Arten")), *Event.Kind.choices]

    def filter(self, events):
        """`events` narrowed to the valid filters."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("kind"):
            events = events.filter(kind=data["kind"])
        if data.get("municipality"):
            events = events.filter(municipality=data["municipality"])
        if data.get("topic"):
            events = events.filter(topics=data["topic"])
        return events

    def query_string(self) -> str:
        """The valid filters as a query string, for the page links."""
        from urllib.parse import urlencode

        self.is_valid()
        data = self.cleaned_data
        params = {}
        if data.get("kind"):
            params["kind"] = data["kind"]
        if data.get("municipality"):
            params["municipality"] = data["municipality"].slug
        if data.get("topic"):
            params["topic"] = data["topic"].slug
        return urlencode(params)


# Narrow enough for a 320 px wide screen: the stylesheet gives text areas no
# width of their own.
TEXTAREA_COLS = 28


class RegistrationForm(forms.Form):
    """The optional fields every registration has; the event's own question
    only where staff set one."""

    accessibility_needs = forms.CharField(
        label=_("Brauchen Sie Unterstützung, um teilzunehmen? (freiwillig)"),
        help_text=_("Zum Beispiel Gebärdensprache, ein Platz für den Rollstuhl oder eine Begleitperson."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": TEXTAREA_COLS}),
        error_messages={"max_length": _("Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen).")},
    )
    answer = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": TEXTAREA_COLS}),
        error_messages={"max_length": _("Bitte fassen Sie sich kürzer (höchstens %(limit_value)d Zeichen).")},
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.question:
            self.fields["answer"].label = _("%(question)s (freiwillig)") % {"question": event.question}
        else:
            del self.fields["answer"]

    def extra(self) -> dict:
        """The optional answers, as keyword arguments of the actions."""
        return {
            "accessibility_needs": self.cleaned_data.get("accessibility_needs", ""),
            "answer": self.cleaned_data.get("answer", ""),
        }


class GuestRegistrationForm(RegistrationForm):
    """Registration without an account: name and e-mail address, confirmed
    afterwards through a link in an e-mail."""

    name = forms.CharField(
        label=_("Ihr Name"),
        max_length=120,
        error_messages={
            "required": _("Bitte geben Sie Ihren Namen an."),
            "max_length": _("Der Name darf höchstens %(limit_value)d Zeichen lang sein."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_("Wir schicken Ihnen einen Link, mit dem Sie die Anmeldung bestätigen."),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["name", "email", "accessibility_needs", "answer"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Bitte geben Sie Ihren Namen an."))
        return name

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
