"""StreamField blocks of the editorial pages. Each renders with its own
template under templates/cms/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "cms/blocks/heading.html"
        icon = "title"
        label = _("Zwischenüberschrift")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    source = blocks.CharBlock(label=_("Quelle"), required=False)

    class Meta:
        template = "cms/blocks/quote.html"
        icon = "openquote"
        label = _("Zitat")


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage"))
    answer = blocks.RichTextBlock(label=_("Antwort"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(FaqItemBlock(), **kwargs)

    class Meta:
        template = "cms/blocks/faq.html"
        icon = "help"
        label = _("Fragen und Antworten")


class TimelineBlock(blocks.StaticBlock):
    """Renders every timeline entry (cms.TimelineEntry) at this place."""

    class Meta:
        template = "cms/blocks/timeline.html"
        icon = "date"
        label = _("Projektablauf")
        admin_text = _("Zeigt alle Einträge des Projektablaufs (unter „Snippets“ gepflegt).")


class PersonBlock(blocks.StructBlock):
    photo = ImageChooserBlock(label=_("Foto"), required=False)
    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Funktion oder Einrichtung"))
    statement = blocks.TextBlock(label=_("Aussage"), required=False)
    is_demo_text = blocks.BooleanBlock(
        label=_("Aussage ist Demo-Text"), required=False, help_text=_("Kennzeichnet die Aussage sichtbar.")
    )


class PeopleBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(PersonBlock(), **kwargs)

    class Meta:
        template = "cms/blocks/people.html"
        icon = "group"
        label = _("Personenkarten")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    place = blocks.CharBlock(label=_("Ort"), required=False)
    description = blocks.TextBlock(label=_("Beschreibung"), required=False)
    url = blocks.URLBlock(label=_("Internetseite"), required=False)


class PartnerGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Kategorie"))
    partners = blocks.ListBlock(PartnerBlock(), label=_("Partner"))

    class Meta:
        template = "cms/blocks/partner_group.html"
        icon = "site"
        label = _("Partnergruppe")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.CharBlock(label=_("oder Adresse"), required=False, help_text=_("Zum Beispiel /kommunen/"))
    link_text = blocks.CharBlock(label=_("Linktext"))

    class Meta:
        template = "cms/blocks/call_to_action.html"
        icon = "pick"
        label = _("Handlungsaufforderung")


class VideoBlock(blocks.StructBlock):
    """A video served from this site (no third-party player)."""

    title = blocks.CharBlock(label=_("Titel"))
    file_url = blocks.CharBlock(
        label=_("Adresse der Videodatei"),
        required=False,
        help_text=_("Eine Datei auf dieser Website, zum Beispiel /media/videos/gebaerdensprache.mp4"),
    )
    captions_url = blocks.CharBlock(label=_("Adresse der Untertitel (WebVTT)"), required=False)
    poster = ImageChooserBlock(label=_("Vorschaubild"), required=False)
    transcript = blocks.RichTextBlock(label=_("Text zum Video"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        template = "cms/blocks/video.html"
        icon = "media"
        label = _("Video")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Linktext"), required=False)

    class Meta:
        template = "cms/blocks/document.html"
        icon = "doc-full"
        label = _("Dokument")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, template="cms/blocks/text.html")
    image = ImageBlock(label=_("Bild"), template="cms/blocks/image.html")
    quote = QuoteBlock()
    faq = FaqBlock()
    timeline = TimelineBlock()
    people = PeopleBlock()
    partners = PartnerGroupBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    document = DocumentBlock()


class EasyLanguageBlock(blocks.StreamBlock):
    """Fewer choices on purpose: easy-language pages stay simple."""

    heading = HeadingBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "ul", "link"], template="cms/blocks/text.html")
    image = ImageBlock(label=_("Bild"), template="cms/blocks/image.html")
    video = VideoBlock()
