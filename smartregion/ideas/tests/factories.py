import factory

from smartregion.accounts.tests.factories import UserFactory
from smartregion.ideas.models import Idea, Support
from smartregion.participation.tests.factories import ProcessFactory


class IdeaFactory(factory.django.DjangoModelFactory):
    """A visible online idea by a new member in a new published process."""

    class Meta:
        model = Idea
        skip_postgeneration_save = True

    process = factory.SubFactory(ProcessFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Mitfahrbank im Dorf {n}")
    text = "Eine Bank am Ortsausgang, auf der man zeigt, dass man mitgenommen werden möchte."

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)


class SupportFactory(factory.django.DjangoModelFactory):
    """A support row. Tests that count supports go through
    actions.support_idea, which also keeps Idea.support_count."""

    class Meta:
        model = Support

    idea = factory.SubFactory(IdeaFactory)
    user = factory.SubFactory(UserFactory)
