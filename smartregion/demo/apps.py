from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "smartregion.demo"
    label = "demo"
    verbose_name = "Demo-Daten"
