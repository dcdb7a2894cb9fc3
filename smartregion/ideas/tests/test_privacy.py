"""Ideas, supports and jury ratings in the data export and on account
deletion: ideas stay as public contributions without the author, supports
go and the counts follow, ratings lose the juror and the private note."""

import pytest
from django.core.files.base import ContentFile

from smartregion.accounts import privacy
from smartregion.accounts.actions import delete_account
from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas import actions
from smartregion.ideas.models import Idea, Support
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.models import JuryRating
from smartregion.jury.tests.factories import JuryRatingFactory
from smartregion.participation.tests.factories import open_process

from .imagefiles import jpeg_bytes

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_ideas_and_the_supports_of_the_person(citizen, other_citizen):
    process = open_process(title="Ideenspeicher")
    IdeaFactory(process=process, author=citizen, title="Bücherschrank")
    IdeaFactory(process=process, author=other_citizen, title="Nicht meine")
    supported = IdeaFactory(process=process, title="Mitfahrbank")
    actions.support_idea(supported, citizen)

    data = privacy.export_user_data(citizen)

    assert [row["title"] for row in data["ideas"]] == ["Bücherschrank"]
    assert data["ideas"][0]["process"] == "Ideenspeicher"
    assert [row["idea"] for row in data["idea_supports"]] == ["Mitfahrbank"]
    assert "Nicht meine" not in str(data)


def test_deleting_the_account_keeps_the_ideas_without_the_author(client, citizen):
    idea = IdeaFactory(process=open_process(), author=citizen, title="Bücherschrank")
    idea.image.save("bild.jpg", ContentFile(jpeg_bytes()), save=True)

    delete_account(citizen)

    idea.refresh_from_db()
    assert idea.author is None
    assert idea.title == "Bücherschrank"
    assert idea.image
    assert "Gelöschtes Konto" in client.get(idea.get_absolute_url()).content.decode()


def test_deleting_the_account_deletes_the_supports_and_lowers_the_counts(citizen):
    ideas = IdeaFactory.create_batch(3, process=open_process())
    others = UserFactory.create_batch(2)
    for idea in ideas:
        actions.support_idea(idea, citizen)
    actions.support_idea(ideas[0], others[0])
    actions.support_idea(ideas[0], others[1])

    delete_account(citizen)

    assert not Support.objects.filter(user_id=citizen.pk).exists()
    counts = [Idea.objects.get(pk=idea.pk).support_count for idea in ideas]
    assert counts == [2, 0, 0]
    assert counts[0] == Support.objects.filter(idea=ideas[0]).count()


def test_ideas_captured_by_a_guide_stay_when_the_guide_goes(guide_mayen):
    idea = IdeaFactory(process=open_process(), author=None, captured_by=guide_mayen, channel=Idea.Channel.PAPER)

    assert [row["title"] for row in privacy.export_user_data(guide_mayen)["ideas_captured"]] == [idea.title]
    delete_account(guide_mayen)

    idea.refresh_from_db()
    assert idea.captured_by is None
    assert idea.channel == Idea.Channel.PAPER


def test_jury_ratings_stay_without_the_juror_and_the_note(juror):
    rating = JuryRatingFactory(juror=juror, score=4, note="Nur für mich")

    assert privacy.export_user_data(juror)["jury_ratings"][0]["note"] == "Nur für mich"
    delete_account(juror)

    rating = JuryRating.objects.get(pk=rating.pk)
    assert (rating.juror, rating.score, rating.note) == (None, 4, "")
