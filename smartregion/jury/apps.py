from django.apps import AppConfig


class JuryConfig(AppConfig):
    name = "smartregion.jury"
    label = "jury"
    verbose_name = "Jury"

    def ready(self):
        from smartregion.jury import (
            contribution,
            rules,  # noqa: F401  (rules registers the permissions)
        )

        # The jury as a contribution type of a process
        # (participation/contributions.py).
        contribution.register_type()
