import factory
from django.contrib.contenttypes.models import ContentType

from smartregion.accounts.tests.factories import UserFactory
from smartregion.comments.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    """A visible comment on `target` (pass target=an idea). Tests that
    count comments go through comments.actions, which also keeps the
    target's comment_count."""

    class Meta:
        model = Comment
        exclude = ["target"]

    target = None
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_id = factory.LazyAttribute(lambda o: o.target.pk)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Gute Idee, das würde mir helfen ({n}).")
