from django import forms
from django.utils.translation import gettext_lazy as _

from smartregion.moderation.actions import OBJECTION_TEXT_MAX, REPORT_TEXT_MAX
from smartregion.moderation.models import Report

TOO_LONG = _("Bitte fassen Sie sich kürzer: höchstens %(limit_value)d Zeichen (jetzt sind es %(show_value)d).")

# Narrow enough for a 320 px wide screen (see comments/forms.py).
TEXTAREA_COLS = 28


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Warum melden Sie diesen Beitrag?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie einen Grund.")},
    )
    text = forms.CharField(
        label=_("Erläuterung (freiwillig)"),
        required=False,
        max_length=REPORT_TEXT_MAX,
        help_text=_("Höchstens 1000 Zeichen. Was genau verstößt gegen die Regeln?"),
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 4, "cols": TEXTAREA_COLS}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Report.Reason.OTHER and not (cleaned.get("text") or "").strip():
            self.add_error("text", _("Bitte beschreiben Sie kurz, was gegen die Regeln verstößt."))
        return cleaned


class ObjectionForm(forms.Form):
    text = forms.CharField(
        label=_("Ihr Widerspruch"),
        max_length=OBJECTION_TEXT_MAX,
        help_text=_("Höchstens 2000 Zeichen. Warum halten Sie die Entscheidung für falsch?"),
        error_messages={
            "required": _("Bitte begründen Sie Ihren Widerspruch."),
            "max_length": TOO_LONG,
        },
        widget=forms.Textarea(attrs={"rows": 6, "cols": TEXTAREA_COLS}),
    )
