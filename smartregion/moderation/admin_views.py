"""The moderation in the staff backend ("Moderation" under /redaktion/):
the queue with filters and bulk decisions, one item with its reports,
history and decision forms, the decision on an author's objection, and the
audit log per item and per person with a CSV export.

The URLs are registered in wagtail_hooks.py, so Wagtail's
require_admin_access wraps every view and the staff middleware asks for
the second factor; Wagtail turns a PermissionDenied into a redirect to the
dashboard with a message. The rules (moderation/rules.py) decide:
moderation.moderate_item (without an object: the queue; with the item:
its decisions, scoped to the moderator's municipalities),
moderation.decide_objection, moderation.view_audit_log. Every write goes
through moderation/actions.py.

Decisions end the cached participation pages themselves, when they commit
(moderation.actions); their POSTs leave the editorial pages in the cache.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from smartregion.accounts.models import User
from smartregion.lib import pagecache
from smartregion.moderation import actions, audit, queue, registry
from smartregion.moderation.admin_forms import (
    BulkForm,
    HideForm,
    LogFilterForm,
    NoteForm,
    ObjectionDecisionForm,
    QueueFilterForm,
)
from smartregion.moderation.models import ItemState, ModerationAction, Objection, Report
from smartregion.region.models import Municipality

LOG_ENTRIES_PER_PAGE = 50
ITEM_HISTORY_SHOWN = 50
ITEM_REPORTS_SHOWN = 100


def _require(request, perm, obj=None):
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def may_use_queue(user) -> bool:
    """Moderators (scoped or not) and superusers."""
    return user.has_perm("moderation.moderate_item")


def _get_item_for(request, key, pk):
    """The registered type and the item `key`/`pk` if the moderator in
    `request` may decide on it (404 if there is no such item,
    PermissionDenied outside their municipalities)."""
    _require(request, "moderation.moderate_item")
    moderated = registry.by_key(key)
    if moderated is None:
        raise Http404
    try:
        obj = moderated.load(pk)
    except moderated.model.DoesNotExist:
        raise Http404 from None
    _require(request, "moderation.moderate_item", obj)
    return moderated, obj


def _get_objection_for(request, pk):
    """The open or decided objection `pk` on an item the moderator in
    `request` may moderate, with the item."""
    _require(request, "moderation.moderate_item")
    objection = get_object_or_404(
        Objection.objects.select_related("hide_action__actor", "author", "content_type"), pk=pk
    )
    model = objection.content_type.model_class()
    moderated = registry.for_model(model) if model is not None else None
    if moderated is None:
        raise Http404
    try:
        obj = moderated.load(objection.object_id)
    except moderated.model.DoesNotExist:
        raise Http404 from None
    _require(request, "moderation.moderate_item", obj)
    return moderated, obj, objection


def _breadcrumbs(*items):
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Start")},
        {"url": reverse("moderation_admin:queue"), "label": _("Moderation")},
        *({"url": url, "label": label} for label, url in items),
    ]


def item_url(moderated, obj):
    return reverse("moderation_admin:item", args=[moderated.key, obj.pk])


# --- The queue ---------------------------------------------------------------


def _filter_form(request, data):
    """The queue's filter form for the moderator in `request`: the
    municipalities offered are those of their scope."""
    scope = queue.scope_of(request.user)
    municipalities = Municipality.objects.only("name").order_by("name")
    if scope is not None:
        municipalities = municipalities.filter(pk__in=scope)
    return QueueFilterForm(data or None, municipalities=list(municipalities), whole_region=scope is None)


def _render_queue(request, filter_form, *, bulk_form=None, selected=(), status=200):
    the_queue = queue.build_queue(request.user, filter_form.filters())
    return render(
        request,
        "moderation/admin/queue.html",
        {
            "header_title": _("Moderation"),
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs(),
            "filter_form": filter_form,
            "is_filtered": filter_form.is_filtered(),
            "queue": the_queue,
            "is_county_wide": queue.scope_of(request.user) is None,
            "bulk_form": bulk_form or BulkForm(prefix="bulk"),
            "selected": set(selected),
            "filter_query": _filter_query(filter_form),
            "may_view_log": request.user.has_perm("moderation.view_audit_log"),
        },
        status=status,
    )


def _filter_query(filter_form) -> str:
    """The valid filters as a query string, to come back to the same
    queue after a bulk decision."""
    if not filter_form.is_bound or not filter_form.is_valid():
        return ""
    values = {}
    for name, value in filter_form.cleaned_data.items():
        if value:
            values[name] = value.pk if hasattr(value, "pk") else value
    return urlencode(values)


@require_GET
def queue_view(request):
    """What waits for the moderator: reported items, contributions waiting
    for approval, objections."""
    _require(request, "moderation.moderate_item")
    return _render_queue(request, _filter_form(request, request.GET))


def _decide(decision, obj, user, data):
    if decision == BulkForm.APPROVE:
        return actions.approve(obj, user, data["note"])
    if decision == BulkForm.HIDE:
        return actions.hide(obj, user, data["reason"], data["note"])
    return actions.dismiss_reports(obj, user, data["note"])


def _bulk_done_message(decision, count):
    if decision == BulkForm.APPROVE:
        text = ngettext("%(count)d Beitrag freigegeben.", "%(count)d Beiträge freigegeben.", count)
    elif decision == BulkForm.HIDE:
        text = ngettext("%(count)d Beitrag ausgeblendet.", "%(count)d Beiträge ausgeblendet.", count)
    else:
        text = ngettext(
            "Meldungen zu %(count)d Beitrag zurückgewiesen.", "Meldungen zu %(count)d Beiträgen zurückgewiesen.", count
        )
    return text % {"count": count}


@require_POST
@pagecache.keeps_cached_pages
def bulk_decide(request):
    """One decision for every ticked item: each through moderation.actions
    in its own transaction, so that one item that cannot be decided (no
    longer pending, out of the moderator's municipalities) leaves the
    others decided. The queue's filters come along in the query string."""
    _require(request, "moderation.moderate_item")
    filter_form = _filter_form(request, request.GET)
    form = BulkForm(request.POST, prefix="bulk")
    if not form.is_valid():
        return _render_queue(
            request,
            filter_form,
            bulk_form=form,
            selected=request.POST.getlist("bulk-items"),
            status=400,
        )
    data = form.cleaned_data
    done, refused = 0, []
    for key, pk in data["items"]:
        moderated = registry.by_key(key)
        try:
            obj = moderated.load(pk)
        except moderated.model.DoesNotExist:
            refused.append(_("Beitrag %(key)s %(pk)s gibt es nicht mehr.") % {"key": moderated.label, "pk": pk})
            continue
        name = moderated.item_label(obj)
        if not request.user.has_perm("moderation.moderate_item", obj):
            refused.append(_("%(item)s: nicht in Ihrem Bereich.") % {"item": name})
            continue
        try:
            with transaction.atomic():
                _decide(data["decision"], obj, request.user, data)
        except actions.ModerationError as error:
            refused.append(_("%(item)s: %(why)s") % {"item": name, "why": error.message})
        else:
            done += 1
    if done:
        messages.success(request, _bulk_done_message(data["decision"], done))
    if refused:
        # A warning, not an error: Wagtail's red banner fails the contrast
        # check, and what was decided is decided.
        messages.warning(request, _("Nicht entschieden: %(items)s") % {"items": " ".join(refused)})
    url = reverse("moderation_admin:queue")
    query = _filter_query(filter_form)
    return redirect(f"{url}?{query}" if query else url)


# --- One item -----------------------------------------------------------------


def _item_context(request, moderated, obj):
    content_type = ContentType.objects.get_for_model(obj)
    reports = (
        Report.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("reporter", "decided_by")
        .annotate(
            is_open=Case(When(status=Report.Status.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("is_open", "-created_at", "-pk")[:ITEM_REPORTS_SHOWN]
    )
    reports = list(reports)
    objections = list(
        Objection.objects.filter(content_type=content_type, object_id=obj.pk)
        .select_related("author", "decided_by", "hide_action__actor")
        .order_by("-created_at", "-pk")
    )
    open_objection = next((o for o in objections if o.status == Objection.Status.OPEN), None)
    state = moderated.state(obj)
    return {
        "moderated": moderated,
        "obj": obj,
        "state": state,
        "state_label": ItemState(state).label if state in ItemState.values else state,
        "excerpt": moderated.excerpt(obj),
        "title": getattr(obj, "title", ""),
        # The whole text to judge (the excerpt is cut at 200 characters);
        # every type so far keeps it in `text`.
        "text": getattr(obj, "text", "") or moderated.excerpt(obj),
        "public_url": moderated.public_url(obj),
        "municipality": moderated.municipality(obj),
        "process": moderated.process(obj),
        "author": moderated.author(obj),
        "created_at": getattr(obj, "created_at", None),
        "reports": reports,
        "open_report_count": sum(1 for r in reports if r.status == Report.Status.OPEN),
        "history": list(ModerationAction.objects.for_item(obj).select_related("actor")[:ITEM_HISTORY_SHOWN]),
        "objections": objections,
        "open_objection": open_objection,
        "may_decide_objection": open_objection is not None
        and request.user.has_perm("moderation.decide_objection", open_objection),
        "may_view_log": request.user.has_perm("moderation.view_audit_log"),
        "item_key": f"{moderated.key}:{obj.pk}",
    }


def _render_item(request, moderated, obj, *, forms=None, error=None, status=200):
    forms = forms or {}
    context = _item_context(request, moderated, obj)
    context.update(
        {
            "header_title": moderated.item_label(obj),
            "header_icon": "warning",
            "breadcrumbs_items": _breadcrumbs((moderated.item_label(obj), None)),
            "approve_form": forms.get("approve") or NoteForm(prefix="approve"),
            "hide_form": forms.get("hide") or HideForm(prefix="hide"),
            "restore_form": forms.get("restore") or NoteForm(prefix="restore"),
            "dismiss_form": forms.get("dismiss") or NoteForm(prefix="dismiss"),
            "objection_form": forms.get("objection") or ObjectionDecisionForm(prefix="objection"),
            # A decision refused by the actions, shown above the forms.
            "error": error,
            "failed": next(iter(forms), None),
        }
    )
    return render(request, "moderation/admin/item.html", context, status=status)


@require_GET
def item_view(request, key, pk):
    moderated, obj = _get_item_for(request, key, pk)
    return _render_item(request, moderated, obj)


# The item's decisions: (form class, what the action does, success message).
DECISIONS = {
    "approve": (NoteForm, lambda obj, user, data: actions.approve(obj, user, data["note"])),
    "hide": (HideForm, lambda obj, user, data: actions.hide(obj, user, data["reason"], data["note"])),
    "restore": (NoteForm, lambda obj, user, data: actions.restore(obj, user, data["note"])),
    "dismiss": (NoteForm, lambda obj, user, data: actions.dismiss_reports(obj, user, data["note"])),
}


def _success_message(decision):
    return {
        "approve": _("Der Beitrag ist freigegeben und jetzt öffentlich."),
        "hide": _("Der Beitrag ist ausgeblendet. Die verfassende Person bekommt eine E-Mail mit dem Grund."),
        "restore": _("Der Beitrag ist wieder sichtbar."),
        "dismiss": _("Die Meldungen sind zurückgewiesen; der Beitrag bleibt, wie er ist."),
    }[decision]


def _decide_item(request, key, pk, decision):
    moderated, obj = _get_item_for(request, key, pk)
    form_class, act = DECISIONS[decision]
    form = form_class(request.POST, prefix=decision)
    if not form.is_valid():
        return _render_item(request, moderated, obj, forms={decision: form}, status=400)
    try:
        act(obj, request.user, form.cleaned_data)
    except actions.ModerationError as error:
        # The item changed meanwhile (another moderator was quicker):
        # the page shows its state now, and what was typed stays.
        obj = moderated.load(obj.pk)
        return _render_item(request, moderated, obj, forms={decision: form}, error=error.message, status=409)
    messages.success(request, _success_message(decision))
    return redirect(item_url(moderated, obj))


@require_POST
@pagecache.keeps_cached_pages
def item_approve(request, key, pk):
    return _decide_item(request, key, pk, "approve")


@require_POST
@pagecache.keeps_cached_pages
def item_hide(request, key, pk):
    return _decide_item(request, key, pk, "hide")


@require_POST
@pagecache.keeps_cached_pages
def item_restore(request, key, pk):
    return _decide_item(request, key, pk, "restore")


@require_POST
@pagecache.keeps_cached_pages
def item_dismiss(request, key, pk):
    return _decide_item(request, key, pk, "dismiss")


@require_POST
@pagecache.keeps_cached_pages
def objection_decide(request, pk):
    """Another moderator than the one who hid the item decides the
    author's objection (rule moderation.decide_objection)."""
    moderated, obj, objection = _get_objection_for(request, pk)
    _require(request, "moderation.decide_objection", objection)
    form = ObjectionDecisionForm(request.POST, prefix="objection")
    if not form.is_valid():
        return _render_item(request, moderated, obj, forms={"objection": form}, status=400)
    uphold = form.cleaned_data["decision"] == ObjectionDecisionForm.UPHOLD
    try:
        actions.decide_objection(objection, request.user, uphold, form.cleaned_data["note"])
    except actions.ModerationError as error:
        obj = moderated.load(obj.pk)
        return _render_item(request, moderated, obj, forms={"objection": form}, error=error.message, status=409)
    if uphold:
        messages.success(request, _("Dem Widerspruch ist stattgegeben; der Beitrag ist wieder sichtbar."))
    else:
        messages.success(request, _("Der Widerspruch ist abgelehnt; der Beitrag bleibt ausgeblendet."))
    return redirect(item_url(moderated, obj))


# --- The audit log --------------------------------------------------------------


def _log_filters(request):
    """The log's filter form, and the person and item it names (None if
    not given or not found)."""
    form = LogFilterForm(request.GET or None)
    person = item = None
    action = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["person"]:
            person = User.objects.filter(email__iexact=data["person"]).first()
            if person is None:
                form.add_error("person", _("Zu dieser E-Mail-Adresse gibt es kein Konto."))
        item = data["beitrag"]
        action = data["aktion"]
    return form, person, item, action


def _log_query(form):
    if not form.is_bound or form.errors:
        return ""
    values = {name: value for name, value in form.data.items() if name in form.fields and value}
    return urlencode(values)


@require_GET
def log_view(request):
    """The audit log, newest first: everything, one item's, or one
    person's (what they did and what happened to their contributions)."""
    _require(request, "moderation.view_audit_log")
    form, person, item, action = _log_filters(request)
    if form.errors:
        entries = ModerationAction.objects.none()
    else:
        entries = audit.log_entries(person=person, item=item, action=action)
    page = Paginator(entries, LOG_ENTRIES_PER_PAGE).get_page(request.GET.get("p"))
    for entry in page.object_list:
        entry.type_label = audit.type_label(entry.content_type_id)
        key = audit.item_key(entry.content_type_id)
        entry.item_value = f"{key}:{entry.object_id}" if key else ""
        entry.actor_name = audit.actor_name(entry)
    query = _log_query(form)
    return render(
        request,
        "moderation/admin/log.html",
        {
            "header_title": _("Moderationsprotokoll"),
            "header_icon": "history",
            "breadcrumbs_items": _breadcrumbs((_("Protokoll"), None)),
            "form": form,
            "person": person,
            "item": item,
            "page": page,
            "elided_page_range": page.paginator.get_elided_page_range(page.number),
            "csv_url": reverse("moderation_admin:log-csv") + (f"?{query}" if query else ""),
            "has_errors": bool(form.errors),
            "may_moderate": may_use_queue(request.user),
        },
        status=400 if form.errors else 200,
    )


@require_GET
def log_csv(request):
    """The log with the same filters as CSV, every row."""
    _require(request, "moderation.view_audit_log")
    form, person, item, action = _log_filters(request)
    if form.errors:
        messages.warning(request, _("Die Filter sind ungültig; bitte prüfen Sie sie."))
        return redirect(reverse("moderation_admin:log") + "?" + request.GET.urlencode())
    entries = audit.log_entries(person=person, item=item, action=action)
    response = StreamingHttpResponse(audit.csv_lines(entries), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="moderationsprotokoll-{stamp}.csv"'
    return response
