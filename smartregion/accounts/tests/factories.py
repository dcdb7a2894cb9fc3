import factory
from django.contrib.auth.models import Group

from smartregion.accounts.models import User
from smartregion.accounts.roles import EDITORS

PASSWORD = "ein-langes-testpasswort"


class UserFactory(factory.django.DjangoModelFactory):
    """An account that logs in with its e-mail address (password PASSWORD)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


def editors_group():
    """The group created by the accounts migration."""
    return Group.objects.get(name=EDITORS)
