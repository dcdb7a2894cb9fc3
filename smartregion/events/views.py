"""The public pages of the events: list, archive, detail, registration,
the confirmation and cancellation pages the e-mails link to, and the
calendar files."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from smartregion.accounts.predicates import is_verified_participant
from smartregion.events import actions, ical
from smartregion.events.forms import EventFilterForm, GuestRegistrationForm, RegistrationForm
from smartregion.events.models import Event, EventRegistration
from smartregion.events.rules import registration_is_open
from smartregion.lib import ratelimit
from smartregion.lib.ratelimit import HOUR, Limit
from smartregion.region.models import Municipality, Topic

EVENTS_PER_PAGE = 20
FEED_DAYS_BACK = 365

# Guests cause an e-mail to an address they type: limit how often.
GUEST_LIMITS_PER_ADDRESS = (Limit(20, HOUR),)
GUEST_LIMITS_PER_EMAIL = (Limit(3, HOUR),)


def _with_seats(events):
    return events.annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status=EventRegistration.Status.CONFIRMED))
    )


# The events everybody may see (as the rule events.view_event): published,
# and those cancelled after publishing, so that people who planned to come
# and subscribed calendars learn about the cancellation.
PUBLIC_STATUSES = [Event.Status.PUBLISHED, Event.Status.CANCELLED]


def _listed_events():
    return _with_seats(
        Event.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("municipality")
        .defer("municipality__boundary", "description", "documentation")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")))
    )


def _render_list(request, events, template):
    filters = EventFilterForm(request.GET)
    page = Paginator(filters.filter(events), EVENTS_PER_PAGE).get_page(request.GET.get("seite"))
    return render(
        request,
        template,
        {"filters": filters, "page_obj": page, "events": page.object_list, "filter_query": filters.query_string()},
    )


@require_GET
def event_list(request):
    """Published events that have not ended yet, the next first."""
    return _render_list(request, _listed_events().upcoming(), "events/event_list.html")


@require_GET
def event_archive(request):
    """Published events that are over, the most recent first."""
    return _render_list(request, _listed_events().past(), "events/event_archive.html")


def _get_event(request, pk):
    """The event `pk` if the visitor may see it (404 otherwise), with its
    municipality, its image, its topics and its number of confirmed
    seats."""
    event = get_object_or_404(
        _with_seats(
            Event.objects.select_related("municipality", "process", "image")
            .defer("municipality__boundary", "process__description", "process__results_statement")
            .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")))
        ),
        pk=pk,
    )
    if not request.user.has_perm("events.view_event", event):
        raise Http404
    return event


def _own_registration(request, event):
    if not request.user.is_authenticated:
        return None
    return event.registrations.active().filter(user=request.user).first()


def _registration_state(request, event, registration, now):
    """What the registration box shows: one of "none", "invitation",
    "over", "cancelled", "registered", "closed", "unverified", "waitlist",
    "open"."""
    if event.status == Event.Status.CANCELLED:
        return "cancelled"
    if event.ends_at < now:
        return "over"
    if registration is not None:
        return "registered"
    if event.registration == Event.Registration.NONE:
        return "none"
    if event.registration == Event.Registration.INVITATION:
        return "invitation"
    if not registration_is_open(event, now):
        return "closed"
    if request.user.is_authenticated and not is_verified_participant(request.user):
        return "unverified"
    if seats_left(event) == 0:
        return "waitlist"
    return "open"


def seats_left(event):
    """Free seats of an event annotated by `_with_seats`; None when the
    number of seats is not limited."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.confirmed_count, 0)


def _detail_context(request, event, form=None):
    now = timezone.now()
    registration = _own_registration(request, event)
    state = _registration_state(request, event, registration, now)
    if form is None and state in ("open", "waitlist"):
        form_class = RegistrationForm if request.user.is_authenticated else GuestRegistrationForm
        form = form_class(event=event)
    waitlist_position = None
    if registration is not None and registration.status == EventRegistration.Status.WAITLISTED:
        waitlist_position = (
            event.registrations.waiting()
            .filter(
                Q(created_at__lt=registration.created_at)
                | Q(created_at=registration.created_at, pk__lt=registration.pk)
            )
            .count()
            + 1
        )
    return {
        "event": event,
        "state": state,
        "form": form,
        "registration": registration,
        "waitlist_position": waitlist_position,
        "seats_left": seats_left(event),
        "show_online_link": bool(event.online_url) and request.user.has_perm("events.view_online_link", event),
        "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
    }


@require_GET
def event_detail(request, pk):
    event = _get_event(request, pk)
    return render(request, "events/event_detail.html", _detail_context(request, event))


@require_GET
def event_ics(request, pk):
    """The event as a calendar file, for "Zum Kalender hinzufügen"."""
    event = _get_event(request, pk)
    response = HttpResponse(ical.event_calendar(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="veranstaltung-{event.pk}.ics"'
    return response


def _guest_rate_limited(request, email) -> bool:
    return not (
        ratelimit.allow_all(f"events-guest-ip:{ratelimit.client_ip(request)}", *GUEST_LIMITS_PER_ADDRESS)
        and ratelimit.allow_all(f"events-guest-email:{ratelimit.hashed(email.lower())}", *GUEST_LIMITS_PER_EMAIL)
    )


@require_POST
def register(request, pk):
    """Members register with one click (the optional fields may be left
    empty); guests give name and e-mail address and get a link to confirm.
    On an error the page comes back with the form as typed, and nothing is
    saved."""
    event = _get_event(request, pk)
    if not request.user.has_perm("events.register_for_event", event):
        if request.user.is_authenticated and registration_is_open(event):
            messages.error(
                request, _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse, dann können Sie sich anmelden.")
            )
        else:
            messages.error(request, _("Für diese Veranstaltung ist keine Anmeldung (mehr) möglich."))
        return redirect(event)
    if request.user.is_authenticated:
        form = RegistrationForm(request.POST, event=event)
    else:
        form = GuestRegistrationForm(request.POST, event=event)
    if (
        form.is_valid()
        and not request.user.is_authenticated
        and _guest_rate_limited(request, form.cleaned_data["email"])
    ):
        form.add_error(
            None,
            _("Zu viele Anmeldungen in kurzer Zeit. Bitte warten Sie etwas und versuchen Sie es dann noch einmal."),
        )
    if not form.is_valid():
        return render(request, "events/event_detail.html", _detail_context(request, event, form))
    try:
        if request.user.is_authenticated:
            registration = actions.register_member(event, request.user, **form.extra())
        else:
            registration = actions.register_guest(
                event, name=form.cleaned_data["name"], email=form.cleaned_data["email"], **form.extra()
            )
    except actions.RegistrationError as error:
        form.add_error(None, str(error.message))
        return render(request, "events/event_detail.html", _detail_context(request, event, form))
    if registration.user_id is None:
        return redirect("events:registration-sent", pk=event.pk)
    if registration.status == EventRegistration.Status.WAITLISTED:
        messages.success(request, _("Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste."))
    else:
        messages.success(request, _("Sie sind angemeldet. Die Bestätigung ist unterwegs in Ihr Postfach."))
    return redirect(event)


@require_GET
def registration_sent(request, pk):
    """After a guest registered: the request to confirm by e-mail."""
    event = _get_event(request, pk)
    return render(request, "events/registration_sent.html", {"event": event})


def _get_registration(token):
    """The registration behind the link of an e-mail; 404 for a token that
    does not exist."""
    return get_object_or_404(
        EventRegistration.objects.select_related("event", "event__municipality", "user").defer(
            "event__municipality__boundary"
        ),
        token=token,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_registration(request, token):
    """The link of the guest's e-mail. GET only shows a button (mail
    scanners follow links); POST confirms."""
    registration = _get_registration(token)
    if request.method == "POST":
        try:
            registration = actions.confirm_guest(token)
        except actions.RegistrationError as error:
            messages.error(request, str(error.message))
            return redirect("events:confirm-registration", token=token)
        if registration.status == EventRegistration.Status.WAITLISTED:
            messages.success(request, _("Danke! Die Veranstaltung ist ausgebucht: Sie stehen auf der Warteliste."))
        else:
            messages.success(request, _("Danke! Ihre Anmeldung ist bestätigt."))
        return redirect("events:confirm-registration", token=token)
    return render(
        request, "events/confirm_registration.html", {"registration": registration, "event": registration.event}
    )


def _safe_next(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return None


@require_http_methods(["GET", "HEAD", "POST"])
def cancel_registration(request, token):
    """The cancellation link of every confirmation e-mail, and the cancel
    buttons of the event page and the profile. The token is the
    permission: it works without an account. GET only shows a button."""
    registration = _get_registration(token)
    if request.method == "POST":
        if registration.status in EventRegistration.ACTIVE:
            actions.cancel_registration(registration)
            messages.success(request, _("Sie sind von der Veranstaltung abgemeldet."))
        return redirect(_safe_next(request) or reverse("events:cancel-registration", args=[token]))
    return render(
        request, "events/cancel_registration.html", {"registration": registration, "event": registration.event}
    )


def _feed(events, name):
    since = timezone.now() - timezone.timedelta(days=FEED_DAYS_BACK)
    events = (
        events.filter(status__in=PUBLIC_STATUSES)
        .filter(ends_at__gte=since)
        .select_related("municipality")
        .defer("municipality__boundary", "documentation")
        .order_by("starts_at", "pk")
    )
    response = HttpResponse(ical.build_calendar(events, name=name), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="veranstaltungen.ics"'
    return response


@require_GET
def calendar_feed(request):
    """All published events of the last year and the future, to subscribe
    to in a calendar app."""
    return _feed(Event.objects.all(), _("Veranstaltungen"))


@require_GET
def municipality_calendar_feed(request, slug):
    municipality = get_object_or_404(Municipality.objects.defer("boundary"), slug=slug)
    return _feed(
        Event.objects.filter(municipality=municipality),
        _("Veranstaltungen in %(name)s") % {"name": municipality.name},
    )
