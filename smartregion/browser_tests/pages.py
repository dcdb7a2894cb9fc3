"""The pages every browser test visits: one of each page type of the demo.

A path is either fixed or found in the seeded database (the news item and
the focus area have slugs the demo content may change)."""

PAGES = {
    "home": "/",
    "content-page": "/ueber-das-projekt/",
    "faq": "/ueber-das-projekt/faq/",
    "timeline": "/ueber-das-projekt/projektablauf/",
    "partners": "/ueber-das-projekt/partner/",
    "advisory-board": "/ueber-das-projekt/expertenbeirat/",
    "office": "/projektbuero/",
    "news-index": "/aktuelles/",
    "news-item": "news-item",
    "imprint": "/impressum/",
    "privacy": "/datenschutz/",
    "accessibility": "/barrierefreiheit/",
    "easy-language": "/leichte-sprache/",
    "sign-language": "/gebaerdensprache/",
    "municipalities": "/kommunen/",
    "municipality": "/kommunen/mendig/",
    "topics": "/themen/",
    "topic": "/themen/mobilitaet/",
    "focus-area": "focus-area",
    "search": "/suche/?q=Mendig",
    "moderation-transparency": "/moderation/",
    "search-empty": "/suche/?q=xyzzy",
    "not-found": "/gibt-es-nicht-xyzzy/",
    "english-home": "/en/",
}

# Pages that answer with another status than 200.
EXPECTED_STATUS = {"not-found": 404}

# The pages checked in a 320 px wide viewport too (no horizontal scrolling).
NARROW = ["home", "content-page", "news-item", "municipalities", "municipality", "topic", "search", "office"]


def resolve(name):
    """The path of the page called `name` in the seeded database."""
    path = PAGES[name]
    if path == "news-item":
        from smartregion.cms.models import NewsPage

        news = NewsPage.objects.live().order_by("-date", "-pk").first()
        assert news is not None, "The demo has no published news item (NewsPage) below /aktuelles/."
        return news.url
    if path == "focus-area":
        from smartregion.region.models import FocusArea

        focus_area = FocusArea.objects.first()
        assert focus_area is not None, "The demo has no focus area (Zukunftsaufgabe)."
        return focus_area.get_absolute_url()
    return path
