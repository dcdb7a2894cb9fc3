from django import template

from smartregion.comments import threads

register = template.Library()


@register.inclusion_tag("comments/includes/thread.html", takes_context=True)
def comment_thread(context, target):
    """`{% comment_thread target %}`: the comments of `target` (a model
    registered in comments/targets.py) on its page, the first page in the
    order of ?sortierung=, with the form for people who may comment.

    The page's view should load the target's process with its phases
    (ProcessQuerySet.with_phases()) to save the thread one query. The page
    stays cacheable for anonymous visitors: they get no form, so no CSRF
    token."""
    request = context["request"]
    return threads.thread_context(
        request,
        target,
        host_path=request.path,
        ordering=threads.ordering_from(request.GET.get("sortierung")),
    )
