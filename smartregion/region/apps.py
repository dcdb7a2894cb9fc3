from django.apps import AppConfig


class RegionConfig(AppConfig):
    name = "smartregion.region"
    label = "region"
    verbose_name = "Region"
