from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "smartregion.events"
    label = "events"
    verbose_name = "Veranstaltungen"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from smartregion.events import rules  # noqa: F401  (registers the permissions)
        from smartregion.region import sections

        def upcoming_events(**filters):
            from smartregion.events.models import Event

            return (
                Event.objects.published()
                .upcoming()
                .filter(**filters)
                .select_related("municipality")
                .defer("municipality__boundary", "description", "documentation")[:5]
            )

        for kind, items in (
            (sections.MUNICIPALITY, lambda municipality: upcoming_events(municipality=municipality)),
            (sections.TOPIC, lambda topic: upcoming_events(topics=topic)),
        ):
            sections.register(
                kind,
                sections.Section(
                    key="events",
                    title=_("Veranstaltungen"),
                    template="events/includes/event_section.html",
                    items=items,
                    empty_text=_("Zurzeit sind hier keine Veranstaltungen eingetragen."),
                    order=20,
                ),
            )
