"""Template tags of the staff backend's own templates."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def backend_site_name():
    """The platform's name (settings.WAGTAIL_SITE_NAME, from SITE_NAME) for
    the backend's tab title and welcome. A setting, not RegionSettings, so
    that no backend page pays a query for its title."""
    return settings.WAGTAIL_SITE_NAME
