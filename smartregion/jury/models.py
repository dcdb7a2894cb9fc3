"""The jury's criteria (per process) and the jurors' ratings of ideas.

Both models lived in the ideas app until the jury became an app of its own;
they keep the tables they had there (ideas_jurycriterion, ideas_juryrating),
so no row moved (migrations jury.0001 and ideas.0002).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable


class JuryCriterion(Orderable):
    process = ParentalKey(
        "participation.Process", on_delete=models.CASCADE, related_name="jury_criteria", verbose_name=_("Verfahren")
    )
    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Beschreibung"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("Gewicht"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )

    SCALE = range(1, 6)

    class Meta(Orderable.Meta):
        db_table = "ideas_jurycriterion"
        verbose_name = _("Kriterium der Jury")
        verbose_name_plural = _("Kriterien der Jury")

    def __str__(self):
        return self.name


class JuryRating(models.Model):
    """One juror's score (1 to 5) of one idea on one criterion, with a note
    only the juror and the staff see."""

    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, related_name="jury_ratings")
    criterion = models.ForeignKey(JuryCriterion, on_delete=models.CASCADE, related_name="ratings")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="jury_ratings"
    )
    score = models.PositiveSmallIntegerField(_("Punkte"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    note = models.TextField(_("Notiz"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "ideas_juryrating"
        verbose_name = _("Bewertung der Jury")
        verbose_name_plural = _("Bewertungen der Jury")
        constraints = [
            models.UniqueConstraint(fields=["idea", "criterion", "juror"], name="one_rating_per_juror_criterion_idea"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="jury_score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.idea_id}/{self.criterion_id}: {self.score}"
