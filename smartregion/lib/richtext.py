"""The backend's rich text editor, named by its field's label.

Wagtail renders a rich text field as a hidden input, which the label's
for= points at, and Draftail's editable area beside it, which nothing
names: screen readers announce a nameless text box, and axe reports
aria-input-field-name on every form with a rich text field. Draftail takes
an ariaLabelledBy option; Wagtail passes the widget's options on to it but
does not set that one. The label Wagtail renders for a field has the id
"<field id>-label" (wagtailadmin/shared/panel.html and field.html).

Used through the setting WAGTAILADMIN_RICH_TEXT_EDITORS.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail.admin.rich_text import DraftailRichTextArea


class LabelledDraftailRichTextArea(DraftailRichTextArea):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        field_id = widget_attrs.get("id")
        if field_id:
            options = {**self.options, "ariaLabelledBy": f"{field_id}-label"}
            widget_attrs["data-w-init-detail-value"] = json.dumps(options, cls=DjangoJSONEncoder)
        return context
