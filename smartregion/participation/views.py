"""The public pages of the participation processes: the list of processes
(running, upcoming, finished) and a process with its phases, what a visitor
may do right now (or why not), and the sections of the contribution types
its phases use (contributions.py): the ideas, once published the jury's
results, and whatever a later type shows."""

import datetime as dt

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from smartregion.accounts.predicates import is_verified_participant
from smartregion.lib import pagecache
from smartregion.lib.pagecache import PARTICIPATION, cache_for_anonymous, cache_participation_page
from smartregion.participation import contributions
from smartregion.participation.models import Process
from smartregion.region.models import FocusArea, Topic


def day(moment) -> str:
    """`moment` as a German date in the site's time zone: "7. November
    2021"."""
    return date_format(timezone.localtime(moment), "j. F Y")


def last_day(ends_at) -> str:
    """The last day of a phase that ends at `ends_at`: a phase that ends at
    midnight ends with the day before."""
    local = timezone.localtime(ends_at)
    if local.time() == dt.time(0, 0):
        local -= dt.timedelta(days=1)
    return date_format(local, "j. F Y")


def _timeline(process, now):
    """The phases in order, each with its state ("past", "current",
    "future") and its dates as shown."""
    active = process.active_phase(now)
    timeline = []
    for phase in process.ordered_phases():
        if phase is active:
            state = "current"
        elif phase.starts_at > now:
            state = "future"
        else:
            state = "past"
        timeline.append(
            {
                "phase": phase,
                "state": state,
                "first_day": day(phase.starts_at),
                "last_day": last_day(phase.ends_at) if phase.ends_at else None,
                "opens": [action.backend_label for action in phase.opened_actions()],
            }
        )
    return timeline


def _open_until(process, key, now):
    """The end of the stretch of phases opening the action `key` that
    contains now: back-to-back phases opening the same action count as one.
    None when it has no end."""
    phases = sorted(process.phases.all(), key=lambda phase: phase.starts_at)
    end = None
    for phase in phases:
        if not phase.has(key):
            continue
        if end is None and phase.contains(now):
            end = phase.ends_at
            if end is None:
                return None
        elif end is not None and phase.starts_at <= end:
            if phase.ends_at is None:
                return None
            end = max(end, phase.ends_at)
    return end


def _actions(request, process, used, now):
    """The box "Was Sie jetzt tun können": per action of the types in `used`
    whether it is available, where it leads, and the sentences that explain
    it (the deadline, or why it is not possible now)."""
    active = process.active_phase(now)
    published = process.status == Process.Status.PUBLISHED
    user = request.user
    login_url = reverse("account_login") + "?next=" + process.get_absolute_url()
    actions = []
    for declared in (action for contribution_type in used for action in contribution_type.actions):
        if not declared.in_box:
            continue
        key = declared.full_key
        action = {"key": key, "label": str(declared.label), "available": False, "notes": [], "link": None}
        if active is not None and active.has(key):
            until = _open_until(process, key, now)
            if until is not None:
                action["notes"].append(str(declared.ends) % {"date": last_day(until)})
            if declared.allows(user, process):
                action["available"] = True
                action["link"] = declared.link(process) if declared.link else None
            elif not published:
                action["reason"] = _("Das Verfahren ist noch nicht veröffentlicht.")
            elif not user.is_authenticated:
                action["reason"] = str(declared.login)
                action["link"] = contributions.Link(login_url, _("Anmelden"))
            elif not is_verified_participant(user):
                action["reason"] = _(
                    "Bitte bestätigen Sie Ihre E-Mail-Adresse. Den Link dazu haben wir Ihnen geschickt."
                )
                action["link"] = contributions.Link(reverse("account_email"), _("E-Mail-Adresse verwalten"))
            else:
                action["reason"] = _("Das ist zurzeit nicht möglich.")
        else:
            reasons = []
            if active is None:
                reasons.append(_("Zurzeit ist keine Phase aktiv."))
            later = [p for p in process.phases.all() if p.has(key) and p.starts_at > now]
            earlier = [p for p in process.phases.all() if p.has(key) and p.ends_at and p.ends_at <= now]
            if later:
                reasons.append(str(declared.begins) % {"date": day(min(p.starts_at for p in later))})
            elif earlier:
                reasons.append(str(declared.ended) % {"date": last_day(max(p.ends_at for p in earlier))})
            elif active is not None:
                reasons.append(str(declared.never))
            action["reason"] = " ".join(reasons)
        actions.append(action)
    return actions


def _sections(request, process, used, now) -> list[contributions.Shown]:
    """What the types in `used` show on the process page, in order."""
    shown = [contribution_type.show(request, process, now) for contribution_type in used if contribution_type.show]
    return sorted((section for section in shown if section is not None), key=lambda section: section.order)


def _get_process(request, slug):
    """The process `slug` with its phases and scope, if the
    visitor may see it (404 otherwise)."""
    process = get_object_or_404(
        Process.objects.with_phases()
        .select_related("municipality", "image")
        .defer("municipality__boundary")
        .prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("sort_order", "title")),
            Prefetch("topics", queryset=Topic.objects.order_by("sort_order", "name")),
        ),
        slug=slug,
    )
    if not request.user.has_perm("participation.view_process", process):
        raise Http404
    return process


@require_GET
@cache_participation_page
def process_list(request):
    """Published processes: running ones first, then upcoming, then
    finished."""
    now = timezone.now()
    # Each type adds its aggregates (the ideas their count) to the one
    # query of processes.
    annotations = {}
    for contribution_type in contributions.types():
        if contribution_type.listed is not None:
            annotations.update(contribution_type.listed.annotations())
    processes = (
        Process.objects.published()
        .with_phases()
        .select_related("municipality")
        .defer("municipality__boundary", "description")
        .annotate(**annotations)
    )
    groups = {"running": [], "upcoming": [], "finished": []}
    for process in processes:
        pagecache.valid_until(request, process.next_change(now))
        state = process.state(now)
        used = contributions.types_in_use(process.opened_keys())
        entry = {
            "process": process,
            "state": state,
            "listed": [contribution_type.listed.template for contribution_type in used if contribution_type.listed],
        }
        if state == "running":
            active = process.active_phase(now)
            entry["phase"] = active
            if active is not None and active.ends_at:
                entry["phase_last_day"] = last_day(active.ends_at)
            upcoming = process.next_phase(now) if active is None else None
            if upcoming is not None:
                entry["next_phase"] = upcoming
                entry["next_first_day"] = day(upcoming.starts_at)
        elif state == "upcoming":
            upcoming = process.next_phase(now)
            if upcoming is not None:
                entry["next_first_day"] = day(upcoming.starts_at)
                entry["sort"] = upcoming.starts_at
        else:
            ends = [phase.ends_at for phase in process.phases.all()]
            entry["ended"] = max(ends)
            entry["ended_day"] = last_day(max(ends))
        groups[state].append(entry)
    far_future = timezone.now() + dt.timedelta(days=36500)
    groups["upcoming"].sort(key=lambda entry: entry.get("sort") or far_future)
    groups["finished"].sort(key=lambda entry: entry["ended"], reverse=True)
    return render(request, "participation/process_list.html", {"groups": groups})


@require_GET
@cache_for_anonymous(shelf=PARTICIPATION)
def process_detail(request, slug):
    process = _get_process(request, slug)
    now = timezone.now()
    pagecache.valid_until(request, process.next_change(now))
    used = contributions.types_in_use(process.opened_keys())
    context = {
        "process": process,
        "timeline": _timeline(process, now),
        "actions": _actions(request, process, used, now),
        "sections": _sections(request, process, used, now),
        "is_draft": process.status == Process.Status.DRAFT,
    }
    return render(request, "participation/process_detail.html", context)
