import datetime as dt
from dataclasses import dataclass
from io import BytesIO

import factory
import PIL.Image
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images.models import Image
from wagtail.models import Page, Site

from smartregion.cms.models import (
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    OfficePage,
    OpeningHours,
    TimelineEntry,
)


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page below the required `parent` and publishes it, the way
    an editor would. Child relations (opening hours) and parental
    many-to-many values (topics, municipalities) may be passed as lists."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Startseite"
    intro = "Die Region wird digital – machen Sie mit."


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"
    intro = "Neuigkeiten aus dem Projekt."


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nachricht {n}")
    date = factory.Sequence(lambda n: dt.date(2024, 1, 1) + dt.timedelta(days=n))
    author_role = "Projektbüro"
    teaser = factory.Sequence(lambda n: f"Kurz gesagt, worum es in Nachricht {n} geht.")


class ContentPageFactory(PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    summary = "Eine kurze Zusammenfassung."


class OfficePageFactory(PageFactory):
    class Meta:
        model = OfficePage

    title = "Projektbüro"
    slug = "projektbuero"
    address = "Bahnhofstraße 9\n56068 Koblenz"
    email = "projektbuero@example.org"
    phone = "0261 1234567"


def png_file(name="bild.png", size=(800, 450)):
    buffer = BytesIO()
    PIL.Image.new("RGB", size, "steelblue").save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    """A Wagtail image with a real (small) PNG file; MEDIA_ROOT is a temporary
    folder in every test (see smartregion/conftest.py)."""

    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.Sequence(lambda n: f"Beschreibung von Bild {n}")
    file = factory.LazyFunction(png_file)


class TimelineEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEntry

    date = factory.Sequence(lambda n: dt.date.today() + dt.timedelta(days=30 * (n + 1)))
    date_label = factory.LazyAttribute(lambda o: f"{o.date:%m/%Y}")
    title = factory.Sequence(lambda n: f"Schritt {n}")
    text = "Was in diesem Schritt geschieht."


def weekly_hours(*entries):
    """OpeningHours rows from (weekday, "HH:MM", "HH:MM") tuples, unsaved."""
    return [
        OpeningHours(weekday=weekday, opens=dt.time.fromisoformat(opens), closes=dt.time.fromisoformat(closes))
        for weekday, opens, closes in entries
    ]


# Monday to Thursday 10-12 and 14-16, Friday 10-12: a realistic office week.
OFFICE_WEEK = (
    (0, "10:00", "12:00"),
    (0, "14:00", "16:00"),
    (1, "10:00", "12:00"),
    (2, "10:00", "12:00"),
    (2, "14:00", "16:00"),
    (3, "10:00", "12:00"),
    (3, "14:00", "16:00"),
)


@dataclass
class PageTree:
    home: HomePage
    news_index: NewsIndexPage
    office: OfficePage
    content: ContentPage


def build_page_tree() -> PageTree:
    """The smallest tree the portal serves: a HomePage as root of the default
    site, with the news index ("aktuelles"), the office with weekly hours and
    one content page below it. News items are left to each test."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="start")
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.save()
    if welcome.specific_class is Page:
        # Wagtail's "Welcome" page from its initial migration.
        welcome.delete()
    return PageTree(
        home=home,
        news_index=NewsIndexPageFactory(parent=home),
        office=OfficePageFactory(parent=home, opening_hours=weekly_hours(*OFFICE_WEEK)),
        content=ContentPageFactory(parent=home, title="Über das Projekt", slug="ueber-das-projekt"),
    )
