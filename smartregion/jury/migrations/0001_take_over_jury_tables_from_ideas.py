"""The jury's models move from the ideas app to the jury app, keeping their
tables (ideas_jurycriterion, ideas_juryrating) and every row in them.

Only Django's idea of the models changes: this migration adds them to the
jury app's state without touching the database, and ideas.0002 removes
them from the ideas app's state, again without touching the database. The
content types follow the models (so permissions or log entries that point
at them stay valid); on a new database there are none yet.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ("jurycriterion", "juryrating")


def relabel_content_types(apps, schema_editor, old="ideas", new="jury"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if not ContentType.objects.using(db).filter(app_label=new, model=model).exists():
            ContentType.objects.using(db).filter(app_label=old, model=model).update(app_label=new)


def relabel_content_types_back(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="jury", new="ideas")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("ideas", "0001_initial"),
        ("participation", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="JuryCriterion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("name", models.CharField(max_length=120, verbose_name="Name")),
                        ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                        (
                            "weight",
                            models.PositiveSmallIntegerField(
                                default=1,
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(10),
                                ],
                                verbose_name="Gewicht",
                            ),
                        ),
                        (
                            "process",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="jury_criteria",
                                to="participation.process",
                                verbose_name="Verfahren",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Kriterium der Jury",
                        "verbose_name_plural": "Kriterien der Jury",
                        "db_table": "ideas_jurycriterion",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="JuryRating",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        (
                            "score",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(5),
                                ],
                                verbose_name="Punkte",
                            ),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="Notiz")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "criterion",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ratings",
                                to="jury.jurycriterion",
                            ),
                        ),
                        (
                            "idea",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="jury_ratings", to="ideas.idea"
                            ),
                        ),
                        (
                            "juror",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="jury_ratings",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Bewertung der Jury",
                        "verbose_name_plural": "Bewertungen der Jury",
                        "db_table": "ideas_juryrating",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("idea", "criterion", "juror"), name="one_rating_per_juror_criterion_idea"
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("score__gte", 1), ("score__lte", 5)), name="jury_score_1_to_5"
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, relabel_content_types_back),
    ]
