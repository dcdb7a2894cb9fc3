import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from smartregion.region.models import RegionSettings


class NewsFeed(Feed):
    """RSS 2.0 feed of the newest news items of one news index."""

    feed_type = Rss201rev2Feed
    limit = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{RegionSettings.load().name}: {self.index_page.title}"

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro

    def items(self):
        return self.index_page.news()[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(9, 0)))

    def item_author_name(self, item):
        return item.author_role
