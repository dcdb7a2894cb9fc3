"""The backend's rich text editor is named by its field's label."""

import json

from django import forms
from wagtail.admin.rich_text import get_rich_text_editor_widget

from smartregion.lib.richtext import LabelledDraftailRichTextArea


class DescriptionForm(forms.Form):
    description = forms.CharField(widget=get_rich_text_editor_widget(features=["bold"]))


def editor_options(html):
    start = html.index('data-w-init-detail-value="') + len('data-w-init-detail-value="')
    end = html.index('"', start)
    return json.loads(html[start:end].replace("&quot;", '"'))


def test_the_backend_uses_the_labelled_editor():
    assert isinstance(DescriptionForm().fields["description"].widget, LabelledDraftailRichTextArea)


def test_the_editor_is_labelled_by_the_label_wagtail_renders_for_the_field():
    options = editor_options(str(DescriptionForm()["description"]))

    assert options["ariaLabelledBy"] == "id_description-label"
    # Wagtail's own options (the features' toolbar) stay.
    assert [style["type"] for style in options["inlineStyles"]] == ["BOLD"]


def test_a_field_without_an_id_gets_no_label_reference():
    html = DescriptionForm(auto_id=False)["description"].as_widget()

    assert "ariaLabelledBy" not in editor_options(html)
