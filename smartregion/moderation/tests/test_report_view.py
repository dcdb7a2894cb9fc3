"""Reporting a contribution on the site: "Melden" on ideas and on every
comment, the form, the confirmation; refused for one's own contribution,
without a verified address, twice, and beyond the rate limit."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.http import urlencode

from smartregion.comments.tests.factories import CommentFactory
from smartregion.lib import pagecache
from smartregion.moderation import views
from smartregion.moderation.models import ModerationAction, Report


def report_url(key, pk):
    return reverse("moderation:report", args=[key, pk])


@pytest.fixture(autouse=True)
def _no_page_cache(no_page_cache):
    pass


def test_an_idea_page_offers_melden_to_visitors_but_not_to_the_author(client, idea, author):
    page = client.get(idea.get_absolute_url()).content.decode()
    assert report_url("idee", idea.pk) in page
    client.force_login(author)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert report_url("idee", idea.pk) not in page


def test_every_comment_and_reply_offers_melden(client, idea, comment, other_citizen):
    reply = CommentFactory(target=idea, parent=comment, text="Eine Antwort.")
    page = client.get(idea.get_absolute_url()).content.decode()
    assert report_url("kommentar", comment.pk) in page
    assert report_url("kommentar", reply.pk) in page


def test_the_author_of_a_comment_sees_no_melden_on_it(client, comment, author):
    client.force_login(author)
    page = client.get(comment.target.get_absolute_url()).content.decode()
    assert report_url("kommentar", comment.pk) not in page


def test_an_anonymous_visitor_is_asked_to_log_in_and_comes_back(client, comment):
    url = report_url("kommentar", comment.pk)

    response = client.get(url)

    assert response.status_code == 200
    login = reverse("account_login") + "?" + urlencode({"next": url})
    assert f'<a href="{login.replace("&", "&amp;")}">' in response.text
    assert "<form" not in response.text.split("<main", 1)[1].split("</main>")[0]


def test_an_anonymous_report_sent_anyway_is_sent_to_the_login(client, comment):
    response = client.post(report_url("kommentar", comment.pk), {"reason": "spam"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_verified_participant_reports_a_comment(client, comment, reporter, django_capture_on_commit_callbacks):
    client.force_login(reporter)
    page = client.get(report_url("kommentar", comment.pk))
    assert page.status_code == 200
    assert "Das ist ein Kommentar mit Inhalt." in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(report_url("kommentar", comment.pk), {"reason": "insult", "text": "Beleidigend."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{comment.pk}")
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.text) == (reporter, "insult", "Beleidigend.")
    assert mail.outbox[0].to == ["reporter@example.org"]
    followed = client.get(response["Location"]).content.decode()
    assert "Vielen Dank für Ihre Meldung" in followed


def test_a_report_keeps_the_cached_pages(client, comment, reporter, settings):
    settings.PAGE_CACHE_SECONDS = 60
    client.force_login(reporter)
    before = pagecache.generation(pagecache.PARTICIPATION)
    client.post(report_url("kommentar", comment.pk), {"reason": "spam"})
    assert Report.objects.count() == 1
    assert pagecache.generation(pagecache.PARTICIPATION) == before


def test_a_second_report_shows_why_and_writes_nothing(client, comment, reporter):
    client.force_login(reporter)
    client.post(report_url("kommentar", comment.pk), {"reason": "spam"})
    page = client.get(report_url("kommentar", comment.pk)).content.decode()
    assert "bereits gemeldet" in page
    response = client.post(report_url("kommentar", comment.pk), {"reason": "spam"})
    assert response.status_code == 403
    assert Report.objects.count() == 1


def test_bad_input_keeps_what_was_typed_and_writes_nothing(client, comment, reporter):
    client.force_login(reporter)
    response = client.post(report_url("kommentar", comment.pk), {"text": "Ohne Grund gewählt"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte wählen Sie einen Grund." in page
    assert "Ohne Grund gewählt" in page
    response = client.post(report_url("kommentar", comment.pk), {"reason": "other", "text": ""})
    assert "Bitte beschreiben Sie kurz" in response.content.decode()
    assert not Report.objects.exists()
    assert not ModerationAction.objects.exists()


def test_the_author_cannot_report_their_own_comment(client, comment, author):
    client.force_login(author)
    page = client.get(report_url("kommentar", comment.pk)).content.decode()
    assert "Ihre eigenen Beiträge können Sie nicht melden" in page
    assert client.post(report_url("kommentar", comment.pk), {"reason": "spam"}).status_code == 403
    assert not Report.objects.exists()


def test_an_unverified_member_is_asked_to_verify(client, comment, citizen):
    client.force_login(citizen)
    page = client.get(report_url("kommentar", comment.pk)).content.decode()
    assert "bestätigen Sie zuerst Ihre E-Mail-Adresse" in page
    assert client.post(report_url("kommentar", comment.pk), {"reason": "spam"}).status_code == 403


def test_unknown_keys_missing_and_hidden_items_are_not_found(client, idea, comment, reporter, moderator):
    from smartregion.moderation import actions

    client.force_login(reporter)
    assert client.get(report_url("nichts", 1)).status_code == 404
    assert client.get(report_url("kommentar", comment.pk + 1000)).status_code == 404
    actions.hide(comment, moderator, "off_topic")
    assert client.get(report_url("kommentar", comment.pk)).status_code == 404


def test_reports_are_rate_limited(client, idea, reporter, monkeypatch):
    monkeypatch.setattr(views, "REPORTS_PER_HOUR", 2)
    comments = [CommentFactory(target=idea) for _ in range(3)]
    client.force_login(reporter)
    statuses = [client.post(report_url("kommentar", c.pk), {"reason": "spam"}).status_code for c in comments]
    assert statuses == [302, 302, 429]
    assert Report.objects.count() == 2


def test_the_report_form_needs_no_more_queries_for_more_reports(
    client, comment, reporter, other_reporter, django_assert_num_queries
):
    from smartregion.moderation import actions

    client.force_login(reporter)
    # The first visit makes the region's settings rows and the session.
    client.get(report_url("kommentar", comment.pk))
    # session, user, comment with author, the open report of this person,
    # the idea (the comment's target) with process, municipalities and
    # author, the region's settings, the home page and the site links of
    # the layout (the verified address is remembered in the session).
    with django_assert_num_queries(8):
        client.get(report_url("kommentar", comment.pk))
    actions.report(comment, other_reporter, "spam")
    with django_assert_num_queries(8):
        client.get(report_url("kommentar", comment.pk))


def test_a_visible_comment_on_a_hidden_idea_cannot_be_reached_through_the_report_form(
    client, idea, comment, reporter, moderator
):
    from smartregion.moderation import actions
    from smartregion.participation.models import HiddenReason

    actions.hide(idea, moderator, HiddenReason.OFF_TOPIC)

    assert client.get(report_url("kommentar", comment.pk)).status_code == 404
    client.force_login(reporter)
    assert client.get(report_url("kommentar", comment.pk)).status_code == 404
    assert client.post(report_url("kommentar", comment.pk), {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_an_idea_of_a_process_in_draft_cannot_be_reached_through_the_report_form(client, idea, reporter):
    from smartregion.participation.models import Process

    Process.objects.filter(pk=idea.process_id).update(status=Process.Status.DRAFT)

    assert client.get(report_url("idee", idea.pk)).status_code == 404
    client.force_login(reporter)
    assert client.post(report_url("idee", idea.pk), {"reason": "spam"}).status_code == 404
