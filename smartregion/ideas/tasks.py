"""Background work of the citizens' idea pages (django-tasks). The
immediate backend runs it at once in development and tests; production runs
a worker."""

import datetime as dt

from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks import task

# An image waits under ideas/tmp/ between the form and the final submit
# (views/ideas.py); after this long its form is abandoned.
STALE_AFTER = dt.timedelta(days=1)


@task()
def delete_stale_uploads() -> int:
    """Delete the images of abandoned forms; returns how many went."""
    from smartregion.ideas.views.ideas import TMP_DIR

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
