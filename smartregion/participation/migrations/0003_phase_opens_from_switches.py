"""The five switches of a phase become the action keys it opens. Every
phase keeps exactly what it opened; backwards the keys become the switches
again."""

from django.db import migrations

# The switches in the order the backend showed them, and their keys.
SWITCHES = {
    "ideas_open": "ideas.submit",
    "comments_open": "ideas.comment",
    "supports_open": "ideas.support",
    "jury_open": "jury.rate",
    "results_published": "jury.results",
}


def switches_to_keys(apps, schema_editor):
    Phase = apps.get_model("participation", "Phase")
    phases = list(Phase.objects.all())
    for phase in phases:
        phase.opens = [key for switch, key in SWITCHES.items() if getattr(phase, switch)]
    Phase.objects.bulk_update(phases, ["opens"], batch_size=500)


def keys_to_switches(apps, schema_editor):
    Phase = apps.get_model("participation", "Phase")
    phases = list(Phase.objects.all())
    for phase in phases:
        for switch, key in SWITCHES.items():
            setattr(phase, switch, key in (phase.opens or ()))
    Phase.objects.bulk_update(phases, list(SWITCHES), batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0002_phase_opens"),
    ]

    operations = [
        migrations.RunPython(switches_to_keys, keys_to_switches),
    ]
