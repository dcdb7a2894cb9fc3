"""The public side of the moderation: reporting a contribution ("Melden"),
the author's objection against a decision, and the transparency page.

Reports and objections change nothing a cached page shows, so their POSTs
leave the page cache as it is (pagecache.keeps_cached_pages): a flood of
reports must not keep every page cold.
"""

import datetime as dt
import statistics
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from smartregion.accounts.predicates import has_verified_email
from smartregion.lib import pagecache, ratelimit
from smartregion.moderation import actions, registry
from smartregion.moderation.emails import load_item
from smartregion.moderation.forms import ObjectionForm, ReportForm
from smartregion.moderation.models import ModerationAction, Objection, Report
from smartregion.participation.models import HiddenReason

# A person may send this many reports (and objections) per hour; more
# looks like a script or a campaign, which the moderation cannot read.
REPORTS_PER_HOUR = 10
OBJECTIONS_PER_HOUR = 5
HOUR = 60 * 60


# Report -----------------------------------------------------------------


def _get_reportable(request, key, pk):
    """(registration, item) for the report form: a registered item that
    everybody may see; 404 otherwise (the form shows an excerpt)."""
    moderated = registry.by_key(key)
    if moderated is None:
        raise Http404
    try:
        item = moderated.load(pk)
    except moderated.model.DoesNotExist:
        raise Http404 from None
    if not moderated.public(item):
        raise Http404
    return moderated, item


def _why_not_report(user, moderated, item) -> str | None:
    """Why `user` (logged in) may not report `item`; None if they may."""
    if user.has_perm("moderation.report_item", item):
        return None
    author = moderated.author(item)
    if author is not None and author.pk == user.pk:
        return _("Ihre eigenen Beiträge können Sie nicht melden. Sie können sie bearbeiten oder entfernen.")
    if user.blocked_reason:
        return _("Ihr Konto ist gesperrt. Sie können keine Beiträge melden.")
    if not has_verified_email(user):
        return _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse, dann können Sie Beiträge melden.")
    return _("Sie können diesen Beitrag nicht melden.")


def _has_open_report(user, item) -> bool:
    from django.contrib.contenttypes.models import ContentType

    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        reporter=user,
        status=Report.Status.OPEN,
    ).exists()


@require_http_methods(["GET", "HEAD", "POST"])
@pagecache.keeps_cached_pages
def report(request, key, pk):
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return _ask_to_log_in(request, key, pk)
    moderated, item = _get_reportable(request, key, pk)
    refusal = _why_not_report(request.user, moderated, item)
    if refusal is None and _has_open_report(request.user, item):
        refusal = str(actions.AlreadyReported.message)
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if refusal is not None:
            status = 403
        elif form.is_valid():
            if not ratelimit.allow(f"moderation-report:{request.user.pk}", REPORTS_PER_HOUR, HOUR):
                form.add_error(None, _("Sie haben in der letzten Stunde sehr viele Meldungen geschickt."))
                status = 429
            else:
                try:
                    actions.report(item, request.user, form.cleaned_data["reason"], form.cleaned_data["text"])
                except actions.ModerationError as error:
                    form.add_error(None, str(error.message))
                    status = 400
                else:
                    messages.success(
                        request,
                        _(
                            "Vielen Dank für Ihre Meldung. Die Moderation prüft den Beitrag; "
                            "eine Bestätigung ist per E-Mail unterwegs."
                        ),
                    )
                    return redirect(moderated.public_url(item))
        else:
            status = 400
    context = {
        "form": form,
        "refusal": refusal,
        "item_type": moderated.label,
        "excerpt": moderated.excerpt(item),
        "back_url": moderated.public_url(item),
    }
    return render(request, "moderation/report_form.html", context, status=status)


def _ask_to_log_in(request, key, pk):
    """A visitor followed "Melden": the page says that reporting needs an
    account and links to the login, which leads back here."""
    moderated, item = _get_reportable(request, key, pk)
    login_url = reverse("account_login") + "?" + urlencode({"next": request.get_full_path()})
    context = {
        "login_url": login_url,
        "item_type": moderated.label,
        "excerpt": moderated.excerpt(item),
        "back_url": moderated.public_url(item),
    }
    return render(request, "moderation/report_form.html", context)


# Objection --------------------------------------------------------------


def _get_own_decision(request, action_pk):
    """(hide entry, registration, item) of a decision against the
    requesting person's own item; 404 for anybody else."""
    entry = get_object_or_404(ModerationAction, pk=action_pk, action=ModerationAction.Action.HIDE)
    moderated, item = load_item(entry.content_type_id, entry.object_id)
    if item is None:
        raise Http404
    author = moderated.author(item)
    if author is None or author.pk != request.user.pk:
        raise Http404
    return entry, moderated, item


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@pagecache.keeps_cached_pages
def object_to(request, action_pk):
    entry, moderated, item = _get_own_decision(request, action_pk)
    objection = Objection.objects.filter(hide_action=entry).first()
    possible = objection is None and actions.may_object(entry, item)
    form = ObjectionForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if not possible:
            status = 409
        elif form.is_valid():
            if not ratelimit.allow(f"moderation-objection:{request.user.pk}", OBJECTIONS_PER_HOUR, HOUR):
                form.add_error(None, _("Sie haben in der letzten Stunde sehr viele Widersprüche eingelegt."))
                status = 429
            else:
                try:
                    actions.object_to(entry, request.user, form.cleaned_data["text"])
                except actions.ModerationError as error:
                    form.add_error(None, str(error.message))
                    status = 400
                else:
                    messages.success(
                        request,
                        _(
                            "Ihr Widerspruch ist eingegangen. Eine andere Person aus der Moderation entscheidet; "
                            "Sie erhalten die Entscheidung per E-Mail."
                        ),
                    )
                    return redirect(moderated.public_url(item))
        else:
            status = 400
    context = {
        "form": form,
        "entry": entry,
        "objection": objection,
        "possible": possible,
        "item_type": moderated.label,
        "excerpt": moderated.excerpt(item),
        "back_url": moderated.public_url(item),
    }
    return render(request, "moderation/objection_form.html", context, status=status)


# Transparency -----------------------------------------------------------

MONTHS = 12
# Figures from 1 to SUPPRESS_BELOW - 1 are shown as "< 5": so few cases
# could point to the people behind them.
SUPPRESS_BELOW = 5


def figure(count: int) -> str:
    """A count for the public: 0, "< 5" for 1 to 4, else the number."""
    if 0 < count < SUPPRESS_BELOW:
        return _("< %(limit)d") % {"limit": SUPPRESS_BELOW}
    return str(count)


def margin(total: int, parts) -> str:
    """A total beside counts of which some are suppressed: given exactly,
    it would give a suppressed count away (the total less the others), so
    it is shown as the span of five it lies in ("30–34")."""
    if any(0 < part < SUPPRESS_BELOW for part in parts):
        low = total // SUPPRESS_BELOW * SUPPRESS_BELOW
        return _("%(low)d–%(high)d") % {"low": low, "high": low + SUPPRESS_BELOW - 1}
    return figure(total)


def _months(now) -> list[dt.date]:
    """The first days of the last MONTHS months, newest first."""
    first = timezone.localtime(now).date().replace(day=1)
    months = []
    for _index in range(MONTHS):
        months.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return months


def _month_of(moment) -> dt.date:
    return timezone.localtime(moment).date().replace(day=1)


def _median_hours(durations) -> str:
    """The median of `durations` in hours (one decimal), or "–" when there
    are fewer than SUPPRESS_BELOW of them."""
    if len(durations) < SUPPRESS_BELOW:
        return "–"
    hours = statistics.median(duration.total_seconds() for duration in durations) / 3600
    return _("%(hours)s Std.") % {"hours": f"{hours:.1f}".replace(".", ",")}


def transparency_figures(now=None) -> dict:
    """The figures of the transparency page for the last MONTHS months:
    reports received, decisions on reports and their median time, items
    hidden per reason, objections and how many were upheld. Counts only,
    per month; small ones suppressed. Four queries."""
    now = now or timezone.now()
    months = _months(now)
    since = timezone.make_aware(dt.datetime.combine(months[-1], dt.time()))

    received = defaultdict(int)
    for row in (
        Report.objects.filter(created_at__gte=since)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        received[_month_of(row["month"])] += row["count"]

    durations = defaultdict(list)
    for created_at, decided_at in Report.objects.filter(decided_at__gte=since).values_list("created_at", "decided_at"):
        durations[_month_of(decided_at)].append(decided_at - created_at)

    hidden = defaultdict(int)
    hidden_total = defaultdict(int)
    for row in (
        ModerationAction.objects.filter(action=ModerationAction.Action.HIDE, created_at__gte=since)
        .annotate(month=TruncMonth("created_at"))
        .values("month", "reason")
        .annotate(count=Count("pk"))
        .order_by()
    ):
        month = _month_of(row["month"])
        hidden[month, row["reason"]] += row["count"]
        hidden_total[row["reason"]] += row["count"]

    objections = Objection.objects.filter(created_at__gte=since).values_list("status", flat=True)
    objection_counts = defaultdict(int)
    for status in objections:
        objection_counts[status] += 1

    reasons = list(HiddenReason.choices)
    rows = []
    for month in months:
        decided = durations.get(month, [])
        rows.append(
            {
                "month": month,
                "received": figure(received.get(month, 0)),
                "decided": figure(len(decided)),
                "median": _median_hours(decided),
                "hidden": [figure(hidden.get((month, value), 0)) for value, _label in reasons],
            }
        )
    all_durations = [duration for month in months for duration in durations.get(month, [])]
    return {
        "months": rows,
        "reasons": [label for _value, label in reasons],
        "received_total": margin(sum(received.values()), [received.get(month, 0) for month in months]),
        "decided_total": margin(len(all_durations), [len(durations.get(month, [])) for month in months]),
        "median_total": _median_hours(all_durations),
        "hidden_totals": [
            margin(hidden_total.get(value, 0), [hidden.get((month, value), 0) for month in months])
            for value, _label in reasons
        ],
        "objections_total": margin(
            sum(objection_counts.values()),
            [
                objection_counts.get(Objection.Status.UPHELD, 0),
                sum(objection_counts.values()) - objection_counts.get(Objection.Status.UPHELD, 0),
            ],
        ),
        "objections_upheld": figure(objection_counts.get(Objection.Status.UPHELD, 0)),
        "suppress_below": SUPPRESS_BELOW,
        "since": months[-1],
    }


@require_GET
@pagecache.cache_participation_page
def transparency(request):
    return render(request, "moderation/transparency.html", transparency_figures())
