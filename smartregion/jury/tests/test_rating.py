"""A juror rates an idea: 1 to 5 points per criterion with a private note;
saving leads to the next idea not rated; a second save updates the
rating. Bad input writes nothing and keeps what was typed."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from smartregion.accounts.tests.factories import log_in_with_second_factor
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury import actions
from smartregion.jury.models import JuryRating
from smartregion.jury.tests.factories import JuryCriterionFactory, JuryRatingFactory
from smartregion.jury.tests.jury_setup import board_url, jury_process, new_juror, rate_url, rating_post

pytestmark = pytest.mark.django_db

NOTE = "Geheime Randnotiz: erinnert an das Projekt in Kruft"


@pytest.fixture
def process(juror):
    return jury_process(juror, weights=(1, 3))


@pytest.fixture
def as_juror(client, juror):
    return log_in_with_second_factor(client, juror)


def criteria(process):
    return list(process.jury_criteria.order_by("sort_order"))


def test_a_juror_rates_an_idea_and_goes_on_to_the_next_one(as_juror, juror, process):
    first, second, third = (IdeaFactory(process=process) for _ in range(3))
    impact, cost = criteria(process)
    response = as_juror.post(rate_url(process, first), rating_post(process, {impact: 4, cost: 2}, {impact: NOTE}))
    assert response.status_code == 302
    assert response["Location"] == rate_url(process, second)
    ratings = {r.criterion_id: r for r in JuryRating.objects.filter(idea=first, juror=juror)}
    assert ratings[impact.pk].score == 4 and ratings[impact.pk].note == NOTE
    assert ratings[cost.pk].score == 2 and ratings[cost.pk].note == ""


def test_saving_skips_rated_ideas_and_wraps_around(as_juror, juror, process):
    first, second, third = (IdeaFactory(process=process) for _ in range(3))
    impact, cost = criteria(process)
    for criterion in (impact, cost):
        JuryRatingFactory(idea=third, criterion=criterion, juror=juror)
    response = as_juror.post(rate_url(process, second), rating_post(process, {impact: 3, cost: 3}))
    assert response["Location"] == rate_url(process, first)


def test_after_the_last_idea_the_board_says_all_are_rated(as_juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    response = as_juror.post(rate_url(process, idea), rating_post(process, {impact: 5, cost: 1}), follow=True)
    assert response.redirect_chain == [(board_url(process), 302)]
    content = response.content.decode()
    assert "Sie haben alle Ideen bewertet." in content
    assert "Sie haben 1 von 1 Idee bewertet." in content


def test_a_second_save_updates_the_rating(as_juror, juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    as_juror.post(rate_url(process, idea), rating_post(process, {impact: 1, cost: 1}, {impact: "erst"}))
    as_juror.post(rate_url(process, idea), rating_post(process, {impact: 5, cost: 4}, {impact: "dann"}))
    assert JuryRating.objects.filter(idea=idea, juror=juror).count() == 2
    assert dict(JuryRating.objects.filter(idea=idea).values_list("criterion_id", "score")) == {
        impact.pk: 5,
        cost.pk: 4,
    }
    assert JuryRating.objects.get(criterion=impact).note == "dann"


def test_the_form_shows_the_own_earlier_rating(as_juror, juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    JuryRatingFactory(idea=idea, criterion=impact, juror=juror, score=4, note=NOTE)
    content = as_juror.get(rate_url(process, idea)).content.decode()
    assert re.search(rf'name="score_{impact.pk}" value="4"[^>]*checked', content)
    assert not re.search(rf'name="score_{cost.pk}"[^>]*checked', content)
    assert NOTE in content


@pytest.mark.parametrize("bad", ["0", "6", "-1", "drei", "4.5", ""])
def test_it_refuses_a_score_outside_1_to_5_and_keeps_the_input(as_juror, process, bad):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    data = rating_post(process, {impact: 4}, {impact: "Bleibt stehen", cost: "Auch das"})
    data[f"score_{cost.pk}"] = bad
    response = as_juror.post(rate_url(process, idea), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in content
    assert "Bitte vergeben Sie 1 bis 5 Punkte." in content
    assert "Bleibt stehen" in content and "Auch das" in content
    assert response.context["form"][f"score_{impact.pk}"].value() == "4"
    assert not JuryRating.objects.exists()


def test_it_refuses_a_note_that_is_too_long(as_juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    data = rating_post(process, {impact: 4, cost: 4}, {impact: "x" * (actions.NOTE_MAX_LENGTH + 1)})
    response = as_juror.post(rate_url(process, idea), data)
    assert response.status_code == 200
    assert "höchstens 2000 Zeichen" in response.content.decode()
    assert not JuryRating.objects.exists()


def test_rating_needs_csrf(juror, process):
    from django.test import Client

    client = log_in_with_second_factor(Client(enforce_csrf_checks=True), juror)
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    response = client.post(rate_url(process, idea), rating_post(process, {impact: 4, cost: 4}))
    assert response.status_code == 403
    assert not JuryRating.objects.exists()


# The action itself.


def test_the_action_refuses_scores_outside_1_to_5(juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    for bad in (0, 6, "x", None):
        with pytest.raises(actions.JuryError):
            actions.rate_idea(juror, idea, {impact.pk: 3, cost.pk: bad})
    assert not JuryRating.objects.exists()


def test_the_action_refuses_a_criterion_of_another_process(juror, process):
    idea = IdeaFactory(process=process)
    foreign = JuryCriterionFactory()
    with pytest.raises(actions.JuryError):
        actions.rate_idea(juror, idea, {foreign.pk: 3})
    assert not JuryRating.objects.exists()


def test_the_action_checks_the_phase_again(juror, process):
    """The form was loaded while the jury phase ran; it ended before the
    POST arrived."""
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    process.phases.update(ends_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(actions.JuryError, match="gerade nicht bewerten"):
        actions.rate_idea(juror, idea, {impact.pk: 3, cost.pk: 3})
    assert not JuryRating.objects.exists()


def test_the_action_refuses_people_who_are_not_jurors_of_the_process(editor, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    for person in (editor, new_juror(email="andere.jury@example.org")):
        with pytest.raises(actions.JuryError):
            actions.rate_idea(person, idea, {impact.pk: 3, cost.pk: 3})
    assert not JuryRating.objects.exists()


def test_the_action_writes_all_or_nothing(juror, process):
    idea = IdeaFactory(process=process)
    impact, cost = criteria(process)
    with pytest.raises(actions.JuryError):
        actions.rate_idea(juror, idea, {impact.pk: 3, cost.pk: 9})
    assert not JuryRating.objects.exists()


# The private note.


def test_the_note_stays_private(client, juror, process, page_tree):
    other = new_juror(email="zweite@example.org", name="Zweite Jurorin")
    process.jurors.add(other)
    process.save()
    idea = IdeaFactory(process=process, title="Dorfladen mit Tauschregal")
    impact, cost = criteria(process)
    actions.rate_idea(juror, idea, {impact.pk: 5, cost.pk: 5}, {impact.pk: NOTE})
    actions.rate_idea(other, idea, {impact.pk: 2, cost.pk: 2})

    # Another juror sees the scores, not the note.
    log_in_with_second_factor(client, other)
    content = client.get(rate_url(process, idea)).content.decode()
    assert "Jurorin" in content and "5" in content
    assert NOTE not in content

    # The public pages never show it.
    client.logout()
    for url in (idea.get_absolute_url(), process.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Dorfladen mit Tauschregal" in response.content.decode()
        assert NOTE not in response.content.decode()
