import datetime as dt

import factory
from django.utils import timezone

from smartregion.accounts.tests.factories import UserFactory, verify_email
from smartregion.events.models import Event, EventRegistration


def in_days(days: int, hour: int = 18, minute: int = 0) -> dt.datetime:
    """`days` from today at `hour`:`minute` in Europe/Berlin."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


class EventFactory(factory.django.DjangoModelFactory):
    """A published Kommunaldialog in two weeks with open registration and
    unlimited seats."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kommunaldialog {n}")
    kind = Event.Kind.KOMMUNALDIALOG
    status = Event.Status.PUBLISHED
    summary = "Wie soll die Kommune digitaler werden? Reden Sie mit."
    starts_at = factory.LazyFunction(lambda: in_days(14, 18))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    venue = "Bürgerhaus"
    address = "Marktplatz 1\n56727 Mayen"
    registration = Event.Registration.OPEN
    capacity = None

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed member's registration (pass user=None, name and email
    for a guest)."""

    class Meta:
        model = EventRegistration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = EventRegistration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


def verified_people(count: int, prefix: str = "person") -> list:
    """`count` members with verified addresses, who may register."""
    return [verify_email(UserFactory(email=f"{prefix}{i}@example.org")) for i in range(count)]
