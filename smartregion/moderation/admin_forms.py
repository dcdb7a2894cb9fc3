"""The forms of the moderation backend: the queue's filters, the bulk
decision, the decisions on one item, the decision on an objection, and the
audit log's filters."""

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smartregion.moderation import queue, registry
from smartregion.moderation.models import ModerationAction, Report
from smartregion.participation.models import HiddenReason, Process

NOTE_MAX = 2000
BULK_MAX = 200

AGES = {
    "24h": dt.timedelta(hours=24),
    "48h": dt.timedelta(hours=48),
    "7d": dt.timedelta(days=7),
}


def _type_choices(first):
    return [("", first)] + [(moderated.key, moderated.label) for moderated in registry.all()]


class QueueFilterForm(forms.Form):
    art = forms.ChoiceField(
        label=gettext_lazy("Was"),
        required=False,
        choices=[
            ("", gettext_lazy("alles")),
            (queue.REPORTS, gettext_lazy("gemeldete Beiträge")),
            (queue.PENDING, gettext_lazy("wartet auf Freigabe")),
            (queue.OBJECTIONS, gettext_lazy("Widersprüche")),
        ],
    )
    typ = forms.ChoiceField(label=gettext_lazy("Beitragsart"), required=False)
    verfahren = forms.ModelChoiceField(
        label=gettext_lazy("Verfahren"),
        queryset=Process.objects.none(),
        required=False,
        empty_label=gettext_lazy("alle Verfahren"),
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie ein Verfahren aus der Liste.")},
    )
    kommune = forms.ChoiceField(label=gettext_lazy("Kommune"), required=False)
    grund = forms.ChoiceField(
        label=gettext_lazy("Grund der Meldung"),
        required=False,
        choices=[("", gettext_lazy("alle Gründe"))] + Report.Reason.choices,
        help_text=gettext_lazy("Zeigt nur gemeldete Beiträge."),
    )
    alter = forms.ChoiceField(
        label=gettext_lazy("Wartet seit"),
        required=False,
        choices=[
            ("", gettext_lazy("beliebig")),
            ("24h", gettext_lazy("mehr als 24 Stunden")),
            ("48h", gettext_lazy("mehr als 48 Stunden (überfällig)")),
            ("7d", gettext_lazy("mehr als 7 Tagen")),
        ],
    )

    def __init__(self, *args, municipalities, whole_region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["typ"].choices = _type_choices(_("alle"))
        self.fields["verfahren"].queryset = Process.objects.only("title").order_by("title")
        choices = [("", _("alle Kommunen"))]
        if whole_region:
            choices.append((queue.WHOLE_REGION, _("ganze Region (ohne Kommune)")))
        self.fields["kommune"].choices = choices + [(str(m.pk), m.name) for m in municipalities]
        for name, field in self.fields.items():
            if name != "verfahren":
                field.error_messages["invalid_choice"] = _("Bitte wählen Sie einen Eintrag aus der Liste.")

    def filters(self) -> queue.Filters:
        """The filters chosen; none if the form is not valid."""
        if not self.is_bound or not self.is_valid():
            return queue.Filters()
        data = self.cleaned_data
        return queue.Filters(
            section=data["art"],
            key=data["typ"],
            process_id=data["verfahren"].pk if data["verfahren"] else None,
            municipality=data["kommune"],
            reason=data["grund"],
            older_than=AGES.get(data["alter"]),
        )

    def is_filtered(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())


_ITEM_VALUE = re.compile(r"^([a-z][a-z0-9_-]{0,30}):([1-9][0-9]{0,18})$")


class ItemsField(forms.Field):
    """The items ticked in the queue, each sent as "key:pk" (the checkbox
    values); cleaned to a list of (key, pk) without duplicates."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        items = []
        for raw in value:
            match = _ITEM_VALUE.match(str(raw))
            if match is None or registry.by_key(match[1]) is None:
                raise forms.ValidationError(_("Die Auswahl enthält einen unbekannten Beitrag."))
            item = (match[1], int(match[2]))
            if item not in items:
                items.append(item)
        return items

    def validate(self, value):
        if not value:
            raise forms.ValidationError(_("Bitte wählen Sie mindestens einen Beitrag aus."))
        if len(value) > BULK_MAX:
            raise forms.ValidationError(
                _("Bitte wählen Sie höchstens %(count)d Beiträge auf einmal.") % {"count": BULK_MAX}
            )


def _note_field(label, help_text):
    return forms.CharField(
        label=label,
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
        error_messages={"max_length": gettext_lazy("Die Notiz darf höchstens 2000 Zeichen lang sein.")},
    )


def _reason_field(required=True):
    return forms.ChoiceField(
        label=gettext_lazy("Grund (wird öffentlich genannt)"),
        required=required,
        choices=[("", gettext_lazy("Bitte wählen"))] + HiddenReason.choices,
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie einen Grund für das Ausblenden."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie einen Grund aus der Liste."),
        },
    )


HIDE_NOTE_HELP = gettext_lazy(
    "Erscheint nicht öffentlich. Die Person, die den Beitrag verfasst hat, bekommt sie mit dem Grund per E-Mail."
)
LOG_NOTE_HELP = gettext_lazy("Steht nur im Moderationsprotokoll.")


class BulkForm(forms.Form):
    APPROVE, HIDE, DISMISS = "approve", "hide", "dismiss"

    items = ItemsField(label=gettext_lazy("Ausgewählte Beiträge"))
    decision = forms.ChoiceField(
        label=gettext_lazy("Entscheidung"),
        choices=[
            ("", gettext_lazy("Bitte wählen")),
            (APPROVE, gettext_lazy("freigeben")),
            (HIDE, gettext_lazy("ausblenden")),
            (DISMISS, gettext_lazy("Meldungen zurückweisen")),
        ],
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie eine Entscheidung."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie eine Entscheidung aus der Liste."),
        },
    )
    reason = _reason_field(required=False)
    note = _note_field(gettext_lazy("Notiz (freiwillig)"), HIDE_NOTE_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].help_text = _("Nur für „ausblenden“, dann nötig.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.HIDE and not cleaned.get("reason") and not self.has_error("reason"):
            self.add_error("reason", _("Bitte wählen Sie einen Grund für das Ausblenden."))
        return cleaned


class NoteForm(forms.Form):
    """Approve, restore, dismiss reports: an optional note for the log."""

    note = _note_field(gettext_lazy("Notiz (freiwillig)"), LOG_NOTE_HELP)


class HideForm(forms.Form):
    reason = _reason_field()
    note = _note_field(gettext_lazy("Erläuterung für die verfassende Person (freiwillig)"), HIDE_NOTE_HELP)


class ObjectionDecisionForm(forms.Form):
    UPHOLD, REJECT = "uphold", "reject"

    decision = forms.ChoiceField(
        label=gettext_lazy("Entscheidung"),
        widget=forms.RadioSelect,
        choices=[
            (UPHOLD, gettext_lazy("Widerspruch stattgeben: der Beitrag wird wieder sichtbar")),
            (REJECT, gettext_lazy("Widerspruch ablehnen: der Beitrag bleibt ausgeblendet")),
        ],
        error_messages={
            "required": gettext_lazy("Bitte entscheiden Sie über den Widerspruch."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie eine der beiden Entscheidungen."),
        },
    )
    note = _note_field(
        gettext_lazy("Begründung (freiwillig)"),
        gettext_lazy("Die Person, die widersprochen hat, bekommt sie mit der Entscheidung per E-Mail."),
    )


class LogFilterForm(forms.Form):
    person = forms.EmailField(
        label=gettext_lazy("Person (E-Mail-Adresse)"),
        required=False,
        max_length=254,
        help_text=gettext_lazy("Was diese Person getan hat und was mit ihren Beiträgen geschah."),
        error_messages={"invalid": gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
    )
    beitrag = forms.CharField(widget=forms.HiddenInput, required=False, max_length=60)
    aktion = forms.ChoiceField(
        label=gettext_lazy("Aktion"),
        required=False,
        choices=[("", gettext_lazy("alle"))] + ModerationAction.Action.choices,
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie eine Aktion aus der Liste.")},
    )

    def clean_beitrag(self):
        value = self.cleaned_data["beitrag"].strip()
        if not value:
            return None
        match = _ITEM_VALUE.match(value)
        if match is None or registry.by_key(match[1]) is None:
            raise forms.ValidationError(_("Unbekannter Beitrag."))
        return registry.by_key(match[1]), int(match[2])
