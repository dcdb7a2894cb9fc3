"""`seed_demo` adds the finished "Ideenwettbewerb 2021" (jury, ratings,
three winners) and the standing "Ideenspeicher" (ideas in every
municipality, some collected on site, with comments and supports). A second
run changes nothing. The demo is seeded once for this module (`seeded`)."""

import datetime as dt
from io import StringIO
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone
from shapely.geometry import Point, shape

from smartregion.accounts.roles import JURORS
from smartregion.comments.models import Comment
from smartregion.demo import loader
from smartregion.ideas.models import Idea, Support
from smartregion.jury.models import JuryCriterion, JuryRating
from smartregion.participation.models import Phase, Process
from smartregion.region.models import Municipality, Topic

BERLIN = ZoneInfo("Europe/Berlin")
REGION = loader.region_folder("myk10")
IDEAS = REGION.read("ideas")
COMPETITION, STORE = "ideenwettbewerb-2021", "ideenspeicher"
# The competition's four categories map onto the region's topics.
CATEGORY_TOPICS = {
    "Arbeit und Bildung": ("arbeit", "bildung"),
    "Versorgen": ("versorgung",),
    "Mobilität": ("mobilitaet",),
    "Freizeit": ("freizeit",),
}
CITIZENS = {"anna@demo.invalid", "ben@demo.invalid", "clara@demo.invalid"}
S = Idea.Status


def seed():
    call_command("seed_demo", stdout=StringIO())


def competition():
    return Process.objects.get(slug=COMPETITION)


def store():
    return Process.objects.get(slug=STORE)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Process, Phase, Idea, Support, Comment, JuryCriterion, JuryRating, Topic)
    } | {
        "jurors": Process.jurors.through.objects.count(),
        "idea topics": Idea.topics.through.objects.count(),
        "counters": sorted(Idea.objects.values_list("pk", "support_count", "comment_count")),
    }


def test_a_second_run_changes_nothing(seeded):
    before = counts()

    seed()

    assert counts() == before
    assert before["Idea"] == sum(len(items) for items in IDEAS["ideas"].values())


def test_a_deleted_idea_comes_back_with_its_supports_and_comments(seeded):
    idea = store().ideas.get(title="Mitfahrbänke im ganzen Maifeld")
    expected = (idea.support_count, idea.comment_count)
    Comment.objects.filter(object_id=idea.pk, content_type=ContentType.objects.get_for_model(Idea)).delete()
    idea.delete()

    seed()

    idea = store().ideas.get(title="Mitfahrbänke im ganzen Maifeld")
    assert (idea.support_count, idea.comment_count) == expected == (2, 2)


def test_the_competition_is_finished_with_its_2021_phases(seeded):
    process = competition()
    phases = process.ordered_phases()

    assert process.status == Process.Status.PUBLISHED
    assert process.state() == "finished"
    assert process.has_begun("jury.results")
    assert [phase.title for phase in phases] == ["Einreichung", "Bewertung durch die Jury", "Ergebnisse"]
    submission, jury, results = phases
    assert timezone.localtime(submission.starts_at, BERLIN).date() == dt.date(2021, 10, 7)
    # Ideas until the end of 7 November (Europe/Berlin).
    assert timezone.localtime(submission.ends_at, BERLIN) == dt.datetime(2021, 11, 8, tzinfo=BERLIN)
    assert submission.opens == ["ideas.submit", "ideas.comment"]
    assert jury.opens == ["jury.rate"]
    assert timezone.localtime(results.starts_at, BERLIN).date() == dt.date(2021, 11, 30)
    assert results.opens == ["jury.results"]
    # No public vote in any phase.
    assert not any(phase.has("ideas.support") for phase in phases)


def test_the_store_has_one_open_ended_phase_since_the_platform_started(seeded):
    process = store()
    (phase,) = process.ordered_phases()

    assert timezone.localtime(phase.starts_at, BERLIN).date() == dt.date(2021, 9, 23)
    assert phase.ends_at is None
    assert phase.opens == ["ideas.submit", "ideas.comment", "ideas.support"]
    assert process.state() == "running"
    assert process.is_open("ideas.support")


def test_the_competition_topics_are_its_four_categories(seeded):
    slugs = set(competition().topics.values_list("slug", flat=True))

    assert slugs == {"arbeit", "bildung", "versorgung", "mobilitaet", "freizeit"}
    for idea in competition().ideas.prefetch_related("topics"):
        categories = [
            name for name, topics in CATEGORY_TOPICS.items() if {t.slug for t in idea.topics.all()} == set(topics)
        ]
        assert len(categories) == 1, idea


def test_three_jurors_rate_every_idea_on_six_weighted_criteria(seeded):
    process = competition()
    jurors = list(process.jurors.all())
    criteria = list(process.jury_criteria.all())
    ideas = process.ideas.count()

    assert len(jurors) == 3
    assert all(juror.groups.filter(name=JURORS).exists() for juror in jurors)
    assert len(criteria) == 6
    assert {criterion.weight for criterion in criteria} > {1}
    assert 18 <= ideas <= 22
    assert JuryRating.objects.filter(idea__process=process).count() == ideas * 3 * 6


def test_three_winners_with_public_statements_lead_the_ranking(seeded):
    process = competition()
    winners = list(process.ideas.filter(status=S.WINNER))
    weights = {criterion.pk: criterion.weight for criterion in process.jury_criteria.all()}

    def weighted_mean(idea):
        ratings = list(idea.jury_ratings.all())
        return sum(r.score * weights[r.criterion_id] for r in ratings) / sum(weights[r.criterion_id] for r in ratings)

    assert len(winners) == 3
    assert all(len(idea.jury_statement) > 100 for idea in winners)
    assert {timezone.localdate(idea.status_changed_at, BERLIN) for idea in winners} == {dt.date(2021, 11, 30)}
    assert process.results_statement
    ranking = sorted(process.ideas.prefetch_related("jury_ratings"), key=weighted_mean, reverse=True)
    assert {idea.pk for idea in ranking[:3]} == {idea.pk for idea in winners}


def test_the_store_has_ideas_in_every_municipality(seeded):
    ideas = store().ideas.all()
    per_municipality = dict(ideas.values_list("municipality__slug").annotate(n=Count("pk")))

    assert 35 <= ideas.count() <= 45
    assert set(Municipality.objects.values_list("slug", flat=True)) <= set(per_municipality)
    assert per_municipality.get(None, 0) >= 1  # the whole region


def test_about_a_quarter_of_the_store_was_collected_on_site(seeded):
    ideas = store().ideas.all()
    on_site = list(ideas.on_site().select_related("captured_by", "municipality"))

    assert 0.2 <= len(on_site) / ideas.count() <= 0.3
    assert {idea.channel for idea in on_site} == {"paper", "stand", "event", "mail", "phone"}
    for idea in on_site:
        assert idea.author is None
        assert idea.collected_on and idea.collected_at
        assert idea.created_at.date() >= idea.collected_on
        assert idea.captured_by is not None
    guide_ideas = [idea for idea in on_site if idea.captured_by.email == IDEAS["entered_by"]["guide"]]
    assert guide_ideas
    guide_area = set(guide_ideas[0].captured_by.guide_municipalities.values_list("pk", flat=True))
    assert all(idea.municipality_id in guide_area for idea in guide_ideas)
    assert any(idea.contributor_name for idea in on_site)
    assert any(not idea.contributor_name for idea in on_site)


def test_store_statuses_vary_and_come_with_a_note(seeded):
    ideas = store().ideas.exclude(status=S.SUBMITTED)
    statuses = set(ideas.values_list("status", flat=True))

    assert {S.IN_REVIEW, S.IN_IMPLEMENTATION, S.IMPLEMENTED} <= statuses
    for idea in ideas:
        assert idea.status_note and idea.status_changed_at > idea.created_at


def test_every_point_lies_inside_the_municipality_of_its_idea(seeded):
    ideas = list(Idea.objects.filter(latitude__isnull=False).select_related("municipality"))

    assert len(ideas) >= 15
    assert {idea.municipality.slug for idea in ideas} >= {"vordereifel", "mayen", "andernach"}
    for idea in ideas:
        assert shape(idea.municipality.boundary).contains(Point(idea.longitude, idea.latitude)), idea
    assert not Idea.objects.filter(latitude__isnull=False, municipality__isnull=True).exists()


def test_the_counters_match_the_rows(seeded):
    idea_type = ContentType.objects.get_for_model(Idea)
    comments = dict(
        Comment.objects.filter(content_type=idea_type, status=Comment.Status.VISIBLE)
        .values_list("object_id")
        .annotate(n=Count("pk"))
    )
    supports = dict(Support.objects.values_list("idea_id").annotate(n=Count("pk")))

    for idea in Idea.objects.all():
        assert idea.support_count == supports.get(idea.pk, 0), idea
        assert idea.comment_count == comments.get(idea.pk, 0), idea
    assert sum(supports.values()) >= 40
    assert Comment.objects.filter(parent__isnull=False).count() >= 5


def test_supports_come_from_citizens_in_the_store_only_and_never_from_the_author(seeded):
    supports = Support.objects.select_related("idea__process", "user")

    assert {support.idea.process.slug for support in supports} == {STORE}
    assert {support.user.email for support in supports} <= CITIZENS
    assert not any(support.user_id == support.idea.author_id for support in supports)


def test_dates_follow_the_processes(seeded):
    for idea in competition().ideas.all():
        assert dt.date(2021, 10, 7) <= timezone.localdate(idea.created_at, BERLIN) <= dt.date(2021, 11, 7), idea
    for idea in store().ideas.all():
        assert timezone.localdate(idea.created_at, BERLIN) >= dt.date(2021, 9, 23), idea
        assert idea.created_at <= timezone.now()
    for comment in Comment.objects.all():
        assert comment.created_at <= timezone.now()
