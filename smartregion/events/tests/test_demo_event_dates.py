"""The demo events' dates are relative to the day of seeding. On an empty
database, so apart from the tests that seed the whole demo once."""

import datetime as dt

from django.utils import timezone

from smartregion.demo import loader
from smartregion.events.models import Event


def test_dates_follow_the_day_of_seeding(db):
    later = timezone.localdate() + dt.timedelta(days=400)

    loader.load_events(loader.region_folder("myk10"), today=later)

    forum = Event.objects.get(kind=Event.Kind.ZUKUNFTSFORUM)
    assert timezone.localdate(forum.starts_at) == later + dt.timedelta(days=60)
