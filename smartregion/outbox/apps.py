from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "smartregion.outbox"
    label = "outbox"
    verbose_name = "E-Mail-Ausgang"

    def ready(self):
        from smartregion.outbox import rules  # noqa: F401  (registers the permissions)
