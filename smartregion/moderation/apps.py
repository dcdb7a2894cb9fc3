from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "smartregion.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from smartregion.moderation import rules, word_list_admin  # noqa: F401  (rules registers the permissions)

        word_list_admin.register()
