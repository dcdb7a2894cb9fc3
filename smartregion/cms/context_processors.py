from functools import cached_property

from wagtail.models import Page

from smartregion.cms.models import HomePage, SiteLinks


class SiteNavigation:
    """Navigation and footer links, evaluated only when a template uses them
    (an error page or a feed renders without touching the database)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def home(self):
        return HomePage.objects.live().only("title", "url_path", "path", "depth", "numchild").first()

    @cached_property
    def menu(self):
        if self.home is None:
            return []
        return list(self.home.get_children().live().in_menu().only("title", "url_path", "slug"))

    @cached_property
    def footer(self):
        links = SiteLinks.load(request_or_site=self.request)
        pages = []
        for field in ("imprint", "privacy", "accessibility", "easy_language", "sign_language"):
            page_id = getattr(links, f"{field}_id")
            if page_id:
                pages.append(page_id)
        by_id = {page.pk: page for page in Page.objects.filter(pk__in=pages).live().only("title", "url_path")}
        return [by_id[pk] for pk in pages if pk in by_id]


def site_navigation(request):
    return {"site_nav": SiteNavigation(request)}
