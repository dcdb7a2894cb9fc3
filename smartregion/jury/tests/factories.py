import factory

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.jury.models import JuryCriterion, JuryRating
from smartregion.participation.tests.factories import ProcessFactory


class JuryCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryCriterion

    process = factory.SubFactory(ProcessFactory)
    name = factory.Sequence(lambda n: f"Kriterium {n}")
    weight = 1
    sort_order = factory.Sequence(lambda n: n)


class JuryRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryRating

    idea = factory.SubFactory(IdeaFactory)
    criterion = factory.SubFactory(JuryCriterionFactory)
    juror = factory.SubFactory(UserFactory)
    score = 3
