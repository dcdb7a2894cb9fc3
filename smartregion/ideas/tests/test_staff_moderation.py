"""Moderators approve ideas waiting in a pre-moderated process, hide ideas
with a public reason, and restore them, on the backend's idea page as in
the moderation queue: through the moderation's actions, so that every
decision is in its audit log. Hidden ideas leave every list; the author
and the staff still reach them."""

import pytest
from django.urls import reverse

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas import actions
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.participation.models import HiddenReason, Moderation, Process
from smartregion.participation.tests.factories import ProcessFactory


def moderate_url(idea):
    return reverse("ideas_staff:idea-moderate", args=[idea.pk])


def detail_url(idea):
    return reverse("ideas_staff:idea-detail", args=[idea.pk])


@pytest.fixture
def pending_idea(db, mayen):
    process = ProcessFactory(moderation=Process.ModerationMode.PRE)
    return IdeaFactory(process=process, municipality=mayen, moderation=Moderation.PENDING, title="Dorfladen")


@pytest.fixture
def visible_idea(db, mayen):
    return IdeaFactory(municipality=mayen, title="Kaufen Sie günstig bei uns")


@pytest.fixture
def as_moderator(client, moderator):
    return log_in_with_second_factor(client, moderator)


def test_a_moderator_approves_a_waiting_idea(as_moderator, pending_idea):
    assert pending_idea not in Idea.objects.public()
    page = as_moderator.get(detail_url(pending_idea)).content.decode()
    assert "Die Idee wartet auf Freigabe" in page
    assert "Freigeben" in page

    response = as_moderator.post(moderate_url(pending_idea), {"action": "approve"})
    assert response.status_code == 302
    assert response.url == detail_url(pending_idea)
    pending_idea.refresh_from_db()
    assert pending_idea.moderation == Moderation.VISIBLE
    assert pending_idea in Idea.objects.public()
    page = as_moderator.get(detail_url(pending_idea)).content.decode()
    assert "Die Idee ist freigegeben und jetzt öffentlich." in page
    assert "Freigegeben" in page  # the history


def test_approving_twice_changes_nothing(moderator, pending_idea):
    assert actions.approve_idea(pending_idea, by=moderator)
    assert not actions.approve_idea(pending_idea, by=moderator)


def test_a_moderator_hides_an_idea_with_a_reason_and_restores_it(as_moderator, visible_idea):
    response = as_moderator.post(
        moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.ADVERTISING}
    )
    assert response.status_code == 302
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.HIDDEN
    assert visible_idea.hidden_reason == HiddenReason.ADVERTISING
    assert visible_idea not in Idea.objects.public()
    page = as_moderator.get(detail_url(visible_idea)).content.decode()
    assert "Von der Moderation ausgeblendet (Werbung)" in page
    assert "Wieder einblenden" in page

    response = as_moderator.post(moderate_url(visible_idea), {"action": "restore"})
    assert response.status_code == 302
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE
    assert visible_idea.hidden_reason == ""
    assert visible_idea in Idea.objects.public()


def test_a_waiting_idea_can_be_hidden_instead_of_approved(moderator, pending_idea):
    assert actions.hide_idea(pending_idea, HiddenReason.OFF_TOPIC, by=moderator)
    pending_idea.refresh_from_db()
    assert pending_idea.moderation == Moderation.HIDDEN
    assert not actions.restore_idea(IdeaFactory(), by=moderator)


def test_hiding_needs_a_reason_from_the_list(as_moderator, visible_idea):
    response = as_moderator.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": ""})
    assert response.status_code == 400
    assert "Bitte wählen Sie einen Grund für das Ausblenden." in response.content.decode()
    response = as_moderator.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": "langweilig"})
    assert response.status_code == 400
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE
    with pytest.raises(ValueError):
        actions.hide_idea(visible_idea, "langweilig", by=None)


def test_a_decision_on_the_idea_page_is_in_the_audit_log(as_moderator, moderator, visible_idea):
    from smartregion.moderation.models import ModerationAction

    as_moderator.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.OTHER})

    entry = ModerationAction.objects.get(object_id=visible_idea.pk)
    assert (entry.action, entry.actor, entry.reason) == (ModerationAction.Action.HIDE, moderator, HiddenReason.OTHER)
    assert (entry.state_before, entry.state_after) == ("visible", "hidden")


def test_an_editor_leaves_moderation_to_the_moderators(client, editor, visible_idea):
    log_in_with_second_factor(client, editor)
    client.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.OTHER})
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE


def test_a_guide_cannot_moderate(client, guide_mayen, visible_idea):
    log_in_with_second_factor(client, guide_mayen)
    response = client.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.OTHER})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE


def test_a_citizen_cannot_moderate(client, citizen, visible_idea):
    client.force_login(citizen)
    client.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.OTHER})
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE


def test_moderation_is_only_by_post(as_moderator, visible_idea):
    assert as_moderator.get(moderate_url(visible_idea)).status_code == 405


def test_an_unknown_action_does_nothing(as_moderator, visible_idea):
    response = as_moderator.post(moderate_url(visible_idea), {"action": "delete"})
    assert response.status_code == 302
    visible_idea.refresh_from_db()
    assert visible_idea.moderation == Moderation.VISIBLE


def test_the_rules_let_the_author_and_the_staff_see_a_hidden_idea(moderator, citizen, other_citizen, visible_idea):
    actions.hide_idea(visible_idea, HiddenReason.DISRESPECTFUL, by=moderator)
    visible_idea.author = citizen
    assert citizen.has_perm("ideas.view_idea", visible_idea)
    assert moderator.has_perm("ideas.view_idea", visible_idea)
    assert not other_citizen.has_perm("ideas.view_idea", visible_idea)


def test_hiding_ends_the_cached_public_page_and_the_author_reads_why(
    client, moderator, citizen, visible_idea, django_capture_on_commit_callbacks
):
    from django.test import Client

    visible_idea.author = citizen
    visible_idea.save(update_fields=["author"])
    anonymous = Client()
    assert anonymous.get(visible_idea.get_absolute_url()).status_code == 200  # now cached
    log_in_with_second_factor(client, moderator)
    # The decision ends the cached page when it commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(visible_idea), {"action": "hide", "hide-reason": HiddenReason.ADVERTISING})
    # In its place a notice with the reason, nothing of the idea itself.
    placeholder = anonymous.get(visible_idea.get_absolute_url())
    assert placeholder.status_code == 200
    assert "Von der Moderation ausgeblendet: Werbung" in placeholder.content.decode()
    assert "Kaufen Sie günstig" not in placeholder.content.decode()
    author = Client()
    author.force_login(citizen)
    page = author.get(visible_idea.get_absolute_url()).content.decode()
    assert "Von der Moderation ausgeblendet" in page
    assert "Werbung" in page
