from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class DocumentationBlock(blocks.StreamBlock):
    """What happened at an event, written afterwards."""

    text = blocks.RichTextBlock(label=_("Text"), features=["h2", "h3", "bold", "italic", "ul", "ol", "link"])
    image = ImageBlock(label=_("Foto"))
    document = DocumentChooserBlock(label=_("Dokument (PDF)"))
