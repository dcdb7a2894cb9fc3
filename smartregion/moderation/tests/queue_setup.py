"""People and items for the tests of the moderation backend (queue, item
page, objections, log). Items are reported and decided through
moderation.actions, as the public forms and the backend do."""

import datetime as dt
import itertools

from django.urls import reverse

from smartregion.accounts.roles import MODERATORS
from smartregion.accounts.tests.factories import UserFactory, staff_group, verify_email
from smartregion.comments.tests.factories import CommentFactory
from smartregion.ideas.tests.factories import IdeaFactory
from smartregion.moderation import actions
from smartregion.moderation.models import Report
from smartregion.participation.models import HiddenReason, Moderation
from smartregion.participation.tests.factories import ProcessFactory


def new_moderator(email, name, municipalities=()):
    """A member of "Moderation" with a verified address, scoped to
    `municipalities` (none: the whole county)."""
    user = verify_email(UserFactory(email=email, display_name=name, groups=[staff_group(MODERATORS)]))
    if municipalities:
        user.moderated_municipalities.add(*municipalities)
    return user


_reporters = itertools.count(1)


def new_citizen():
    n = next(_reporters)
    return verify_email(UserFactory(email=f"melder{n}@example.org", display_name=f"Melder {n}"))


def report_times(obj, count, reason=Report.Reason.SPAM):
    """`count` different people report `obj`."""
    return [actions.report(obj, new_citizen(), reason, "Bitte prüfen.") for _ in range(count)]


def reported_idea(municipality, reports=1, reason=Report.Reason.SPAM, **fields):
    idea = IdeaFactory(municipality=municipality, **fields)
    report_times(idea, reports, reason)
    return idea


def reported_comment(municipality, reports=1, reason=Report.Reason.INSULT, text="Du bist ein Idiot."):
    idea = IdeaFactory(municipality=municipality)
    comment = CommentFactory(target=idea, text=text)
    report_times(comment, reports, reason)
    return comment


def pending_comment(municipality, text="Wartet noch auf die Moderation."):
    idea = IdeaFactory(municipality=municipality)
    return CommentFactory(target=idea, text=text, status="pending")


def pending_idea(municipality, **fields):
    process = ProcessFactory(moderation="pre")
    return IdeaFactory(process=process, municipality=municipality, moderation=Moderation.PENDING, **fields)


def hidden_with_objection(municipality, hidden_by, text="Mein Kommentar war sachlich."):
    """A comment hidden by `hidden_by`, whose author objected."""
    idea = IdeaFactory(municipality=municipality)
    comment = CommentFactory(target=idea, text="Die Ratsmitglieder sind alle korrupt.")
    hide_action = actions.hide(comment, hidden_by, HiddenReason.DISRESPECTFUL, "Pauschale Beschimpfung.")
    objection = actions.object_to(hide_action, comment.author, text)
    return comment, objection


def make_older(model, pk, hours, field="created_at"):
    """Move a row's time back by `hours` (the queue's age and the 48-hour
    flag); through update(), as nothing else may change these."""
    from django.utils import timezone

    model.objects.filter(pk=pk).update(**{field: timezone.now() - dt.timedelta(hours=hours)})


def reports_of(obj):
    from django.contrib.contenttypes.models import ContentType

    return Report.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def make_reports_older(obj, hours):
    from django.utils import timezone

    reports_of(obj).update(created_at=timezone.now() - dt.timedelta(hours=hours))


def item_url(key, obj, action=""):
    url = reverse("moderation_admin:item", args=[key, obj.pk])
    return f"{url}{action}/" if action else url


QUEUE = "/redaktion/moderation/"
BULK = "/redaktion/moderation/entscheiden/"
LOG = "/redaktion/moderation/protokoll/"
LOG_CSV = "/redaktion/moderation/protokoll.csv"
