import factory
from django.contrib.contenttypes.models import ContentType

from smartregion.accounts.tests.factories import UserFactory
from smartregion.moderation.models import Report, WatchedTerm


class ReportFactory(factory.django.DjangoModelFactory):
    """An open report on `item` (pass item=an idea or a comment). Tests of
    the flow go through moderation.actions.report."""

    class Meta:
        model = Report
        exclude = ["item"]

    item = None
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.item))
    object_id = factory.LazyAttribute(lambda o: o.item.pk)
    reporter = factory.SubFactory(UserFactory)
    reason = Report.Reason.SPAM


class WatchedTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchedTerm

    term = factory.Sequence(lambda n: f"wort{n}")
