import datetime as dt
from decimal import Decimal

import factory
from django.utils.text import slugify
from wagtail.search import index

from smartregion.region.models import FocusArea, Municipality, Place, Topic


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A municipality; `places=["Kruft", "Saffig"]` adds member places (and
    refreshes the search index, which only sees places that exist)."""

    class Meta:
        model = Municipality
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Verbandsgemeinde Beispiel {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Municipality.Kind.ASSOCIATION
    key = factory.Sequence(lambda n: f"0713{n:05d}")
    population = 12345
    population_date = dt.date(2023, 12, 31)
    area_km2 = Decimal("53.94")
    seat_name = factory.Sequence(lambda n: f"Sitzort {n}")
    seat_lat = 50.37444
    seat_lon = 7.28083
    regional_guide = "Regionallotsin 1"

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for order, name in enumerate(extracted):
            PlaceFactory(municipality=self, name=name, sort_order=order)
        index.insert_or_update_object(self)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Ortsgemeinde {n}")
    sort_order = 0


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "Worum es in diesem Handlungsfeld geht."
    sort_order = factory.Sequence(int)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    title = factory.Sequence(lambda n: f"Zukunftsaufgabe {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Was sich in dieser Aufgabe ändern soll."
    sort_order = factory.Sequence(int)
