from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "smartregion.participation"
    label = "participation"
    verbose_name = "Beteiligung"

    def ready(self):
        from smartregion.participation import rules  # noqa: F401  (registers the permissions)
