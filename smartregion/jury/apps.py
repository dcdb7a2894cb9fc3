from django.apps import AppConfig


class JuryConfig(AppConfig):
    name = "smartregion.jury"
    label = "jury"
    verbose_name = "Jury"

    def ready(self):
        from smartregion.jury import rules  # noqa: F401  (rules registers the permissions)
