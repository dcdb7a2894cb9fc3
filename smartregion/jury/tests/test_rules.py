"""Who may open a jury board, rate an idea and manage the jury
(jury.view_jury_board, jury.rate_idea, jury.manage_jury)."""

import pytest
import rules

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas.models import Idea
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.tests.jury_setup import jury_process, new_juror
from smartregion.participation.models import Moderation
from smartregion.participation.tests.factories import process_with_phase

pytestmark = pytest.mark.django_db


def test_an_assigned_juror_rates_while_the_jury_phase_runs(juror):
    process = jury_process(juror)
    idea = IdeaFactory(process=process)
    assert rules.has_perm("jury.view_jury_board", juror, process)
    assert rules.has_perm("jury.rate_idea", juror, idea)


def test_a_juror_of_another_process_does_not_rate(juror):
    jury_process(juror)
    other = jury_process(new_juror())
    idea = IdeaFactory(process=other)
    assert not rules.has_perm("jury.view_jury_board", juror, other)
    assert not rules.has_perm("jury.rate_idea", juror, idea)


def test_an_assigned_account_outside_the_jury_group_does_not_rate(citizen):
    process = jury_process(citizen)
    idea = IdeaFactory(process=process)
    assert not rules.has_perm("jury.view_jury_board", citizen, process)
    assert not rules.has_perm("jury.rate_idea", citizen, idea)


@pytest.mark.parametrize("switches", [(), ("ideas.submit", "ideas.comment", "ideas.support"), ("jury.results",)])
def test_nobody_rates_outside_the_jury_phase(juror, switches):
    process = jury_process(juror, switches=switches)
    idea = IdeaFactory(process=process)
    assert not rules.has_perm("jury.view_jury_board", juror, process)
    assert not rules.has_perm("jury.rate_idea", juror, idea)


def test_withdrawn_pending_and_hidden_ideas_are_not_rated(juror):
    process = jury_process(juror)
    withdrawn = IdeaFactory(process=process, status=Idea.Status.WITHDRAWN)
    pending = IdeaFactory(process=process, moderation=Moderation.PENDING)
    hidden = IdeaFactory(process=process, moderation=Moderation.HIDDEN)
    for idea in (withdrawn, pending, hidden):
        assert not rules.has_perm("jury.rate_idea", juror, idea), idea


def test_with_the_shortlist_only_the_shortlisted_and_winners_are_rated(juror):
    process = jury_process(juror, jury_shortlist_only=True)
    submitted = IdeaFactory(process=process)
    shortlisted = IdeaFactory(process=process, status=Idea.Status.SHORTLISTED)
    winner = IdeaFactory(process=process, status=Idea.Status.WINNER)
    assert not rules.has_perm("jury.rate_idea", juror, submitted)
    assert rules.has_perm("jury.rate_idea", juror, shortlisted)
    assert rules.has_perm("jury.rate_idea", juror, winner)


def test_editors_manage_the_jury_and_nobody_else(editor, moderator, juror, citizen):
    assert editor.has_perm("jury.manage_jury")
    for person in (moderator, juror, citizen):
        assert not person.has_perm("jury.manage_jury"), person


def test_editors_and_superusers_are_no_jurors(editor):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    process = jury_process()
    idea = IdeaFactory(process=process)
    for person in (editor, superuser):
        assert not rules.has_perm("jury.view_jury_board", person, process)
        assert not rules.has_perm("jury.rate_idea", person, idea)


def test_anonymous_visitors_do_nothing():
    from django.contrib.auth.models import AnonymousUser

    process = process_with_phase("jury.rate")
    idea = IdeaFactory(process=process)
    anonymous = AnonymousUser()
    assert not rules.has_perm("jury.view_jury_board", anonymous, process)
    assert not rules.has_perm("jury.rate_idea", anonymous, idea)
    assert not anonymous.has_perm("jury.manage_jury")
