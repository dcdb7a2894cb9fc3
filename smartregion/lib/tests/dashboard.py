"""What the dashboard panel tests share."""

from django.contrib.auth import get_user_model
from django.test import RequestFactory


def dashboard_request(user):
    """A GET of the dashboard by a fresh copy of `user` (nothing cached on
    it, as at the start of a request)."""
    request = RequestFactory().get("/redaktion/")
    request.user = get_user_model().objects.get(pk=user.pk)
    return request


def run_hook(hook, user_or_request):
    """The panels `hook` (a construct_homepage_panels function) adds for a
    user (or for the user of a dashboard_request()), by name."""
    request = user_or_request if hasattr(user_or_request, "user") else dashboard_request(user_or_request)
    panels = []
    hook(request, panels)
    return {panel.name: panel for panel in panels}


def rows(panel):
    """The panel's items as (label, count, url)."""
    return [(item.label, item.count, item.url) for item in panel.items]
