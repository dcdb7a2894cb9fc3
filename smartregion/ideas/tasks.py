"""Background work on ideas (django-tasks): the status mail to the author
and the clean-up of abandoned uploads. The immediate backend runs it at
once in development and tests; production runs a worker."""

import datetime as dt

from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import task

from smartregion.ideas import emails
from smartregion.ideas.images import TMP_DIR
from smartregion.ideas.models import Idea

# An image waits under TMP_DIR between the form and the final submit
# (views/ideas.py); after this long its form is abandoned.
STALE_AFTER = dt.timedelta(days=1)


@task()
def send_status_mail(idea_id: int) -> bool:
    """Tell the author about the status of idea `idea_id` as it is when the
    task runs (two quick changes in a row mail the latest twice, never an
    outdated one)."""
    idea = Idea.objects.select_related("process", "author").filter(pk=idea_id).first()
    if idea is None:
        return False
    return emails.send_status_mail(idea)


@task()
def delete_stale_uploads() -> int:
    """Delete the images of abandoned forms; returns how many went."""
    if not default_storage.exists(TMP_DIR):
        return 0
    limit = timezone.now() - STALE_AFTER
    deleted = 0
    for name in default_storage.listdir(TMP_DIR)[1]:
        path = f"{TMP_DIR}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
            deleted += 1
    return deleted
