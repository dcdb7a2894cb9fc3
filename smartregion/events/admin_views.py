"""The registrations of one event in the staff backend: the list and the
waitlist, a CSV export, people added by hand (phone, mail, at the door),
attendance marked at the door, and a message to everyone registered.

The URLs are registered through wagtail_hooks.py, so Wagtail's
require_admin_access wraps every view. The rule events.manage_event decides
which events a staff member reaches (editors: all; regional guides: their
municipalities'); Wagtail turns a PermissionDenied into a redirect to the
dashboard with a message.
"""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from smartregion.accounts.predicates import is_editor, is_guide
from smartregion.events import actions
from smartregion.events.models import Event, EventRegistration

Status = EventRegistration.Status


def may_manage_every_event(user) -> bool:
    """Editors (and superusers) manage region-wide events and those of
    every municipality; guides only their municipalities' (rules.py)."""
    return user.is_superuser or is_editor(user)


def manageable_events(user):
    """The events `user` may manage: the queryset form of the rule
    events.manage_event, for the backend's list."""
    if may_manage_every_event(user):
        return Event.objects.all()
    if is_guide(user):
        return Event.objects.filter(municipality__in=user.guide_municipalities.all())
    return Event.objects.none()


def with_registration_counts(events):
    return events.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
        waitlisted_count=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
    )


class StaffRegistrationForm(forms.Form):
    """A person registered by staff: from a phone call, a letter or at the
    door. The e-mail address is optional (many phone registrations have
    none); with one, the person gets the usual confirmation."""

    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=120,
        error_messages={"required": gettext_lazy("Bitte geben Sie den Namen der Person an.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse (freiwillig)"),
        required=False,
        help_text=gettext_lazy("Mit Adresse bekommt die Person die Bestätigung mit Kalenderdatei und Abmeldelink."),
        error_messages={"invalid": gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an.")},
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Weg der Anmeldung"),
        choices=[
            (EventRegistration.Channel.PHONE, EventRegistration.Channel.PHONE.label),
            (EventRegistration.Channel.MAIL, EventRegistration.Channel.MAIL.label),
            (EventRegistration.Channel.ON_SITE, EventRegistration.Channel.ON_SITE.label),
        ],
        initial=EventRegistration.Channel.PHONE,
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie einen Weg der Anmeldung.")},
    )
    accessibility_needs = forms.CharField(
        label=gettext_lazy("Unterstützung, die die Person braucht (freiwillig)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    answer = forms.CharField(
        label=gettext_lazy("Antwort auf die Frage (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        if event.question:
            self.fields["answer"].label = _("Antwort auf „%(question)s“ (freiwillig)") % {"question": event.question}
        else:
            del self.fields["answer"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Bitte geben Sie den Namen der Person an."))
        return name

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email and self.event.registrations.active().filter(user__isnull=True, email__iexact=email).exists():
            raise forms.ValidationError(_("Mit dieser E-Mail-Adresse ist bereits jemand angemeldet."))
        if email and self.event.registrations.active().filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("Mit dieser E-Mail-Adresse ist bereits jemand angemeldet."))
        return email


class MessageForm(forms.Form):
    subject = forms.CharField(
        label=gettext_lazy("Betreff"),
        max_length=150,
        error_messages={"required": gettext_lazy("Bitte geben Sie einen Betreff an.")},
    )
    body = forms.CharField(
        label=gettext_lazy("Nachricht"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Bitte schreiben Sie eine Nachricht.")},
    )

    def clean_subject(self):
        subject = self.cleaned_data["subject"].strip()
        if not subject:
            raise forms.ValidationError(_("Bitte geben Sie einen Betreff an."))
        return subject

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Bitte schreiben Sie eine Nachricht."))
        return body


def _get_event_for(request, pk) -> Event:
    """The event `pk` if the staff member in `request` may manage it (404
    if there is no such event, PermissionDenied if not allowed)."""
    event = get_object_or_404(Event.objects.select_related("municipality"), pk=pk)
    if not request.user.has_perm("events.manage_event", event):
        raise PermissionDenied
    return event


def _breadcrumbs(event):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Start")},
        {"url": reverse("wagtailsnippets_events_event:list"), "label": _("Veranstaltungen")},
        {"url": reverse("wagtailsnippets_events_event:edit", args=[event.pk]), "label": event.title},
        {"url": None, "label": _("Anmeldungen")},
    ]


def _render_list(request, event, *, add_form=None, message_form=None, status=200):
    registrations = list(event.registrations.select_related("user", "entered_by").order_by("created_at", "pk"))
    by_status = {value: [] for value in Status.values}
    for registration in registrations:
        by_status[registration.status].append(registration)
    confirmed = by_status[Status.CONFIRMED]
    seats_left = None if event.capacity is None else max(event.capacity - len(confirmed), 0)
    return render(
        request,
        "events/admin/registration_list.html",
        {
            "header_title": _("Anmeldungen: %(title)s") % {"title": event.title},
            "header_icon": "group",
            "breadcrumbs_items": _breadcrumbs(event),
            "event": event,
            "confirmed": confirmed,
            "waitlisted": by_status[Status.WAITLISTED],
            "unconfirmed": by_status[Status.UNCONFIRMED],
            "gone": by_status[Status.CANCELLED] + by_status[Status.EXPIRED],
            "seats_left": seats_left,
            "add_form": add_form or StaffRegistrationForm(prefix="add", event=event),
            "message_form": message_form or MessageForm(prefix="message"),
        },
        status=status,
    )


@require_GET
def registration_list(request, pk):
    event = _get_event_for(request, pk)
    return _render_list(request, event)


@require_POST
def add_registration(request, pk):
    event = _get_event_for(request, pk)
    form = StaffRegistrationForm(request.POST, prefix="add", event=event)
    if not form.is_valid():
        messages.error(request, _("Die Person ist nicht eingetragen. Bitte prüfen Sie die Eingabe."))
        return _render_list(request, event, add_form=form)
    data = form.cleaned_data
    try:
        registration = actions.add_registration_by_staff(
            event,
            name=data["name"],
            staff_user=request.user,
            email=data["email"],
            channel=data["channel"],
            accessibility_needs=data["accessibility_needs"],
            answer=data.get("answer", ""),
        )
    except actions.RegistrationError as error:
        messages.error(request, str(error.message))
        return redirect("events_admin:registration-list", pk=event.pk)
    if registration.status == Status.CONFIRMED:
        messages.success(request, _("%(name)s ist angemeldet.") % {"name": registration.name})
    else:
        messages.warning(
            request,
            _("Die Veranstaltung ist voll: %(name)s steht auf der Warteliste.") % {"name": registration.name},
        )
    return redirect("events_admin:registration-list", pk=event.pk)


ATTENDANCE = {"yes": True, "no": False, "unknown": None}


@require_POST
def mark_attendance(request, pk, registration_pk):
    event = _get_event_for(request, pk)
    registration = get_object_or_404(event.registrations.all(), pk=registration_pk)
    value = request.POST.get("attended")
    if value not in ATTENDANCE:
        messages.error(request, _("Bitte wählen Sie „anwesend“ oder „nicht gekommen“."))
        return redirect("events_admin:registration-list", pk=event.pk)
    if registration.status not in (Status.CONFIRMED, Status.WAITLISTED):
        messages.error(request, _("Anwesenheit lässt sich nur für angemeldete Personen eintragen."))
        return redirect("events_admin:registration-list", pk=event.pk)
    actions.mark_attendance(registration, ATTENDANCE[value])
    messages.success(request, _("Anwesenheit von %(name)s gespeichert.") % {"name": registration.display_name})
    return redirect(reverse("events_admin:registration-list", args=[event.pk]) + f"#registration-{registration.pk}")


@require_POST
def send_message(request, pk):
    event = _get_event_for(request, pk)
    form = MessageForm(request.POST, prefix="message")
    if not form.is_valid():
        messages.error(request, _("Die Nachricht ist nicht verschickt. Bitte prüfen Sie die Eingabe."))
        return _render_list(request, event, message_form=form)
    count = actions.message_registered(
        event, subject=form.cleaned_data["subject"], text=form.cleaned_data["body"], staff_user=request.user
    )
    if count:
        messages.success(
            request,
            ngettext(
                "Die Nachricht geht an %(count)d angemeldete Person mit E-Mail-Adresse.",
                "Die Nachricht geht an %(count)d angemeldete Personen mit E-Mail-Adresse.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("Niemand Angemeldetes hat eine E-Mail-Adresse; es ging keine Nachricht hinaus."))
    return redirect("events_admin:registration-list", pk=event.pk)


def _cell(value) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


@require_GET
def export_registrations(request, pk):
    """The confirmed people and the waitlist (in order) of one event as CSV,
    separated by semicolons and with a byte order mark, as spreadsheet
    programmes with German settings expect."""
    event = _get_event_for(request, pk)
    registrations = (
        event.registrations.filter(status__in=[Status.CONFIRMED, Status.WAITLISTED])
        .select_related("user")
        .order_by("created_at", "pk")
    )
    rows = sorted(registrations, key=lambda r: r.status != Status.CONFIRMED)
    attended = {True: _("ja"), False: _("nein"), None: ""}
    filename = f"anmeldungen-{slugify(event.title)[:60]}-{timezone.localdate(event.starts_at):%Y-%m-%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Name"), _("E-Mail-Adresse"), _("Status"), _("Weg"), _("Unterstützung"), _("Antwort"), _("anwesend")]
    )
    for registration in rows:
        writer.writerow(
            _cell(value)
            for value in [
                registration.display_name,
                registration.contact_email,
                registration.get_status_display(),
                registration.get_channel_display(),
                registration.accessibility_needs,
                registration.answer,
                attended[registration.attended],
            ]
        )
    return response


urlpatterns = [
    path("<int:pk>/anmeldungen/", registration_list, name="registration-list"),
    path("<int:pk>/anmeldungen.csv", export_registrations, name="registration-export"),
    path("<int:pk>/anmeldungen/neu/", add_registration, name="registration-add"),
    path(
        "<int:pk>/anmeldungen/<int:registration_pk>/anwesenheit/",
        mark_attendance,
        name="registration-attendance",
    ),
    path("<int:pk>/nachricht/", send_message, name="message-registered"),
]
