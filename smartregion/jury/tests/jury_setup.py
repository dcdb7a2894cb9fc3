"""What the jury tests share: a process whose jury phase runs, with
criteria and assigned jurors."""

from smartregion.accounts.roles import JURORS
from smartregion.accounts.tests.factories import UserFactory, staff_group, verify_email
from smartregion.jury.tests.factories import JuryCriterionFactory
from smartregion.participation.tests.factories import process_with_phase


def jury_process(*jurors, weights=(1,), switches=("jury.rate",), **process_fields):
    """A published process whose one phase runs now with `switches` on,
    one criterion per weight in `weights`, and `jurors` assigned."""
    process = process_with_phase(*switches, **process_fields)
    for number, weight in enumerate(weights, start=1):
        JuryCriterionFactory(process=process, name=f"Kriterium {number}", weight=weight, sort_order=number)
    if jurors:
        # A ParentalManyToManyField writes its rows on save().
        process.jurors.add(*jurors)
        process.save()
    return process


def new_juror(email=None, name="Juror"):
    """Another verified member of the Jury group."""
    fields = {"display_name": name, "groups": [staff_group(JURORS)]}
    if email:
        fields["email"] = email
    return verify_email(UserFactory(**fields))


def board_url(process):
    return f"/redaktion/jury/{process.slug}/"


def rate_url(process, idea):
    return f"/redaktion/jury/{process.slug}/ideen/{idea.pk}/"


def ranking_url(process):
    return f"/redaktion/jury/{process.slug}/rangliste/"


def rating_post(process, scores, notes=None):
    """The rating form as the browser posts it: scores {criterion: score}
    and notes {criterion: text}."""
    data = {}
    for criterion, score in scores.items():
        data[f"score_{criterion.pk}"] = str(score)
        data[f"note_{criterion.pk}"] = ""
    for criterion, note in (notes or {}).items():
        data[f"note_{criterion.pk}"] = note
    return data
