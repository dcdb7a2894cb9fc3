from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "smartregion.comments"
    label = "comments"
    verbose_name = "Kommentare"

    def ready(self):
        from smartregion.comments import moderated, rules  # noqa: F401  (rules registers the permissions)

        moderated.register()
