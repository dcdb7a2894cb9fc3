"""The facts an idea card shows, computed in Python.

A list renders 20 cards; done in the template, each card's URL (a reverse),
status label, date and counts cost about as much as the rest of the page.
Here the URL pattern is reversed once per language and the rest are plain
lookups: the card then renders in a fraction of the time.
"""

import functools

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language, ngettext

from smartregion.ideas.models import Idea

register = template.Library()

_STATUS_LABELS = dict(Idea.Status.choices)


@functools.lru_cache(maxsize=16)
def _url_pattern(language: str, script_prefix: str) -> str:
    # Both arguments change what reverse() returns; they are the cache key.
    return (
        reverse("ideas:idea-detail", args=["process-slug", 987654321])
        .replace("process-slug", "{slug}")
        .replace("987654321", "{pk}")
    )


def idea_url_pattern() -> str:
    """The path of an idea with {slug} (of its process) and {pk} to fill
    in: one reverse() for thousands of ideas (map data, CSV, cards)."""
    return _url_pattern(get_language(), get_script_prefix())


def idea_url(idea) -> str:
    """idea.get_absolute_url() without a reverse per idea."""
    return idea_url_pattern().format(slug=idea.process.slug, pk=idea.pk)


@register.filter
def card_facts(idea) -> dict:
    """URL, status label, creation date (ISO and as text), the first two
    topics and the support and comment counts as text of `idea` (whose
    process is loaded and topics prefetched, as for_listing() does)."""
    created = timezone.localtime(idea.created_at)
    return {
        "url": idea_url(idea),
        "status": str(_STATUS_LABELS.get(idea.status, idea.status)),
        "date_iso": created.date().isoformat(),
        "date": f"{created.day}. {MONTHS[created.month]} {created.year}",
        "topics": ", ".join(topic.name for topic in idea.topics.all()[:2]),
        "supports": ngettext("%(counter)s Unterstützung", "%(counter)s Unterstützungen", idea.support_count)
        % {"counter": idea.support_count},
        "comments": ngettext("%(counter)s Kommentar", "%(counter)s Kommentare", idea.comment_count)
        % {"counter": idea.comment_count},
    }
