"""Supports and submits at the same moment, with real threads on
PostgreSQL.

SQLite has no row locks to test (its IMMEDIATE transactions let one writer
in at a time), so these run only when the suite runs on PostgreSQL, as CI
does."""

import uuid

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas.actions import submit_idea, support_idea, withdraw_support
from smartregion.ideas.models import Idea, Support
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.lib.tests.concurrency import only_on_postgresql, run_at_once
from smartregion.participation.tests.factories import open_process

pytestmark = only_on_postgresql


def test_twenty_people_supporting_at_once_give_twenty(transactional_db):
    idea = IdeaFactory(process=open_process())
    people = UserFactory.create_batch(20)

    results, errors = run_at_once(lambda person: support_idea(Idea(pk=idea.pk), person), people)

    assert errors == []
    assert results == [True] * 20
    idea.refresh_from_db()
    assert idea.support_count == 20 == Support.objects.filter(idea=idea).count()


def test_one_person_supporting_twice_at_once_gives_one(transactional_db):
    idea = IdeaFactory(process=open_process())
    person = UserFactory()

    results, errors = run_at_once(lambda _: support_idea(Idea(pk=idea.pk), person), range(5))

    assert errors == []
    assert sorted(results) == [False] * 4 + [True]
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.filter(idea=idea).count()


def test_supports_and_withdrawals_at_once_keep_the_count_exact(transactional_db):
    idea = IdeaFactory(process=open_process())
    leaving = UserFactory.create_batch(10)
    for person in leaving:
        support_idea(idea, person)
    coming = UserFactory.create_batch(10)

    def act(pair):
        action, person = pair
        return action(Idea(pk=idea.pk), person)

    _, errors = run_at_once(act, [(withdraw_support, p) for p in leaving] + [(support_idea, p) for p in coming])

    assert errors == []
    idea.refresh_from_db()
    assert idea.support_count == 10 == Support.objects.filter(idea=idea).count()


def test_two_identical_submits_at_once_give_one_idea(transactional_db):
    process = open_process()
    author = UserFactory()
    key = uuid.uuid4()
    data = {"title": "Bücherschrank", "text": "Ein offener Bücherschrank am Bahnhof.", "topics": []}

    results, errors = run_at_once(lambda _: submit_idea(process, author, data, submission_key=key), range(2))

    assert errors == []
    assert len({idea.pk for idea in results}) == 1
    assert Idea.objects.filter(submission_key=key).count() == 1
