"""Staff set the status of an idea with a public note; the author of an
online idea hears of it by e-mail after the commit. Ideas collected on site
have no author and send nothing. Citizens and regional guides cannot."""

import pytest
from django.core import mail
from django.urls import reverse

from smartregion.accounts.tests.factories import UserFactory, log_in_with_second_factor
from smartregion.ideas import actions
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory

Status = Idea.Status


def status_url(idea):
    return reverse("ideas_staff:idea-status", args=[idea.pk])


def detail_url(idea):
    return reverse("ideas_staff:idea-detail", args=[idea.pk])


@pytest.fixture
def idea(db, mayen):
    author = UserFactory(email="ideengeberin@example.org", display_name="Ideengeberin")
    return IdeaFactory(title="Mitfahrbank am Marktplatz", author=author, municipality=mayen)


@pytest.fixture
def paper_idea(db, mayen, guide_mayen):
    return IdeaFactory(
        title="Bücherschrank am Bahnhof",
        author=None,
        captured_by=guide_mayen,
        channel=Idea.Channel.PAPER,
        municipality=mayen,
    )


def post_status(client, idea, status=Status.IN_REVIEW, note="Wir prüfen, ob der Platz frei ist."):
    return client.post(status_url(idea), {"status-status": status, "status-note": note})


@pytest.mark.parametrize("person", ["editor", "moderator"])
def test_staff_set_the_status_and_the_author_gets_a_mail_after_the_commit(
    client, request, person, idea, django_capture_on_commit_callbacks
):
    log_in_with_second_factor(client, request.getfixturevalue(person))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_status(client, idea, Status.SHORTLISTED, "  Die Jury sieht sich die Idee genauer an.  ")
        # Nothing goes out before the commit.
        assert mail.outbox == []
    assert response.status_code == 302
    assert response.url == detail_url(idea)
    idea.refresh_from_db()
    assert idea.status == Status.SHORTLISTED
    assert idea.status_note == "Die Jury sieht sich die Idee genauer an."
    assert idea.status_changed_at is not None

    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ideengeberin@example.org"]
    assert message.subject == "Neuigkeiten zu Ihrer Idee „Mitfahrbank am Marktplatz“"
    assert "Guten Tag Ideengeberin," in message.body
    assert "Status: in der Auswahl" in message.body
    assert "Die Jury sieht sich die Idee genauer an." in message.body
    assert f"/beteiligung/{idea.process.slug}/ideen/{idea.pk}/" in message.body
    # Plain text, nothing escaped.
    assert "&" not in message.body


def test_the_mail_has_no_note_section_without_a_note(editor, idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_status(idea, Status.IMPLEMENTED, "", by=editor)
    assert len(mail.outbox) == 1
    assert "Rückmeldung:" not in mail.outbox[0].body
    assert "Status: umgesetzt" in mail.outbox[0].body


def test_setting_the_same_status_and_note_again_sends_nothing(editor, idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.set_status(idea, Status.IN_REVIEW, "Wir prüfen.", by=editor)
        assert not actions.set_status(idea, Status.IN_REVIEW, "Wir prüfen. ", by=editor)
    assert len(mail.outbox) == 1


def test_a_new_note_on_the_same_status_is_news_too(editor, idea, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_status(idea, Status.IN_REVIEW, "Wir prüfen.", by=editor)
        actions.set_status(idea, Status.IN_REVIEW, "Die Gemeinde ist einverstanden.", by=editor)
    assert len(mail.outbox) == 2
    assert "Die Gemeinde ist einverstanden." in mail.outbox[1].body


def test_a_rollback_sends_no_mail(editor, idea, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        actions.set_status(idea, Status.WINNER, "", by=editor)
        raise RuntimeError
    assert callbacks == []
    assert mail.outbox == []
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED


def test_an_idea_collected_on_site_gets_its_status_without_any_mail(
    client, editor, paper_idea, django_capture_on_commit_callbacks
):
    log_in_with_second_factor(client, editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_status(client, paper_idea, Status.IN_IMPLEMENTATION, "Der Schrank ist bestellt.")
    assert response.status_code == 302
    paper_idea.refresh_from_db()
    assert paper_idea.status == Status.IN_IMPLEMENTATION
    assert callbacks == []
    assert mail.outbox == []


def test_an_unknown_status_is_refused_and_nothing_changes(client, editor, idea, django_capture_on_commit_callbacks):
    log_in_with_second_factor(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_status(client, idea, "geheim", "Text")
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Status aus der Liste." in response.content.decode()
    # What was typed stays in the form.
    assert "Text</textarea>" in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED
    assert idea.status_note == ""
    assert mail.outbox == []
    with pytest.raises(ValueError):
        actions.set_status(idea, "geheim", "", by=editor)


def test_withdrawn_set_by_staff_dates_the_withdrawal(editor, idea):
    actions.set_status(idea, Status.WITHDRAWN, "Auf Wunsch der Verfasserin.", by=editor)
    idea.refresh_from_db()
    assert idea.is_withdrawn
    assert idea.withdrawn_at is not None
    actions.set_status(idea, Status.IN_REVIEW, "", by=editor)
    idea.refresh_from_db()
    assert idea.withdrawn_at is None


def test_a_citizen_cannot_set_a_status(client, citizen, idea):
    client.force_login(citizen)
    response = post_status(client, idea)
    assert response.status_code == 302
    assert "/konto/" in response.url or "/login" in response.url
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED


def test_a_regional_guide_cannot_set_a_status(client, guide_mayen, idea):
    log_in_with_second_factor(client, guide_mayen)
    response = post_status(client, idea)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED
    # The guide sees the idea of Mayen, without the form.
    page = client.get(detail_url(idea)).content.decode()
    assert "Status speichern" not in page
    assert "Ausblenden" not in page


def test_the_status_is_only_changed_by_post(client, editor, idea):
    log_in_with_second_factor(client, editor)
    assert client.get(status_url(idea)).status_code == 405


def test_the_staff_page_shows_the_form_and_who_did_what(client, editor, idea):
    log_in_with_second_factor(client, editor)
    post_status(client, idea, Status.NOT_PURSUED, "Dafür ist der Kreis nicht zuständig.")
    response = client.get(detail_url(idea))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aktueller Status: nicht weiterverfolgt" in page
    assert "Dafür ist der Kreis nicht zuständig." in page
    assert "Status gesetzt" in page
    assert "Redakteurin" in page


def test_the_public_note_is_shown_on_the_idea(client, editor, idea):
    actions.set_status(idea, Status.IN_IMPLEMENTATION, "Die Bank wird im Mai aufgestellt.", by=editor)
    response = client.get(idea.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "in Umsetzung" in page
    assert "Die Bank wird im Mai aufgestellt." in page
