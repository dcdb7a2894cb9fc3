"""The similar ideas shown while someone types the title of a new idea.

The title field of the idea form asks for this fragment with htmx
(ideas:similar-ideas, GET ?title=&text=) and puts it into the form's
aria-live region. Without JavaScript nobody asks for it: the compare step
of the form shows the same ideas before the final submit.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from smartregion.ideas.models import Idea
from smartregion.ideas.similar import find_similar
from smartregion.participation.models import Process

LIMIT = 5
TEXT_MAX = Idea._meta.get_field("text").max_length
TITLE_MAX = Idea._meta.get_field("title").max_length


def _get_process(slug) -> Process:
    """The published process `slug` (404 for an unknown or unpublished
    one): the fragment lists public ideas, and a draft has none."""
    return get_object_or_404(Process.objects.published().only("pk", "slug", "status"), slug=slug)


@require_GET
def similar_ideas(request, slug):
    """Up to five public ideas of the process that look like the typed
    title (and text, if any); an empty fragment for a title shorter than
    three letters or when nothing is similar. Two queries: the process and
    the candidates."""
    process = _get_process(slug)
    title = request.GET.get("title", "")[:TITLE_MAX]
    text = request.GET.get("text", "")[:TEXT_MAX]
    similar = find_similar(process, title, text=text, limit=LIMIT)
    html = render_to_string("ideas/includes/similar_ideas.html", {"process": process, "similar": similar}, request)
    # Stripped: the live region hides itself with :empty, which whitespace
    # would defeat.
    return HttpResponse(html.strip())
