from django.db import migrations


def update_groups(apps, schema_editor):
    # Moderators read and decide reports and objections, administrators read
    # the moderation's audit log, editors keep the word list (roles.py).
    from smartregion.accounts.roles import ensure_groups

    ensure_groups(apps, strict=False)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_accountaction_moderation_scope_changed"),
        ("moderation", "0001_reports_audit_log_objections_word_list"),
    ]

    operations = [migrations.RunPython(update_groups, migrations.RunPython.noop)]
