"""The staff's work on ideas in the backend ("Ideen" under /redaktion/): a
list with filters, one idea with the status form and the moderation
buttons, and "Idee vor Ort erfassen" for ideas collected on paper, at a
stand, at an event, by mail or by phone.

Editors and moderators see every idea; regional guides those of their
municipalities (and those they entered). The rules decide what each may do
on the idea page: ideas.set_idea_status, moderation.moderate_idea, and
ideas.capture_idea per municipality (editors anywhere, also for the whole
region; guides only for their municipalities).

The URLs are registered in wagtail_hooks.py, so Wagtail's
require_admin_access wraps every view (and the staff middleware asks for
the second factor); Wagtail turns a PermissionDenied into a redirect to the
dashboard with a message.
"""

import datetime as dt
import hashlib
import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import ModelLogEntry

from smartregion.accounts.predicates import is_editor, is_guide, is_moderator
from smartregion.ideas import actions
from smartregion.ideas.forms import IdeaLocationForm
from smartregion.ideas.models import Idea
from smartregion.ideas.rules import accepts_ideas
from smartregion.ideas.similar import find_similar
from smartregion.lib import pagecache
from smartregion.moderation import actions as moderation_actions
from smartregion.participation.models import HiddenReason, Moderation, Process
from smartregion.region.models import FocusArea, Municipality, Topic

IDEAS_PER_PAGE = 50
LOG_ENTRIES_SHOWN = 20
# The value of "die ganze Region" in the municipality selects.
WHOLE_REGION = "region"


# --- Who sees what ---------------------------------------------------------


def sees_every_idea(user) -> bool:
    return user.is_superuser or is_editor(user) or is_moderator(user)


def may_work_on_ideas(user) -> bool:
    """Opens the "Ideen" area: editors, moderators, regional guides."""
    return user.is_authenticated and (sees_every_idea(user) or is_guide(user))


def ideas_for_staff(user):
    """The ideas `user` sees in the backend: all for editors and
    moderators; for guides those of their municipalities and those they
    entered themselves."""
    if sees_every_idea(user):
        return Idea.objects.all()
    if is_guide(user):
        return Idea.objects.filter(Q(municipality__in=user.guide_municipalities.all()) | Q(captured_by=user))
    return Idea.objects.none()


def capture_municipalities(user) -> tuple[bool, list]:
    """Where `user` may enter ideas collected on site: (whole region
    allowed, the municipalities). The choices of the rule
    ideas.capture_idea, as a list for the select."""
    if user.is_superuser or is_editor(user):
        return True, list(Municipality.objects.only("name").order_by("name"))
    if is_guide(user):
        return False, list(user.guide_municipalities.only("name").order_by("name"))
    return False, []


def _require(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def _get_idea_for(request, pk) -> Idea:
    """The idea `pk` if the staff member in `request` sees it in the backend
    (404 if there is no such idea or it is not theirs to see)."""
    if not may_work_on_ideas(request.user):
        raise PermissionDenied
    return get_object_or_404(
        ideas_for_staff(request.user)
        .select_related("process", "municipality", "focus_area", "author", "captured_by")
        .defer("municipality__boundary", "process__description", "process__results_statement"),
        pk=pk,
    )


def _breadcrumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Start")},
        {"url": reverse("ideas_staff:idea-list"), "label": _("Ideen")},
        *({"url": url, "label": label} for label, url in items),
    ]


# --- Forms -------------------------------------------------------------------


def _municipality_choices(whole_region, municipalities, first):
    choices = [("", first)]
    if whole_region:
        choices.append((WHOLE_REGION, _("ganze Region")))
    return choices + [(str(m.pk), m.name) for m in municipalities]


class IdeaFilterForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Titel enthält"), required=False, max_length=100)
    process = forms.ModelChoiceField(
        label=gettext_lazy("Verfahren"),
        queryset=Process.objects.none(),
        required=False,
        empty_label=gettext_lazy("alle Verfahren"),
    )
    municipality = forms.ChoiceField(label=gettext_lazy("Kommune"), required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("alle"))] + Idea.Status.choices,
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Weg"), required=False, choices=[("", gettext_lazy("alle"))] + Idea.Channel.choices
    )
    moderation = forms.ChoiceField(
        label=gettext_lazy("Moderation"),
        required=False,
        choices=[("", gettext_lazy("alle"))] + Moderation.choices,
    )

    def __init__(self, *args, whole_region, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.only("title").order_by("title")
        self.fields["municipality"].choices = _municipality_choices(whole_region, municipalities, _("alle Kommunen"))

    def filter(self, ideas):
        if not self.is_valid():
            return ideas
        data = self.cleaned_data
        if data["q"].strip():
            ideas = ideas.filter(title__icontains=data["q"].strip())
        if data["process"] is not None:
            ideas = ideas.filter(process=data["process"])
        if data["municipality"] == WHOLE_REGION:
            ideas = ideas.filter(municipality__isnull=True)
        elif data["municipality"]:
            ideas = ideas.filter(municipality_id=data["municipality"])
        for field in ("status", "channel", "moderation"):
            if data[field]:
                ideas = ideas.filter(**{field: data[field]})
        return ideas


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=Idea.Status.choices,
        error_messages={"invalid_choice": gettext_lazy("Bitte wählen Sie einen Status aus der Liste.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Öffentliche Rückmeldung"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Erscheint auf der Seite der Idee. Wer die Idee online eingereicht hat, bekommt Status und "
            "Rückmeldung per E-Mail."
        ),
        error_messages={"max_length": gettext_lazy("Die Rückmeldung darf höchstens 2000 Zeichen lang sein.")},
    )


class HideForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Grund (wird öffentlich genannt)"),
        choices=[("", gettext_lazy("Bitte wählen"))] + HiddenReason.choices,
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie einen Grund für das Ausblenden."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie einen Grund aus der Liste."),
        },
    )


class CaptureForm(IdeaLocationForm):
    """An idea collected on site, typed in from a paper card, a note from a
    stand or an event, a letter or a phone call.

    The place is chosen as citizens choose it on the public idea form
    (IdeaLocationForm: municipality, then one of its places, the map
    optional), among the municipalities `user` may capture for (the rule
    ideas.capture_idea). The process must take ideas now, by the rule
    citizens' ideas follow (ideas.rules.accepts_ideas): the select offers
    only those, and another one is refused with the reason."""

    process = forms.ModelChoiceField(
        label=gettext_lazy("Verfahren"),
        queryset=Process.objects.none(),
        empty_label=gettext_lazy("Bitte wählen"),
        help_text=gettext_lazy("Nur Verfahren, die gerade Ideen sammeln."),
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie das Verfahren, zu dem die Idee gehört."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie ein veröffentlichtes Verfahren."),
        },
    )
    channel = forms.ChoiceField(
        label=gettext_lazy("Weg"),
        choices=[("", gettext_lazy("Bitte wählen"))] + [(c.value, c.label) for c in actions.ON_SITE_CHANNELS],
        error_messages={
            "required": gettext_lazy("Bitte wählen Sie, wie die Idee gesammelt wurde."),
            "invalid_choice": gettext_lazy("Bitte wählen Sie einen Weg aus der Liste."),
        },
    )
    collected_on = forms.DateField(
        label=gettext_lazy("Gesammelt am"),
        # A text field, not type="date": its segments follow the browser's
        # language, which makes typing a stack of cards error-prone.
        widget=forms.DateInput(attrs={"autocomplete": "off", "inputmode": "numeric"}, format="%d.%m.%Y"),
        input_formats=["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"],
        help_text=gettext_lazy("TT.MM.JJJJ, zum Beispiel 14.06.2025."),
        error_messages={
            "required": gettext_lazy("Bitte geben Sie an, an welchem Tag die Idee gesammelt wurde."),
            "invalid": gettext_lazy("Bitte geben Sie ein gültiges Datum an, zum Beispiel 14.06.2025."),
        },
    )
    collected_at = forms.CharField(
        label=gettext_lazy("Gesammelt in (freiwillig)"),
        required=False,
        max_length=160,
        help_text=gettext_lazy("Zum Beispiel: Wochenmarkt Mayen, Zukunftsforum in Andernach."),
    )
    contributor_name = forms.CharField(
        label=gettext_lazy("Vorname der Person (freiwillig)"),
        required=False,
        max_length=60,
        help_text=gettext_lazy("Nur mit ihrem Einverständnis. Leer lassen für „anonym“."),
    )
    title = forms.CharField(
        label=gettext_lazy("Titel"),
        max_length=120,
        error_messages={
            "required": gettext_lazy("Bitte geben Sie einen Titel an."),
            "max_length": gettext_lazy("Der Titel darf höchstens 120 Zeichen lang sein."),
        },
    )
    text = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": gettext_lazy("Bitte geben Sie die Idee in einigen Sätzen wieder."),
            "max_length": gettext_lazy("Die Beschreibung darf höchstens 4000 Zeichen lang sein."),
        },
    )
    focus_area = forms.ModelChoiceField(
        label=gettext_lazy("Zukunftsaufgabe (freiwillig)"),
        queryset=FocusArea.objects.none(),
        required=False,
        empty_label=gettext_lazy("keine"),
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Handlungsfelder (freiwillig)"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    field_order = [
        "process",
        "channel",
        "collected_on",
        "collected_at",
        "contributor_name",
        "title",
        "text",
        "municipality",
        "place",
        "focus_area",
        "topics",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Every published process is a valid value, so that one whose
        # phase does not take ideas is refused with the reason (in
        # clean_process) rather than as unknown; the select offers only
        # those that take ideas now.
        process_field = self.fields["process"]
        process_field.queryset = Process.objects.published().with_phases().defer("description", "results_statement")
        open_now = [
            process for process in process_field.queryset.order_by("title") if accepts_ideas.test(user, process)
        ]
        process_field.widget.choices = [("", process_field.empty_label)] + [(p.pk, p.title) for p in open_now]
        self.open_processes = open_now

        if user.is_superuser or is_editor(user):
            self.set_up_location(Municipality.objects.all())
        else:
            self.set_up_location(user.guide_municipalities.all(), whole_region=False)
            self.fields["municipality"].help_text = _("Sie erfassen Ideen für die Kommunen, die Sie betreuen.")
        self.fields["place"].help_text = _("Nennt die Karte nur den Ort, genügt er: Die Kommune ergibt sich daraus.")
        self.fields["focus_area"].queryset = FocusArea.objects.only("title").order_by("sort_order", "title")
        self.fields["topics"].queryset = Topic.objects.only("name").order_by("sort_order", "name")

    def clean_process(self):
        process = self.cleaned_data["process"]
        if not accepts_ideas.test(self.user, process):
            raise forms.ValidationError(
                _(
                    "Im Verfahren „%(title)s“ werden gerade keine Ideen gesammelt: Die laufende Phase nimmt keine "
                    "Ideen an. Bitte wählen Sie ein Verfahren aus der Liste."
                )
                % {"title": process.title}
            )
        return process

    def clean_collected_on(self):
        collected_on = self.cleaned_data["collected_on"]
        if collected_on > timezone.localdate():
            raise forms.ValidationError(
                _("Das Datum liegt in der Zukunft. Bitte geben Sie den Tag an, an dem die Idee gesammelt wurde.")
            )
        return collected_on

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Bitte geben Sie einen Titel an."))
        return title

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if not text:
            raise forms.ValidationError(_("Bitte geben Sie die Idee in einigen Sätzen wieder."))
        return text

    def clean(self):
        cleaned = super().clean()
        if "municipality" in self.errors or "place" in self.errors:
            return cleaned
        municipality = cleaned.get("municipality")
        if not self.user.has_perm("ideas.capture_idea", municipality):
            self.add_error("municipality", _("Sie können Ideen nur für die Kommunen erfassen, die Sie betreuen."))
            return cleaned
        process = cleaned.get("process")
        # A process of one municipality takes ideas for it alone.
        if (
            process is not None
            and process.municipality_id
            and getattr(municipality, "pk", None) != process.municipality_id
        ):
            self.add_error(
                "municipality",
                _("Dieses Verfahren betrifft nur eine Kommune. Bitte wählen Sie die Kommune des Verfahrens."),
            )
        return cleaned

    def similar_key(self) -> str:
        """A short fingerprint of process, title and text: the similar
        ideas shown for exactly these need not be shown again."""
        data = self.cleaned_data
        typed = f"{data['process'].pk}\n{data['title']}\n{data['text']}"
        return hashlib.sha256(typed.encode()).hexdigest()[:16]


# --- Views -------------------------------------------------------------------


@require_GET
def idea_list(request):
    """The ideas the staff member sees, newest first, filtered."""
    if not may_work_on_ideas(request.user):
        raise PermissionDenied
    user = request.user
    # The municipalities whose ideas the person sees, for the filter.
    if sees_every_idea(user):
        whole_region, municipalities = True, list(Municipality.objects.only("name").order_by("name"))
    else:
        whole_region, municipalities = False, list(user.guide_municipalities.only("name").order_by("name"))
    filter_form = IdeaFilterForm(request.GET or None, whole_region=whole_region, municipalities=municipalities)
    ideas = (
        filter_form.filter(ideas_for_staff(user))
        .select_related("process", "municipality")
        .only(
            "title",
            "status",
            "moderation",
            "channel",
            "support_count",
            "comment_count",
            "created_at",
            "process__title",
            "municipality__name",
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("p"))
    return render(
        request,
        "ideas/admin/idea_list.html",
        {
            "header_title": _("Ideen"),
            "header_icon": "openquote",
            "breadcrumbs_items": _breadcrumbs(),
            "filter_form": filter_form,
            "is_filtered": filter_form.is_bound and filter_form.is_valid() and any(filter_form.cleaned_data.values()),
            "page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "may_capture": user.is_superuser or is_editor(user) or (is_guide(user) and bool(municipalities)),
        },
    )


def _render_detail(request, idea, *, status_form=None, hide_form=None, status=200):
    user = request.user
    may_set_status = user.has_perm("ideas.set_idea_status", idea)
    may_moderate = user.has_perm("moderation.moderate_idea", idea)
    if status_form is None and may_set_status:
        status_form = StatusForm(prefix="status", initial={"status": idea.status, "note": idea.status_note})
    if hide_form is None and may_moderate:
        hide_form = HideForm(prefix="hide")
    log_entries = ModelLogEntry.objects.for_instance(idea).select_related("user").order_by("-timestamp", "-pk")
    return render(
        request,
        "ideas/admin/idea_detail.html",
        {
            "header_title": idea.title,
            "header_icon": "openquote",
            "breadcrumbs_items": _breadcrumbs((idea.title, None)),
            "idea": idea,
            "topics": list(idea.topics.all()),
            "is_public": idea.moderation == Moderation.VISIBLE and idea.process.status == Process.Status.PUBLISHED,
            "may_set_status": may_set_status,
            "may_moderate": may_moderate,
            "status_form": status_form,
            "hide_form": hide_form,
            "log_entries": log_entries[:LOG_ENTRIES_SHOWN],
        },
        status=status,
    )


@require_GET
def idea_detail(request, pk):
    return _render_detail(request, _get_idea_for(request, pk))


@require_POST
def idea_set_status(request, pk):
    idea = _get_idea_for(request, pk)
    _require(request, "ideas.set_idea_status", idea)
    form = StatusForm(request.POST, prefix="status")
    if not form.is_valid():
        messages.error(request, _("Der Status ist nicht gespeichert. Bitte prüfen Sie die Eingabe."))
        return _render_detail(request, idea, status_form=form, status=400)
    changed = actions.set_status(idea, form.cleaned_data["status"], form.cleaned_data["note"], by=request.user)
    if not changed:
        messages.info(request, _("Status und Rückmeldung waren schon so gespeichert."))
    elif idea.author_id and not idea.is_on_site:
        messages.success(
            request, _("Status gespeichert. Die Person, die die Idee eingereicht hat, bekommt eine E-Mail.")
        )
    else:
        messages.success(request, _("Status gespeichert."))
    return redirect("ideas_staff:idea-detail", pk=idea.pk)


@require_POST
@pagecache.keeps_cached_pages
def idea_moderate(request, pk):
    """Approve, hide (with a reason) or restore an idea; the button pressed
    says which. Through the moderation's actions, like the moderation
    queue: each decision is in its audit log, closes the idea's reports
    and is mailed to whom it concerns."""
    idea = _get_idea_for(request, pk)
    _require(request, "moderation.moderate_idea", idea)
    action = request.POST.get("action")
    if action == "hide":
        form = HideForm(request.POST, prefix="hide")
        if not form.is_valid():
            messages.error(request, _("Die Idee ist nicht ausgeblendet. Bitte wählen Sie einen Grund."))
            return _render_detail(request, idea, hide_form=form, status=400)
    decisions = {
        "approve": (
            lambda: moderation_actions.approve(idea, request.user),
            _("Die Idee ist freigegeben und jetzt öffentlich."),
            _("Die Idee wartete nicht auf Freigabe."),
        ),
        "hide": (
            lambda: moderation_actions.hide(idea, request.user, form.cleaned_data["reason"]),
            _("Die Idee ist ausgeblendet."),
            _("Die Idee war schon ausgeblendet."),
        ),
        "restore": (
            lambda: moderation_actions.restore(idea, request.user),
            _("Die Idee ist wieder öffentlich."),
            _("Die Idee war nicht ausgeblendet."),
        ),
    }
    if action not in decisions:
        messages.error(request, _("Unbekannte Aktion."))
        return redirect("ideas_staff:idea-detail", pk=idea.pk)
    decide, done, not_needed = decisions[action]
    try:
        decide()
    except moderation_actions.WrongState:
        messages.info(request, not_needed)
    else:
        messages.success(request, done)
    return redirect("ideas_staff:idea-detail", pk=idea.pk)


# What a batch of paper cards shares: kept for the next card after
# "Speichern und weitere erfassen" (as query parameters of the empty form).
BATCH_FIELDS = ["process", "channel", "collected_on", "collected_at", "municipality"]
SIMILAR_LIMIT = 5


def _batch_initial(request):
    initial = {name: request.GET[name] for name in BATCH_FIELDS if request.GET.get(name)}
    if "collected_on" in initial:
        try:
            initial["collected_on"] = dt.date.fromisoformat(initial["collected_on"])
        except ValueError:
            del initial["collected_on"]
    return initial


def _similar_to(form) -> list:
    """Public ideas of the chosen process that look like the one typed in,
    as the public form shows them before an idea is submitted; none when
    exactly these were shown already (the field similar_seen) or the idea
    is saved already (a reload)."""
    data = form.cleaned_data
    if form.data.get("similar_seen") == form.similar_key():
        return []
    if data["submission_key"] is not None and Idea.objects.filter(submission_key=data["submission_key"]).exists():
        return []
    return find_similar(data["process"], data["title"], text=data["text"], limit=SIMILAR_LIMIT)


def _render_capture(request, form, similar=()):
    return render(
        request,
        "ideas/admin/capture.html",
        {
            "header_title": _("Idee vor Ort erfassen"),
            "header_icon": "edit",
            "breadcrumbs_items": _breadcrumbs((_("Idee vor Ort erfassen"), None)),
            "form": form,
            "similar": similar,
            "similar_seen": form.similar_key() if similar else "",
            "map_tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
            "map_places": form.map_places(),
        },
    )


@require_http_methods(["GET", "POST"])
def idea_capture(request):
    """Enter an idea collected on site. "Speichern" opens the new idea;
    "Speichern und weitere erfassen" opens an empty form that keeps the
    process, channel, date, place and municipality for the next card.

    As on the public form, similar ideas of the process come first: the
    form shows them above itself with what was typed, and the next
    "Speichern" saves the idea all the same. Bad input (also a process
    whose phase takes no ideas) shows the form with the errors and writes
    nothing. Answers 200 in both cases, as Wagtail's own forms do."""
    whole_region, municipalities = capture_municipalities(request.user)
    if not whole_region and not municipalities:
        raise PermissionDenied
    if request.method != "POST":
        initial = _batch_initial(request)
        if "municipality" not in initial and not whole_region and len(municipalities) == 1:
            initial["municipality"] = str(municipalities[0].pk)
        form = CaptureForm(initial={**initial, "submission_key": uuid.uuid4()}, user=request.user)
        return _render_capture(request, form)

    form = CaptureForm(request.POST, user=request.user)
    if not form.is_valid():
        # No Wagtail error message on top: the form's own summary says it,
        # and Wagtail's red banner fails the contrast check (3.8:1).
        return _render_capture(request, form)
    similar = _similar_to(form)
    if similar:
        return _render_capture(request, form, similar)
    data = form.cleaned_data
    # The form checked the rule; checked here again because the write
    # depends on it.
    _require(request, "ideas.capture_idea", data["municipality"])
    idea = actions.capture_idea(data["process"], request.user, data)
    messages.success(request, _("Die Idee „%(title)s“ ist gespeichert.") % {"title": idea.title})
    if "another" in request.POST:
        batch = {
            "process": data["process"].pk,
            "channel": data["channel"],
            "collected_on": data["collected_on"].isoformat(),
            "collected_at": data["collected_at"],
            "municipality": data["municipality"].pk if data["municipality"] else "",
        }
        return redirect(reverse("ideas_staff:idea-capture") + "?" + urlencode(batch))
    return redirect("ideas_staff:idea-detail", pk=idea.pk)


urlpatterns = [
    path("", idea_list, name="idea-list"),
    path("erfassen/", idea_capture, name="idea-capture"),
    path("<int:pk>/", idea_detail, name="idea-detail"),
    path("<int:pk>/status/", idea_set_status, name="idea-status"),
    path("<int:pk>/moderation/", idea_moderate, name="idea-moderate"),
]
