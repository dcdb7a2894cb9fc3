from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "smartregion.accounts"
    label = "accounts"
    verbose_name = "Konten"

    def ready(self):
        from django.db.models.signals import post_migrate

        from smartregion.accounts import page_slots

        post_migrate.connect(_sync_staff_groups, sender=self)
        page_slots.register()


def _sync_staff_groups(sender, using, apps=None, **kwargs):
    """After every `migrate`, give each staff group exactly the permissions
    roles.py lists (the data migrations may have skipped some that did not
    exist yet)."""
    from django.apps import apps as global_apps

    from smartregion.accounts.roles import ensure_groups

    ensure_groups(global_apps)
