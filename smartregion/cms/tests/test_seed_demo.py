"""`manage.py seed_demo` builds the demo site of the first region and, run
again, changes nothing that exists. The demo is seeded once for this module
(`seeded`); the command's refusal without DEBUG, on an empty database, is
tested in demo/tests/test_seed_demo_needs_debug.py."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import resolve
from wagtail.images.models import Image
from wagtail.models import Page, Revision, Site

from smartregion.cms.models import (
    ContentPage,
    HomePage,
    NewsPage,
    OfficePage,
    OpeningHours,
    SiteLinks,
    TimelineEntry,
)
from smartregion.region.models import Municipality, Place, Topic

EXPECTED_PATHS = [
    "/start/",
    "/start/ueber-das-projekt/",
    "/start/ueber-das-projekt/faq/",
    "/start/ueber-das-projekt/projektablauf/",
    "/start/ueber-das-projekt/partner/",
    "/start/ueber-das-projekt/expertenbeirat/",
    "/start/projektbuero/",
    "/start/aktuelles/",
    "/start/impressum/",
    "/start/datenschutz/",
    "/start/barrierefreiheit/",
    "/start/leichte-sprache/",
    "/start/gebaerdensprache/",
]


def seed():
    call_command("seed_demo", stdout=StringIO())


def snapshot():
    """What a second run must leave as it is."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revisions": sorted(Page.objects.values_list("latest_revision_id", flat=True), key=str),
        "images": Image.objects.count(),
        "timeline": TimelineEntry.objects.count(),
        "municipalities": Municipality.objects.count(),
        "places": Place.objects.count(),
        "topics": Topic.objects.count(),
        "opening_hours": OpeningHours.objects.count(),
        "site_links": list(SiteLinks.objects.values()),
        "sites": list(Site.objects.values()),
    }


@pytest.mark.django_db
def test_a_second_run_changes_nothing(seeded):
    before = snapshot()

    seed()

    assert snapshot() == before


@pytest.mark.django_db
def test_it_creates_the_page_tree_under_the_default_site(seeded):
    for url_path in EXPECTED_PATHS:
        assert Page.objects.get(url_path=url_path).live, url_path
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    # Wagtail's "Welcome" page is gone; the home page is the only top page.
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]


@pytest.mark.django_db
def test_only_about_news_and_office_are_in_the_menu(seeded):
    home = HomePage.objects.get()

    in_menu = {page.slug for page in home.get_children().in_menu()}

    assert in_menu == {"ueber-das-projekt", "aktuelles", "projektbuero"}


@pytest.mark.django_db
def test_the_faq_has_at_least_ten_questions(seeded):
    faq = ContentPage.objects.get(url_path="/start/ueber-das-projekt/faq/")

    items = [item for block in faq.body if block.block_type == "faq" for item in block.value]

    assert len(items) >= 10
    assert all(item["question"] and item["answer"].source for item in items)


@pytest.mark.django_db
def test_every_news_item_has_a_teaser_image_with_alt_text(seeded):
    news = list(NewsPage.objects.select_related("teaser_image"))

    assert len(news) >= 6
    for item in news:
        assert item.teaser_image is not None, item.slug
        assert item.teaser_image.description.strip(), item.slug
        assert 0 < len(item.teaser) <= 400, item.slug
        assert item.author_role, item.slug


@pytest.mark.django_db
def test_the_timeline_reaches_from_the_selection_to_the_end_of_funding(seeded):
    entries = list(TimelineEntry.objects.all())

    assert entries[0].date.isoformat() == "2020-09-01"
    assert entries[-1].date.isoformat() == "2027-12-31"
    assert TimelineEntry.objects.filter(title__contains="(geplant)").exists()


@pytest.mark.django_db
def test_the_office_has_its_weekly_hours(seeded):
    office = OfficePage.objects.get()

    hours = [(entry.weekday, f"{entry.opens:%H:%M}", f"{entry.closes:%H:%M}") for entry in office.opening_hours.all()]

    assert hours == [(0, "10:00", "13:00"), (2, "10:00", "13:00"), (3, "14:00", "17:00")]
    assert office.email == "smarte.region@kvmyk.de"


@pytest.mark.django_db
def test_the_footer_links_point_to_the_legal_and_language_pages(seeded):
    links = SiteLinks.load()

    assert links.imprint.url_path == "/start/impressum/"
    assert links.privacy.url_path == "/start/datenschutz/"
    assert links.accessibility.url_path == "/start/barrierefreiheit/"
    assert links.easy_language.url_path == "/start/leichte-sprache/"
    assert links.sign_language.url_path == "/start/gebaerdensprache/"


@pytest.mark.django_db
def test_the_participation_text_links_only_to_pages_that_exist(seeded):
    home = HomePage.objects.get()
    hrefs = re.findall(r'href="([^"]+)"', home.participate_text)
    internal = [href for href in hrefs if href.startswith("/")]

    assert internal
    for href in internal:
        is_page = Page.objects.filter(url_path=f"{home.url_path}{href.lstrip('/')}").exists()
        is_view = resolve(href).url_name != "wagtail_serve"
        assert is_page or is_view, href


@pytest.mark.django_db
def test_it_leaves_what_editors_changed_alone(seeded):
    faq = ContentPage.objects.get(url_path="/start/ueber-das-projekt/faq/")
    faq.title = "Fragen und Antworten"
    faq.save_revision().publish()
    links = SiteLinks.load()
    links.privacy = faq
    links.save()
    entry = TimelineEntry.objects.get(title="Erstes Zukunftsforum")
    entry.text = "Geändert von der Redaktion."
    entry.save()

    seed()

    assert ContentPage.objects.get(pk=faq.pk).title == "Fragen und Antworten"
    assert SiteLinks.load().privacy_id == faq.pk
    assert TimelineEntry.objects.get(pk=entry.pk).text == "Geändert von der Redaktion."
