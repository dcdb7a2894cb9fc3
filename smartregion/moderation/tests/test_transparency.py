"""The transparency page /moderation/: reports received, decisions and
their median time, hidden items per reason and month; figures only, small
numbers suppressed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments.tests.factories import CommentFactory
from smartregion.moderation import actions
from smartregion.moderation.models import Report
from smartregion.moderation.views import figure, margin, transparency_figures
from smartregion.participation.models import HiddenReason


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "< 5"), (4, "< 5"), (5, "5"), (120, "120")])
def test_small_numbers_are_suppressed(count, shown):
    assert figure(count) == shown


@pytest.mark.parametrize(
    ("total", "parts", "shown"),
    [(37, [30, 7], "37"), (33, [30, 3], "30–34"), (3, [3], "0–4"), (0, [0, 0], "0"), (42, [40, 2], "40–44")],
)
def test_a_total_beside_a_suppressed_count_does_not_give_it_away(total, parts, shown):
    assert margin(total, parts) == shown


def test_the_page_shows_figures_without_names(client, idea, comment, reporter, moderator, no_page_cache):
    actions.report(comment, reporter, Report.Reason.INSULT, "Mein Name steht nirgends")
    actions.hide(comment, moderator, HiddenReason.DISRESPECTFUL)
    response = client.get(reverse("moderation:transparency"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Transparenz der Moderation" in page
    assert "&lt; 5" in page
    for private in ("Melderin", "Moderatorin", "Autorin", "Mein Name steht nirgends", comment.text):
        assert private not in page


def test_figures_per_month_reason_and_median(db, idea, moderator):
    now = timezone.now()
    comments = [CommentFactory(target=idea) for _ in range(6)]
    for index, each in enumerate(comments):
        report = actions.report(each, UserFactory(), Report.Reason.SPAM)
        # Reported 1 to 6 hours before the decision.
        Report.objects.filter(pk=report.pk).update(created_at=now - dt.timedelta(hours=index + 1))
        actions.hide(each, moderator, HiddenReason.ADVERTISING)
    figures = transparency_figures(now)
    this_month = figures["months"][0]
    assert this_month["received"] == "6"
    assert this_month["decided"] == "6"
    assert this_month["median"] == "3,5 Std."
    advertising = [value for value, _label in HiddenReason.choices].index("advertising")
    assert this_month["hidden"][advertising] == "6"
    assert figures["hidden_totals"][advertising] == "6"
    assert figures["months"][1]["received"] == "0"
    assert len(figures["months"]) == 12


def test_the_median_needs_five_decisions(db, comment, reporter, moderator):
    actions.report(comment, reporter, Report.Reason.SPAM)
    actions.dismiss_reports(comment, moderator)
    assert transparency_figures()["median_total"] == "–"


def test_the_page_costs_the_same_queries_with_more_rows(
    client, idea, moderator, django_assert_num_queries, no_page_cache
):
    client.get(reverse("moderation:transparency"))
    # session (none here) aside: reports per month, decided reports, hides
    # per month and reason, objections, and the layout's region settings,
    # home page and site links.
    with django_assert_num_queries(7):
        client.get(reverse("moderation:transparency"))
    for _ in range(3):
        each = CommentFactory(target=idea)
        actions.report(each, UserFactory(), Report.Reason.SPAM)
        actions.hide(each, moderator, HiddenReason.OTHER)
    with django_assert_num_queries(7):
        client.get(reverse("moderation:transparency"))
