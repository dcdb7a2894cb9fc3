"""Wagtail page types of the information portal."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from smartregion.cms.blocks import BodyBlock, EasyLanguageBlock

NEWS_PER_PAGE = 10


class HomePage(Page):
    intro = models.TextField(_("Einleitung"), help_text=_("Worum es geht, in wenigen Sätzen."), blank=True)
    participate_text = RichTextField(_("So machen Sie mit"), features=["bold", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("participate_text")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.ContentPage", "cms.NewsIndexPage", "cms.OfficePage", "cms.EasyLanguagePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        from smartregion.region.models import FocusArea, Municipality

        context = super().get_context(request, *args, **kwargs)
        context["news"] = NewsPage.objects.live().public().select_related("teaser_image").order_by("-date", "-pk")[:3]
        context["focus_areas"] = FocusArea.objects.all()
        context["municipalities"] = Municipality.objects.only("name", "slug", "kind")
        context["timeline"] = TimelineEntry.objects.upcoming(timezone.localdate())[:3]
        context["news_index"] = NewsIndexPage.objects.live().only("url_path", "title").first()
        return context


class ContentPage(Page):
    """About, FAQ, timeline, partners, expert board, legal pages."""

    summary = models.TextField(_("Kurzfassung"), blank=True, help_text=_("Erscheint in Listen und Suchergebnissen."))
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.EasyLanguagePage"]
    subpage_types = ["cms.ContentPage"]

    class Meta:
        verbose_name = _("Inhaltsseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific().only("title", "url_path")
        return context


class EasyLanguagePage(Page):
    """A page in easy language ("Leichte Sprache")."""

    body = StreamField(EasyLanguageBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.EasyLanguagePage"]
    subpage_types = ["cms.EasyLanguagePage", "cms.ContentPage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().only("title", "url_path")
        return context


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Nachrichtenübersicht")

    def news(self):
        return NewsPage.objects.child_of(self).live().public().select_related("teaser_image").order_by("-date", "-pk")

    @path("")
    def index_view(self, request):
        paginator = Paginator(self.news(), NEWS_PER_PAGE)
        page = paginator.get_page(request.GET.get("seite"))
        return self.render(request, context_overrides={"news_page": page, "paginator": paginator})

    @path("feed/")
    def feed_view(self, request):
        from smartregion.cms.feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(Page):
    date = models.DateField(_("Datum"), default=dt.date.today)
    author_role = models.CharField(
        _("Verfasst von"), max_length=120, help_text=_("Eine Rolle im Team, zum Beispiel „Projektbüro“.")
    )
    teaser = models.TextField(_("Anreißer"), max_length=400)
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Vorschaubild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Der Alternativtext kommt aus der Bildbeschreibung."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    topics = ParentalManyToManyField("region.Topic", verbose_name=_("Handlungsfelder"), blank=True)
    municipalities = ParentalManyToManyField("region.Municipality", verbose_name=_("Kommunen"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("author_role")], heading=_("Angaben")),
        FieldPanel("teaser"),
        FieldPanel("teaser_image"),
        FieldPanel("body"),
        FieldPanel("topics"),
        FieldPanel("municipalities"),
    ]
    search_fields = Page.search_fields + [index.SearchField("teaser"), index.SearchField("body")]

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")
        ordering = ["-date"]


class OfficePage(Page):
    """The project office: where it is and when someone is there."""

    intro = models.TextField(_("Einleitung"), blank=True)
    address = models.TextField(_("Anschrift"))
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    appointment_note = models.TextField(_("Termine außerhalb der Öffnungszeiten"), blank=True)
    accessibility_note = models.TextField(_("Hinweise zur Barrierefreiheit des Büros"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("address"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Kontakt")),
        InlinePanel("opening_hours", label=_("Öffnungszeiten")),
        FieldPanel("appointment_note"),
        FieldPanel("accessibility_note"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("address")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Projektbüro")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        hours = list(self.opening_hours.all())
        context["hours"] = hours
        context["status"] = opening_status(hours, timezone.now())
        return context


class OpeningHours(Orderable):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Montag")
        TUESDAY = 1, _("Dienstag")
        WEDNESDAY = 2, _("Mittwoch")
        THURSDAY = 3, _("Donnerstag")
        FRIDAY = 4, _("Freitag")
        SATURDAY = 5, _("Samstag")
        SUNDAY = 6, _("Sonntag")

    page = ParentalKey(OfficePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("von"))
    closes = models.TimeField(_("bis"))

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")), name="opening_hours_opens_before_closes"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningStatus:
    """Whether the office is open at a moment, and when that changes."""

    def __init__(self, is_open: bool, until: dt.datetime | None = None, next_open: dt.datetime | None = None):
        self.is_open = is_open
        self.until = until
        self.next_open = next_open


def opening_status(hours, now: dt.datetime) -> OpeningStatus:
    """Compute the status from weekly hours at `now` (any aware datetime).

    Times are wall-clock times in the project's time zone, so a change to or
    from summer time moves nothing. Without any hours the office is closed
    with no next opening.
    """
    tz = ZoneInfo(settings.TIME_ZONE)
    local = now.astimezone(tz)
    for entry in hours:
        if entry.weekday == local.weekday() and entry.opens <= local.time() < entry.closes:
            return OpeningStatus(True, until=dt.datetime.combine(local.date(), entry.closes, tzinfo=tz))
    for offset in range(0, 8):
        day = local.date() + dt.timedelta(days=offset)
        starts = sorted(
            dt.datetime.combine(day, entry.opens, tzinfo=tz) for entry in hours if entry.weekday == day.weekday()
        )
        for start in starts:
            if start > local:
                return OpeningStatus(False, next_open=start)
    return OpeningStatus(False)


class TimelineEntryQuerySet(models.QuerySet):
    def upcoming(self, today: dt.date):
        return self.filter(date__gte=today).order_by("date")


class TimelineEntry(models.Model):
    """A step of the project, shown on the timeline page and on home."""

    date = models.DateField(_("Datum"), help_text=_("Für die Reihenfolge; bei Zeiträumen der Beginn."))
    date_label = models.CharField(_("Zeitangabe"), max_length=60, help_text=_("Zum Beispiel „Herbst 2022“."))
    title = models.CharField(_("Titel"), max_length=160)
    text = models.TextField(_("Text"), blank=True)

    objects = TimelineEntryQuerySet.as_manager()

    panels = [FieldPanel("date"), FieldPanel("date_label"), FieldPanel("title"), FieldPanel("text")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("Eintrag im Projektablauf")
        verbose_name_plural = _("Projektablauf")

    def __str__(self):
        return f"{self.date_label}: {self.title}"


def _footer_page(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="link")
class SiteLinks(BaseGenericSetting):
    """The pages every footer links to. Kept as data so the tree can move."""

    imprint = _footer_page(_("Impressum"))
    privacy = _footer_page(_("Datenschutz"))
    accessibility = _footer_page(_("Barrierefreiheit"))
    easy_language = _footer_page(_("Leichte Sprache"))
    sign_language = _footer_page(_("Gebärdensprache"))

    panels = [
        FieldPanel("imprint"),
        FieldPanel("privacy"),
        FieldPanel("accessibility"),
        FieldPanel("easy_language"),
        FieldPanel("sign_language"),
    ]

    class Meta:
        verbose_name = _("Pflichtseiten im Fußbereich")
