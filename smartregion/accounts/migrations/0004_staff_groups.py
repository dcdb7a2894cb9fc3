from django.db import migrations


def create_groups(apps, schema_editor):
    from smartregion.accounts.roles import ensure_groups

    ensure_groups(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_profile_consents_audit"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
