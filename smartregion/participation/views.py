"""The public pages of the participation processes: the list of processes
(running, upcoming, finished) and a process with its phases, what a visitor
may do right now (or why not), its ideas and, once published, the jury's
results."""

import datetime as dt

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET

from smartregion.accounts.predicates import is_verified_participant
from smartregion.ideas.models import Idea
from smartregion.jury.ranking import published_winners
from smartregion.lib import pagecache
from smartregion.lib.pagecache import PARTICIPATION, cache_for_anonymous, cache_participation_page
from smartregion.participation.models import SWITCHES, Moderation, Phase, Process
from smartregion.participation.rules import comments_open, is_process_published, supports_open
from smartregion.region.models import FocusArea, Topic

IDEAS_PER_PAGE = 20


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
                "switches": [Phase._meta.get_field(name).verbose_name for name in SWITCHES if getattr(phase, name)],
            }
        )
    return timeline


def _open_until(process, switch, now):
    """The end of the stretch of phases with `switch` on that contains now:
    back-to-back phases with the same switch count as one. None when it has
    no end."""
    phases = sorted(process.phases.all(), key=lambda phase: phase.starts_at)
    end = None
    for phase in phases:
        if not getattr(phase, switch):
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


# Per action: the phase switch it needs and its texts, translated when the
# box is built.
ACTIONS = {
    "ideas_open": {
        "label": gettext_noop("Idee einreichen"),
        "ends": gettext_noop("Die Einreichungsphase endet am %(date)s."),
        "begins": gettext_noop("Die Einreichung beginnt am %(date)s."),
        "ended": gettext_noop("Die Einreichungsphase ist am %(date)s zu Ende gegangen."),
        "never": gettext_noop("In diesem Verfahren werden keine Ideen eingereicht."),
        "login": gettext_noop("Bitte melden Sie sich an, um eine Idee einzureichen."),
    },
    "comments_open": {
        "label": gettext_noop("Kommentieren"),
        "ends": gettext_noop("Kommentieren ist bis zum %(date)s möglich."),
        "begins": gettext_noop("Kommentieren ist ab dem %(date)s möglich."),
        "ended": gettext_noop("Die Kommentarphase ist am %(date)s zu Ende gegangen."),
        "never": gettext_noop("In diesem Verfahren wird nicht kommentiert."),
        "login": gettext_noop("Bitte melden Sie sich an, um Ideen zu kommentieren."),
    },
    "supports_open": {
        "label": gettext_noop("Unterstützen"),
        "ends": gettext_noop("Unterstützen ist bis zum %(date)s möglich."),
        "begins": gettext_noop("Unterstützen ist ab dem %(date)s möglich."),
        "ended": gettext_noop("Die Unterstützungsphase ist am %(date)s zu Ende gegangen."),
        "never": gettext_noop("In diesem Verfahren werden Ideen nicht unterstützt."),
        "login": gettext_noop("Bitte melden Sie sich an, um Ideen zu unterstützen."),
    },
}


def _may(request, switch, process) -> bool:
    """Whether the visitor may do the action of `switch` now. Adding an
    idea is a permission on the process; commenting and supporting are
    permissions on an idea, so the box asks the same predicates those
    rules are built from (the idea's own conditions, e.g. not withdrawn,
    are checked on the idea)."""
    if switch == "ideas_open":
        return request.user.has_perm("ideas.add_idea", process)
    predicate = {"comments_open": comments_open, "supports_open": supports_open}[switch]
    return (is_verified_participant & is_process_published & predicate).test(request.user, process)


def _actions(request, process, now):
    """The box "Was Sie jetzt tun können": per action whether it is
    available, where it leads, and the sentences that explain it (the
    deadline, or why it is not possible now)."""
    active = process.active_phase(now)
    published = process.status == Process.Status.PUBLISHED
    user = request.user
    login_url = reverse("account_login") + "?next=" + process.get_absolute_url()
    actions = []
    for switch, texts in ACTIONS.items():
        action = {"switch": switch, "label": _(texts["label"]), "available": False, "notes": [], "link": None}
        open_now = active is not None and getattr(active, switch)
        if open_now:
            until = _open_until(process, switch, now)
            if until is not None:
                action["notes"].append(_(texts["ends"]) % {"date": last_day(until)})
            if _may(request, switch, process):
                action["available"] = True
                if switch == "ideas_open":
                    url = reverse("ideas:idea-create", args=[process.slug])
                    action["link"] = {"url": url, "text": _("Idee einreichen")}
                else:
                    action["link"] = {"url": "#ideen", "text": _("Zu den Ideen")}
            elif not published:
                action["reason"] = _("Das Verfahren ist noch nicht veröffentlicht.")
            elif not user.is_authenticated:
                action["reason"] = _(texts["login"])
                action["link"] = {"url": login_url, "text": _("Anmelden")}
            elif not is_verified_participant(user):
                action["reason"] = _(
                    "Bitte bestätigen Sie Ihre E-Mail-Adresse. Den Link dazu haben wir Ihnen geschickt."
                )
                action["link"] = {"url": reverse("account_email"), "text": _("E-Mail-Adresse verwalten")}
            else:
                action["reason"] = _("Das ist zurzeit nicht möglich.")
        else:
            reasons = []
            if active is None:
                reasons.append(_("Zurzeit ist keine Phase aktiv."))
            later = [p for p in process.phases.all() if getattr(p, switch) and p.starts_at > now]
            earlier = [p for p in process.phases.all() if getattr(p, switch) and p.ends_at and p.ends_at <= now]
            if later:
                reasons.append(_(texts["begins"]) % {"date": day(min(p.starts_at for p in later))})
            elif earlier:
                reasons.append(_(texts["ended"]) % {"date": last_day(max(p.ends_at for p in earlier))})
            elif active is not None:
                reasons.append(_(texts["never"]))
            action["reason"] = " ".join(reasons)
        actions.append(action)
    return actions


def _get_process(request, slug):
    """The process `slug` with its phases, scope and jury criteria, if the
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
    processes = (
        Process.objects.published()
        .with_phases()
        .select_related("municipality")
        .defer("municipality__boundary", "description", "results_statement")
        .annotate(
            idea_count=Count("ideas", filter=Q(ideas__moderation=Moderation.VISIBLE)),
        )
    )
    groups = {"running": [], "upcoming": [], "finished": []}
    for process in processes:
        pagecache.valid_until(request, process.next_change(now))
        state = process.state(now)
        entry = {"process": process, "state": state}
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
    ideas = Idea.objects.public().filter(process=process)
    counts = ideas.aggregate(total=Count("pk"), on_site=Count("pk", filter=~Q(channel=Idea.Channel.ONLINE)))
    paginator = Paginator(ideas.for_listing(), IDEAS_PER_PAGE)
    # The total is known already: spare the paginator its own COUNT.
    paginator.count = counts["total"]
    page = paginator.get_page(request.GET.get("seite"))
    results_visible = process.results_visible(now)
    context = {
        "process": process,
        "timeline": _timeline(process, now),
        "actions": _actions(request, process, now),
        "idea_count": counts["total"],
        "on_site_count": counts["on_site"],
        "page_obj": page,
        "ideas": page.object_list,
        "results_visible": results_visible,
        "winners": published_winners(process) if results_visible else [],
        "is_draft": process.status == Process.Status.DRAFT,
    }
    return render(request, "participation/process_detail.html", context)
