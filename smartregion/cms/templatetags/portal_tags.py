from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

# Each language names itself, so a visitor finds their own.
LANGUAGE_SELF_NAMES = {"de": "Deutsch", "en": "English"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every interface language."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    return [
        {
            "code": code,
            "name": LANGUAGE_SELF_NAMES.get(code, code),
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def is_within(page, section):
    """True when `page` is `section` or lies below it in the page tree."""
    if not page or not hasattr(page, "url_path"):
        return False
    return page.url_path.startswith(section.url_path)


@register.simple_tag
def timeline_entries():
    """All entries of the project timeline, oldest first (one query)."""
    from smartregion.cms.models import TimelineEntry

    return TimelineEntry.objects.all()
