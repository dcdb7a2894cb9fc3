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
    """A phase that runs from a week ago to a week from now and opens
    nothing (give `opens=["ideas.submit", ...]`)."""

    class Meta:
        model = Phase

    process = factory.SubFactory(ProcessFactory)
    title = factory.Sequence(lambda n: f"Phase {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=7))
    ends_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    opens = factory.LazyFunction(list)


def process_with_phase(*keys: str, **process_fields) -> Process:
    """A published process whose one phase runs now opening the actions
    `keys`, e.g. process_with_phase("ideas.submit", "ideas.comment")."""
    process = ProcessFactory(**process_fields)
    PhaseFactory(process=process, opens=list(keys))
    return process


def open_process(**process_fields) -> Process:
    """A published process in which people may submit, comment and
    support right now."""
    return process_with_phase("ideas.submit", "ideas.comment", "ideas.support", **process_fields)
