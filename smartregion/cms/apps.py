from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "smartregion.cms"
    label = "cms"
    verbose_name = "Seiten"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from smartregion.region import sections

        def news_about_municipality(municipality):
            from smartregion.cms.models import NewsPage

            return NewsPage.objects.live().public().filter(municipalities=municipality).order_by("-date")[:5]

        def news_about_topic(topic):
            from smartregion.cms.models import NewsPage

            return NewsPage.objects.live().public().filter(topics=topic).order_by("-date")[:10]

        for kind, items in ((sections.MUNICIPALITY, news_about_municipality), (sections.TOPIC, news_about_topic)):
            sections.register(
                kind,
                sections.Section(
                    key="news",
                    title=_("Aktuelles"),
                    template="cms/includes/news_section.html",
                    items=items,
                    empty_text=_("Noch keine Nachrichten zu diesem Thema."),
                    order=10,
                ),
            )
