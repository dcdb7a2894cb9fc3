"""The ideas in the staff backend: the jury board and results
(jury_admin.py) and the staff's work on ideas, status, moderation and
on-site capture (staff_admin.py). Each module registers its own hooks."""

from smartregion.ideas import jury_admin, staff_admin  # noqa: F401
