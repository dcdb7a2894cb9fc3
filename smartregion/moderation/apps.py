from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "smartregion.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from smartregion.moderation import rules  # noqa: F401  (registers the permissions)
