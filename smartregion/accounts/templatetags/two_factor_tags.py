"""Template tags of the two-factor pages (templates/mfa/)."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from smartregion.accounts.middleware import SETUP_NEXT_SESSION_KEY
from smartregion.accounts.predicates import is_staff_member

register = template.Library()


@register.simple_tag(takes_context=True)
def way_on_after_setup(context):
    """The one way on from the recovery codes shown after setting up an
    app, as {"url", "label"}: staff go to the backend address they came
    for (or its start), everyone else back to their account."""
    request = context["request"]
    if is_staff_member(request.user):
        backend = "/" + settings.STAFF_BACKEND_PATH
        wanted = request.session.get(SETUP_NEXT_SESSION_KEY) or ""
        # Only an address inside the backend: the session key is ours, but
        # a path like "//host" must never become a link elsewhere.
        url = wanted if wanted.startswith(backend) and not wanted.startswith("//") else backend
        return {"url": url, "label": _("Weiter zur Redaktion")}
    return {"url": reverse("accounts:profile"), "label": _("Weiter zu Ihrem Konto")}
