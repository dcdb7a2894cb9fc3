import datetime as dt

import factory
from django.utils import timezone

from smartregion.participation.models import Phase, Process


class ProcessFactory(factory.django.DjangoModelFactory):
    """A published, region-wide process with post-moderation and no phase
    (add phases with PhaseFactory or use `process_with_phase`)."""

    class Meta:
        model = Process
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ideenwettbewerb {n}")
    slug = factory.Sequence(lambda n: f"ideenwettbewerb-{n}")
    summary = "Welche Idee macht das Leben in der Region leichter?"
    status = Process.Status.PUBLISHED
    moderation = Process.ModerationMode.POST


class PhaseFactory(factory.django.DjangoModelFactory):
    """A phase that runs from a week ago to a week from now, with every
    switch off."""

    class Meta:
        model = Phase

    process = factory.SubFactory(ProcessFactory)
    title = factory.Sequence(lambda n: f"Phase {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))


def process_with_phase(*switches: str, **process_fields) -> Process:
    """A published process whose one phase runs now with `switches` on,
    e.g. process_with_phase("ideas_open", "comments_open")."""
    process = ProcessFactory(**process_fields)
    PhaseFactory(process=process, **dict.fromkeys(switches, True))
    return process


def open_process(**process_fields) -> Process:
    """A published process in which people may submit, comment and
    support right now."""
    return process_with_phase("ideas_open", "comments_open", "supports_open", **process_fields)
