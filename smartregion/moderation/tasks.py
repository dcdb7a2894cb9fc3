"""Background work of the moderation (django-tasks): the e-mails. Each task
reads the rows as they are when it runs."""

from django_tasks import task

from smartregion.moderation import emails
from smartregion.moderation.models import ModerationAction, Objection, Report


@task()
def send_report_confirmation(report_id: int) -> bool:
    report = Report.objects.select_related("reporter").filter(pk=report_id).first()
    return report is not None and emails.send_report_confirmation(report)


@task()
def send_report_decisions(report_ids: list[int]) -> int:
    """Tell each reporter of the decided reports `report_ids`; returns how
    many mails went out."""
    reports = Report.objects.select_related("reporter").filter(pk__in=report_ids).exclude(status=Report.Status.OPEN)
    return sum(1 for report in reports if emails.send_report_decision(report))


@task()
def send_hide_notice(action_id: int) -> bool:
    action = ModerationAction.objects.filter(pk=action_id, action=ModerationAction.Action.HIDE).first()
    return action is not None and emails.send_hide_notice(action)


@task()
def send_objection_decision(objection_id: int) -> bool:
    objection = Objection.objects.select_related("author", "hide_action").filter(pk=objection_id).first()
    if objection is None or objection.status == Objection.Status.OPEN:
        return False
    return emails.send_objection_decision(objection)
