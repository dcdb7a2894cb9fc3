from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0003_phase_opens_from_switches"),
    ]

    operations = [
        migrations.RemoveField(model_name="phase", name="ideas_open"),
        migrations.RemoveField(model_name="phase", name="comments_open"),
        migrations.RemoveField(model_name="phase", name="supports_open"),
        migrations.RemoveField(model_name="phase", name="jury_open"),
        migrations.RemoveField(model_name="phase", name="results_published"),
    ]
