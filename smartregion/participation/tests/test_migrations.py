"""The five switches of a phase become the keys it opens
(participation/migrations/0003): every phase keeps what it opened, and
going back gives the switches again."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("participation", "0002_phase_opens")
AFTER = ("participation", "0004_remove_phase_switches")
SWITCHES = ["ideas_open", "comments_open", "supports_open", "jury_open", "results_published"]


def state_apps(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    executor.loader.build_graph()
    return executor.loader.project_state(target).apps


def test_the_switches_become_keys_and_back():
    apps = state_apps(BEFORE)
    Process = apps.get_model("participation", "Process")
    Phase = apps.get_model("participation", "Phase")
    process = Process.objects.create(title="Wettbewerb", slug="wettbewerb", summary="…")
    now = timezone.now()
    for number, switches in enumerate(
        [("ideas_open", "comments_open"), ("jury_open",), ("results_published",), SWITCHES, ()]
    ):
        Phase.objects.create(
            process=process, title=f"Phase {number}", starts_at=now, sort_order=number, **dict.fromkeys(switches, True)
        )

    apps = state_apps(AFTER)
    Phase = apps.get_model("participation", "Phase")
    assert [phase.opens for phase in Phase.objects.order_by("sort_order")] == [
        ["ideas.submit", "ideas.comment"],
        ["jury.rate"],
        ["jury.results"],
        ["ideas.submit", "ideas.comment", "ideas.support", "jury.rate", "jury.results"],
        [],
    ]

    apps = state_apps(BEFORE)
    Phase = apps.get_model("participation", "Phase")
    assert [[name for name in SWITCHES if getattr(phase, name)] for phase in Phase.objects.order_by("sort_order")] == [
        ["ideas_open", "comments_open"],
        ["jury_open"],
        ["results_published"],
        SWITCHES,
        [],
    ]
    call_command("migrate", verbosity=0)
