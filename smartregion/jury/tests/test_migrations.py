"""The jury's models moved from ideas to jury keeping their tables
(jury.0001 and ideas.0002 change Django's state only), so databases from
before the move keep their criteria and ratings."""

from smartregion.jury.models import JuryCriterion, JuryRating


def test_the_jury_models_keep_the_tables_they_had_in_ideas():
    assert JuryCriterion._meta.db_table == "ideas_jurycriterion"
    assert JuryRating._meta.db_table == "ideas_juryrating"
