import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from smartregion.comments.models import MAX_LENGTH

# Narrow enough for a 320 px wide screen (see events/forms.py).
TEXTAREA_COLS = 28

TEXT_ERRORS = {
    "required": _("Bitte schreiben Sie Ihren Kommentar in das Feld."),
    "max_length": _("Bitte fassen Sie sich kürzer: höchstens %(limit_value)d Zeichen (jetzt sind es %(show_value)d)."),
}


def _text_field(label):
    return forms.CharField(
        label=label,
        max_length=MAX_LENGTH,
        error_messages=TEXT_ERRORS,
        help_text=_("Höchstens 2000 Zeichen. Bitte bleiben Sie sachlich und freundlich."),
        widget=forms.Textarea(attrs={"rows": 4, "cols": TEXTAREA_COLS}),
    )


class CommentForm(forms.Form):
    """A new comment or reply. The hidden submission key is made when the
    form is shown and comes back with every send of the same form, so that
    a double click or a reload after POST gives one comment."""

    text = _text_field(_("Ihr Kommentar"))
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, reply=False, html_id="kommentar-neu", **kwargs):
        # Several of these forms share a page (one per reply): the element
        # ids start with the form's own id.
        kwargs.setdefault("auto_id", f"{html_id}-%s")
        super().__init__(*args, **kwargs)
        self.html_id = html_id
        if reply:
            self.fields["text"].label = _("Ihre Antwort")
            self.fields["text"].error_messages = {
                **TEXT_ERRORS,
                "required": _("Bitte schreiben Sie Ihre Antwort in das Feld."),
            }
        if not self.is_bound:
            self.initial.setdefault("submission_key", str(uuid.uuid4()))

    def clean_submission_key(self):
        # A missing or damaged key only costs the double-submit guard: no
        # reason to bother the person with it.
        try:
            return uuid.UUID(self.cleaned_data.get("submission_key") or "")
        except ValueError:
            return None


class EditCommentForm(forms.Form):
    text = _text_field(_("Ihr Kommentar"))
