from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "smartregion.ideas"
    label = "ideas"
    verbose_name = "Ideen"

    def ready(self):
        from smartregion.comments import targets
        from smartregion.ideas import moderated, rules  # noqa: F401  (rules registers the permissions)
        from smartregion.ideas.models import Idea

        targets.register(
            "idee",
            Idea,
            lambda pk: Idea.objects.select_related("process", "author").get(pk=pk),
            action="ideas.comment",
        )
        moderated.register()
        self._register_sections()
        self._register_contribution_types()

    @staticmethod
    def _register_contribution_types():
        """Ideas as a contribution type of a process
        (participation/contributions.py)."""
        from smartregion.ideas import contribution

        contribution.register_type()

    @staticmethod
    def _register_sections():
        """The newest public ideas on the pages of a municipality and of a
        topic, with a link to the Ideenspeicher filtered the same way. Two
        queries whatever the number of ideas: the ideas with process and
        municipality, and their topics (only when there are ideas)."""
        from django.utils.translation import gettext_lazy as _

        from smartregion.ideas.models import Idea
        from smartregion.region import sections

        def newest_ideas(**filters):
            return Idea.objects.public().filter(**filters).for_listing().order_by("-created_at", "-pk")[:5]

        for kind, items in (
            (sections.MUNICIPALITY, lambda municipality: newest_ideas(municipality=municipality)),
            (sections.TOPIC, lambda topic: newest_ideas(topics=topic)),
        ):
            sections.register(
                kind,
                sections.Section(
                    key="ideas",
                    title=_("Ideen"),
                    template="ideas/includes/idea_section.html",
                    items=items,
                    empty_text=_("Hier sind noch keine Ideen veröffentlicht."),
                    order=15,
                ),
            )
