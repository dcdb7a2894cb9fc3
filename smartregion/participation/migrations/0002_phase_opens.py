import django.db.models
from django.db import migrations

import smartregion.participation.models


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="phase",
            name="opens",
            field=smartregion.participation.models.OpensField(
                blank=True,
                default=list,
                help_text="Was Menschen tun können, solange die Phase läuft.",
                verbose_name="In dieser Phase möglich",
            ),
        ),
    ]
