from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "smartregion.comments"
    label = "comments"
    verbose_name = "Kommentare"

    def ready(self):
        from smartregion.comments import rules  # noqa: F401  (registers the permissions)
