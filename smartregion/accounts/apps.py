from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "smartregion.accounts"
    label = "accounts"
    verbose_name = "Konten"
