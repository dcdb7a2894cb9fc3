"""Django's PostgreSQL backend, failing fast during an outage.

A request may try the database more than once when it is down: the view,
then a middleware loading the session's user for the answer. Each attempt
waits up to `connect_timeout` for a server that does not answer. After a
failed attempt, every further attempt of this process within
DATABASE_FAIL_FAST_SECONDS fails at once with the same error, so that a
request is answered (503, lib/outage.py) within one connect_timeout; the
first attempt after that window tries the server again.
"""

import time

from django.conf import settings
from django.db.backends.postgresql import base

# (time.monotonic() of the last failed connection attempt, its error)
_last_failure: tuple[float, str] | None = None


def forget_failure() -> None:
    """Try the server with the next attempt (for tests)."""
    global _last_failure
    _last_failure = None


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        global _last_failure
        failure = _last_failure
        if failure is not None and time.monotonic() - failure[0] < settings.DATABASE_FAIL_FAST_SECONDS:
            raise base.Database.OperationalError(f"not tried again so soon after: {failure[1]}")
        try:
            connection = super().get_new_connection(conn_params)
        except base.Database.OperationalError as error:
            _last_failure = (time.monotonic(), str(error))
            raise
        _last_failure = None
        return connection
