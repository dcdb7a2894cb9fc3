"""The staff dashboard's "what waits for me" panels (/redaktion/).

Every app that has work waiting for a role adds one WaitingPanel in its
wagtail_hooks.py through Wagtail's `construct_homepage_panels` hook, only
for the roles it concerns:

    @hooks.register("construct_homepage_panels")
    def add_jury_panel(request, panels):
        if is_juror(request.user):
            panels.append(WaitingPanel("jury", _("Wartet auf Ihre Bewertung"), items))

Each item is a WaitingItem(label, count, url): the label names what waits
(the link text), the count how many, the url where to work on it. The
panel renders includes/admin_waiting_panel.html, which a view can also
include directly with `panel_id`, `heading`, `items` and, optionally,
`empty_text`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

# Wagtail's own dashboard panels start at order 100; the waiting work comes
# first.
WAITING_PANEL_ORDER = 50


@dataclass(frozen=True)
class WaitingItem:
    label: str
    count: int
    url: str


class WaitingPanel(Component):
    """A heading and a table of WaitingItems; `empty_text` when there are
    none. `name` makes the panel's HTML id ("waiting-<name>")."""

    template_name = "includes/admin_waiting_panel.html"

    def __init__(self, name, heading, items, *, empty_text=None, order=WAITING_PANEL_ORDER):
        self.name = name
        self.heading = heading
        self.items = list(items)
        self.empty_text = empty_text or _("Zurzeit wartet hier nichts auf Sie.")
        self.order = order

    def get_context_data(self, parent_context=None):
        return {
            "panel_id": f"waiting-{self.name}",
            "heading": self.heading,
            "items": self.items,
            "empty_text": self.empty_text,
        }


def remove_panels(panels, *classes):
    """Drop Wagtail's panels of the given classes from `panels` in place."""
    panels[:] = [panel for panel in panels if not isinstance(panel, classes)]
