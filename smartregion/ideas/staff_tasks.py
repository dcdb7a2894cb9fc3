"""Background work of the staff's actions on ideas (django-tasks). The
immediate backend runs it at once in development and tests; production runs
a worker."""

from django_tasks import task

from smartregion.ideas import staff_emails
from smartregion.ideas.models import Idea


@task()
def send_status_mail(idea_id: int) -> bool:
    """Tell the author about the status of idea `idea_id` as it is when the
    task runs (two quick changes in a row mail the latest twice, never an
    outdated one)."""
    idea = Idea.objects.select_related("process", "author").filter(pk=idea_id).first()
    if idea is None:
        return False
    return staff_emails.send_status_mail(idea)
