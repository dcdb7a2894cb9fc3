"""The moderation queue in the backend: open reports grouped per item,
contributions waiting for approval, objections; the filters; the scope of
moderators for some municipalities and the flag "überfällig"; a fixed
number of queries however long the queue."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.comments.models import Comment
from smartregion.moderation.models import Objection, Report
from smartregion.moderation.tests.queue_setup import (
    QUEUE,
    hidden_with_objection,
    make_older,
    make_reports_older,
    pending_comment,
    pending_idea,
    report_times,
    reported_comment,
    reported_idea,
)
from smartregion.participation.tests.factories import ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_moderator(client, moderator):
    return log_in_with_second_factor(client, moderator)


def section(response, name):
    """The entries of one section of the queue page's context."""
    return getattr(response.context["queue"], name).entries


def excerpts(response, name):
    return [entry.excerpt for entry in section(response, name)]


def test_the_queue_lives_under_moderation_in_the_backend():
    assert reverse("moderation_admin:queue") == QUEUE
    assert reverse("moderation_admin:item", args=["kommentar", 3]) == "/redaktion/moderation/kommentar/3/"
    assert reverse("moderation_admin:bulk") == "/redaktion/moderation/entscheiden/"
    assert reverse("moderation_admin:log") == "/redaktion/moderation/protokoll/"
    assert reverse("moderation_admin:log-csv") == "/redaktion/moderation/protokoll.csv"


def test_moderators_find_moderation_in_the_menu(as_moderator):
    page = as_moderator.get("/redaktion/").content.decode()
    assert '"label": "Moderation"' in page
    assert f'"url": "{QUEUE}"' in page


@pytest.mark.parametrize("persona", ["editor", "guide_mayen", "juror", "admin"])
def test_other_staff_do_not_see_the_menu_item(client, request, persona):
    log_in_with_second_factor(client, request.getfixturevalue(persona))
    page = client.get("/redaktion/").content.decode()
    assert f'"url": "{QUEUE}"' not in page


def test_open_reports_are_grouped_per_item_with_count_reasons_and_links(as_moderator, mayen):
    comment = reported_comment(mayen, reports=2, text="Du bist ein Idiot und ein Betrüger.")
    report_times(comment, 1, Report.Reason.ILLEGAL)
    quiet = reported_idea(mayen, reports=1, title="Kaufen Sie jetzt Goldbarren")

    response = as_moderator.get(QUEUE)

    assert response.status_code == 200
    entries = section(response, "reports")
    assert [entry.obj for entry in entries] == [comment, quiet]  # oldest first
    first = entries[0]
    assert first.report_count == 3
    assert first.reasons == [("Beleidigung oder Bedrohung", 2), ("rechtswidriger Inhalt", 1)]
    assert first.municipality == mayen
    page = response.content.decode()
    assert "3 Meldungen" in page
    assert "Beleidigung oder Bedrohung (2), rechtswidriger Inhalt" in page
    assert "Kommentar: Du bist ein Idiot und ein Betrüger." in page
    assert f'href="/redaktion/moderation/kommentar/{comment.pk}/"' in page
    assert f'href="{first.public_url}"' in page
    assert f"#kommentar-{comment.pk}" in first.public_url
    assert "1 Meldung:" in page
    assert "2 gemeldete Beiträge" in page


def test_decided_reports_leave_the_queue(as_moderator, moderator, mayen):
    from smartregion.moderation import actions

    comment = reported_comment(mayen)
    actions.dismiss_reports(comment, moderator)
    assert section(as_moderator.get(QUEUE), "reports") == []


def test_pending_contributions_and_objections_are_listed(as_moderator, mayen, other_moderator):
    waiting = pending_comment(mayen, text="Ein Kommentar mit Freigabe")
    idea = pending_idea(mayen, title="Eine Idee mit Freigabe")
    hidden, objection = hidden_with_objection(mayen, other_moderator, text="Ich habe niemanden beleidigt.")

    response = as_moderator.get(QUEUE)

    assert {entry.obj for entry in section(response, "pending")} == {waiting, idea}
    [entry] = section(response, "objections")
    assert entry.obj == hidden
    assert entry.objection == objection
    page = response.content.decode()
    assert "Ich habe niemanden beleidigt." in page
    assert "respektlos oder beleidigend" in page


def test_a_moderator_for_mayen_sees_only_the_items_of_mayen(client, moderator_mayen, mayen, mendig, other_moderator):
    in_mayen = reported_comment(mayen, text="in Mayen gemeldet")
    reported_comment(mendig, text="in Mendig gemeldet")
    reported_idea(None, title="für die ganze Region gemeldet")
    pending_comment(mendig, text="wartet in Mendig")
    waiting_in_mayen = pending_comment(mayen, text="wartet in Mayen")
    hidden_with_objection(mendig, other_moderator)
    log_in_with_second_factor(client, moderator_mayen)

    response = client.get(QUEUE)

    assert [entry.obj for entry in section(response, "reports")] == [in_mayen]
    assert [entry.obj for entry in section(response, "pending")] == [waiting_in_mayen]
    assert section(response, "objections") == []
    assert "in Mendig" not in response.content.decode()
    # The municipality filter offers Mayen only.
    assert [label for value, label in response.context["filter_form"].fields["kommune"].choices] == [
        "alle Kommunen",
        "Mayen",
    ]


def test_a_county_wide_moderator_sees_every_item_and_old_ones_flagged(as_moderator, mayen, mendig):
    old = reported_comment(mendig, text="seit drei Tagen gemeldet")
    make_reports_older(old, hours=72)
    recent = reported_comment(mayen, text="gerade gemeldet")
    whole_region = reported_idea(None, title="ohne Kommune")

    response = as_moderator.get(QUEUE)

    entries = section(response, "reports")
    assert [entry.obj for entry in entries] == [old, recent, whole_region]
    assert [entry.overdue for entry in entries] == [True, False, False]
    assert response.content.decode().count("überfällig") >= 1
    assert "Sie moderieren den ganzen Landkreis" in response.content.decode()


def test_the_age_filter_keeps_what_waits_longer(as_moderator, mayen):
    old = reported_comment(mayen, text="alt")
    make_reports_older(old, hours=50)
    reported_comment(mayen, text="neu")
    waiting = pending_comment(mayen)
    make_older(Comment, waiting.pk, hours=30)

    response = as_moderator.get(QUEUE, {"alter": "48h"})
    assert excerpts(response, "reports") == ["alt"]
    assert section(response, "pending") == []
    response = as_moderator.get(QUEUE, {"alter": "24h"})
    assert [entry.obj for entry in section(response, "pending")] == [waiting]


def test_the_filters_narrow_by_process_municipality_type_and_reason(as_moderator, mayen, mendig):
    process = ProcessFactory(title="Ideen für Mayen")
    in_process = reported_idea(mayen, reports=1, process=process, title="im Verfahren")
    comment = reported_comment(mendig, reason=Report.Reason.INSULT, text="beleidigend")
    whole_region = reported_idea(None, reason=Report.Reason.OFF_TOPIC, title="regional")

    def shown(**params):
        return {entry.obj for entry in section(as_moderator.get(QUEUE, params), "reports")}

    assert shown(verfahren=process.pk) == {in_process}
    assert shown(kommune=mendig.pk) == {comment}
    assert shown(kommune="region") == {whole_region}
    assert shown(typ="kommentar") == {comment}
    assert shown(typ="idee") == {in_process, whole_region}
    assert shown(grund=Report.Reason.OFF_TOPIC) == {whole_region}
    assert shown() == {in_process, comment, whole_region}


def test_the_section_filter_shows_one_section(as_moderator, mayen, other_moderator):
    reported_comment(mayen)
    pending_comment(mayen)
    hidden_with_objection(mayen, other_moderator)

    response = as_moderator.get(QUEUE, {"art": "widersprueche"})
    assert section(response, "reports") == []
    assert section(response, "pending") == []
    assert len(section(response, "objections")) == 1
    # The reason of a report filters the reports only.
    response = as_moderator.get(QUEUE, {"grund": Report.Reason.INSULT})
    assert len(section(response, "reports")) == 1
    assert section(response, "pending") == []


def test_an_unknown_filter_value_is_refused_in_german_without_filtering(as_moderator, mayen):
    reported_comment(mayen)
    response = as_moderator.get(QUEUE, {"typ": "umfrage", "verfahren": "999999", "alter": "ewig"})
    assert response.status_code == 200
    assert len(section(response, "reports")) == 1
    page = response.content.decode()
    assert "Bitte wählen Sie einen Eintrag aus der Liste." in page
    assert "Bitte wählen Sie ein Verfahren aus der Liste." in page


def test_an_empty_queue_says_so(as_moderator):
    page = as_moderator.get(QUEUE).content.decode()
    assert "Keine offenen Meldungen." in page
    assert "Kein Beitrag wartet auf Freigabe." in page
    assert "Kein Widerspruch wartet auf eine Entscheidung." in page


def test_the_objection_of_a_moderators_own_hide_says_another_decides(as_moderator, moderator, mayen):
    hidden_with_objection(mayen, moderator)
    page = as_moderator.get(QUEUE).content.decode()
    assert "von Ihnen: eine andere Person entscheidet" in page


def fill_queue(mayen, mendig, other_moderator, size):
    """`size` reported comments and ideas (two reports each), pending
    comments and ideas, and objections, in two municipalities."""
    for n in range(size):
        municipality = mayen if n % 2 else mendig
        reported_comment(municipality, reports=2, text=f"gemeldeter Kommentar {n}")
        reported_idea(municipality, reports=2, title=f"gemeldete Idee {n}")
        pending_comment(municipality, text=f"wartender Kommentar {n}")
        pending_idea(municipality, title=f"wartende Idee {n}")
        hidden_with_objection(municipality, other_moderator, text=f"Widerspruch {n}")


@pytest.mark.parametrize("size", [1, 4])
def test_the_queue_needs_a_fixed_number_of_queries(
    as_moderator, mayen, mendig, other_moderator, size, django_assert_num_queries
):
    fill_queue(mayen, mendig, other_moderator, size)
    as_moderator.get(QUEUE)  # content types and the session's first reads

    # The same 25 at both sizes:
    #   session, user, the user's and the groups' permissions, the
    #   authenticator (second factor), Wagtail's user profile, the group
    #   names (rules);
    #   the moderator's municipalities (scope); the municipalities of the
    #   filter;
    #   the open reports (one row each, grouped in Python); the open
    #   objections with the hide, its actor and the author;
    #   the reported and objected comments, their ideas; the reported and
    #   objected ideas (each with process, municipality, author joined);
    #   the municipalities and processes the reports name;
    #   the pending ideas' pks and the ideas; the pending comments' pks,
    #   the comments, their ideas;
    #   Wagtail's menu (locales, page and collection permissions); the
    #   processes of the filter.
    with django_assert_num_queries(QUEUE_QUERIES):
        response = as_moderator.get(QUEUE)
    assert response.status_code == 200
    assert len(section(response, "reports")) == 2 * size
    assert len(section(response, "pending")) == 2 * size
    assert len(section(response, "objections")) == size


QUEUE_QUERIES = 25


def test_objections_of_a_decided_kind_are_not_listed(as_moderator, moderator, mayen, other_moderator):
    from smartregion.moderation import actions

    hidden, objection = hidden_with_objection(mayen, other_moderator)
    actions.decide_objection(objection, moderator, uphold=False)
    objection.refresh_from_db()
    assert objection.status == Objection.Status.REJECTED
    assert section(as_moderator.get(QUEUE), "objections") == []
