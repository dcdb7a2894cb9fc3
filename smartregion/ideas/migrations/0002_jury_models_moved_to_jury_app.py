"""JuryCriterion and JuryRating now belong to the jury app (jury.0001),
which took over their tables: they leave the ideas app's state only; the
tables and their rows stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0001_initial"),
        ("jury", "0001_take_over_jury_tables_from_ideas"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="JuryRating"),
                migrations.DeleteModel(name="JuryCriterion"),
            ],
            database_operations=[],
        ),
    ]
