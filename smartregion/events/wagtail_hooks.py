"""Events in the staff backend ("Veranstaltungen" under /redaktion/).

Editors manage every event; regional guides only those of their
municipalities. Wagtail's model permissions (roles.py) open the views; the
rule events.manage_event decides per event, through the permission policy
below (listing, copy, buttons) and the views' get_object (edit, delete,
history, usage).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from smartregion.accounts.predicates import is_guide
from smartregion.events import actions, admin_views
from smartregion.events.admin_views import manageable_events, may_manage_every_event
from smartregion.events.models import Event
from smartregion.lib.admin_panels import WaitingItem, WaitingPanel


class EventPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed per event by the rule
    events.manage_event."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user.has_perm("events.manage_event", instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Event.objects.none()
        return manageable_events(user)


# Registered before any view asks for Event's policy (Wagtail would create a
# fallback policy on first use and then refuse this one).
register_permission_policy(Event, EventPermissionPolicy(Event))


class EventAdminForm(WagtailAdminModelForm):
    """The event form. A guide picks one of their own municipalities (a
    region-wide event belongs to the editors)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not may_manage_every_event(user) and "municipality" in self.fields:
            field = self.fields["municipality"]
            field.queryset = user.guide_municipalities.order_by("name")
            field.required = True
            field.help_text = _("Sie können Veranstaltungen in den Kommunen anlegen, die Sie betreuen.")
            field.error_messages["required"] = _("Bitte wählen Sie eine der Kommunen, die Sie betreuen.")
            # The chooser lists every municipality; a guide who picks one
            # she does not look after is told which ones she does.
            field.error_messages["invalid_choice"] = _(
                "Diese Kommune betreuen Sie nicht. Sie betreuen: %(names)s. Bitte wählen Sie eine davon."
            ) % {"names": ", ".join(municipality.name for municipality in field.queryset)}

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("Das Ende liegt vor dem Beginn. Bitte prüfen Sie die Zeiten."))
        deadline = cleaned.get("registration_deadline")
        if deadline and ends_at and deadline > ends_at:
            self.add_error("registration_deadline", _("Der Anmeldeschluss liegt nach dem Ende der Veranstaltung."))
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt",
                _("Bitte beschreiben Sie, was auf dem Bild zu sehen ist (Alternativtext für blinde Menschen)."),
            )
        if not cleaned.get("venue") and not cleaned.get("online_url"):
            self.add_error("venue", _("Bitte geben Sie einen Ort oder einen Zugang zur Online-Veranstaltung an."))
        registration = cleaned.get("registration")
        if registration == Event.Registration.NONE and cleaned.get("capacity"):
            self.add_error(
                "capacity",
                _("Plätze lassen sich nur begrenzen, wenn man sich anmeldet. Bitte wählen Sie eine Anmeldung."),
            )
        return cleaned


class ManagedEventMixin:
    """Refuses an event outside the staff member's municipalities, even
    with the model permission."""

    def get_object(self, queryset=None):
        event = super().get_object(queryset)
        if not self.request.user.has_perm("events.manage_event", event):
            raise PermissionDenied
        return event


class EventIndexView(snippet_views.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.insert(
            0,
            Button(
                _("Anmeldungen"),
                url=reverse("events_admin:registration-list", args=[instance.pk]),
                icon_name="group",
                attrs={"aria-label": _("Anmeldungen zu „%(title)s“") % {"title": instance.title}},
                priority=5,
            ),
        )
        return buttons


class EventEditView(ManagedEventMixin, snippet_views.EditView):
    def save_instance(self):
        event = super().save_instance()
        # More seats (or no limit any more) move people up from the waitlist,
        # in order; fewer seats cancel nobody.
        actions.fill_free_seats(event)
        return event


class EventDeleteView(ManagedEventMixin, snippet_views.DeleteView):
    pass


class EventHistoryView(ManagedEventMixin, snippet_views.HistoryView):
    pass


class EventUsageView(ManagedEventMixin, snippet_views.UsageView):
    pass


def _event_panels():
    return TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=gettext_lazy("Bild")),
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldPanel("all_day"),
                    FieldPanel("municipality"),
                    FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("process"),
                ],
                heading=gettext_lazy("Veranstaltung"),
            ),
            ObjectList(
                [
                    FieldPanel("venue"),
                    FieldPanel("address"),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                    MultiFieldPanel(
                        [FieldPanel("step_free"), FieldPanel("hearing_loop"), FieldPanel("accessibility_note")],
                        heading=gettext_lazy("Barrierefreiheit"),
                    ),
                    FieldPanel("online_url"),
                ],
                heading=gettext_lazy("Ort"),
            ),
            ObjectList(
                [
                    FieldPanel("registration"),
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                    FieldPanel("question"),
                ],
                heading=gettext_lazy("Anmeldung"),
            ),
            ObjectList([FieldPanel("documentation")], heading=gettext_lazy("Dokumentation")),
        ],
        base_form_class=EventAdminForm,
    )


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = gettext_lazy("Veranstaltungen")
    menu_name = "veranstaltungen"
    menu_order = 300
    add_to_admin_menu = True
    url_prefix = "veranstaltungen"
    list_display = [
        "title",
        "kind",
        Column("starts_at", label=gettext_lazy("Beginn"), accessor="starts_at"),
        "municipality",
        "status",
        Column("confirmed_count", label=gettext_lazy("angemeldet")),
        Column("waitlisted_count", label=gettext_lazy("Warteliste")),
        "capacity",
    ]
    list_filter = ["kind", "status", "municipality"]
    search_fields = ["title", "summary", "venue"]
    ordering = ["-starts_at"]
    index_view_class = EventIndexView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    history_view_class = EventHistoryView
    usage_view_class = EventUsageView
    edit_handler = _event_panels()

    def get_queryset(self, request):
        return admin_views.with_registration_counts(manageable_events(request.user).select_related("municipality"))


register_snippet(EventViewSet)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "veranstaltungen/",
            include((admin_views.urlpatterns, "events_admin"), namespace="events_admin"),
        )
    ]


# How many of a guide's next events the dashboard lists.
DASHBOARD_EVENTS = 5


@hooks.register("construct_homepage_panels")
def add_guide_events_panel(request, panels):
    """Regional guides: the registrations of the next published events with
    registration in their municipalities, each linked to its list of
    registrations (one query, whatever the number of events)."""
    user = request.user
    if not is_guide(user):
        return
    events = admin_views.with_registration_counts(
        Event.objects.published()
        .upcoming()
        .filter(municipality__in=user.guide_municipalities.all())
        .exclude(registration=Event.Registration.NONE)
        .only("pk", "title", "starts_at")
    )[:DASHBOARD_EVENTS]
    items = [
        WaitingItem(
            _("Anmeldungen zu „%(title)s“ am %(date)s")
            % {"title": event.title, "date": date_format(timezone.localtime(event.starts_at), "j. F Y")},
            event.confirmed_count,
            reverse("events_admin:registration-list", args=[event.pk]),
        )
        for event in events
    ]
    panels.append(
        WaitingPanel(
            "events",
            gettext_lazy("Ihre nächsten Veranstaltungen"),
            items,
            empty_text=gettext_lazy("In Ihren Kommunen steht keine Veranstaltung mit Anmeldung bevor."),
        )
    )
