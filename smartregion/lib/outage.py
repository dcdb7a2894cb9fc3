"""Answers for a database outage.

When PostgreSQL is stopped or unreachable, every query raises Django's
OperationalError (connection refused, server closed the connection) or
InterfaceError (a kept connection that is already closed). Wherever that
happens (a view, a middleware loading the session's user), Django turns the
exception into the response of the error handler for 500; `server_error`,
the project's handler500, answers a database error with 503, `Retry-After`
and a plain page instead. The page is rendered without the request: no
context processor runs (they query the site's navigation and settings) and
nothing is saved. DATABASES' `connect_timeout` (DATABASE_CONNECT_TIMEOUT)
bounds how long a request waits for a server that does not answer, and
lib/db/postgresql makes the request's further attempts fail at once.

Anonymous pages in the page cache are found before any query
(lib/pagecache.py), so they are still served during an outage.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

logger = logging.getLogger(__name__)


# SQLSTATEs of a server that is going away or not there yet: class 08
# (connection exceptions) and the shutdown states of class 57.
OUTAGE_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def is_database_outage(exc) -> bool:
    """Whether `exc` says the database cannot be reached. Errors the
    server reports on a working connection (a deadlock, a serialization
    failure, a statement timeout) are faults of a request, not an outage:
    they stay 500. Without an SQLSTATE (connection refused, a closed
    connection, SQLite) it counts as an outage."""
    if isinstance(exc, InterfaceError):
        return True
    if not isinstance(exc, OperationalError):
        return False
    sqlstate = getattr(exc.__cause__, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(OUTAGE_SQLSTATES)


def service_unavailable() -> HttpResponse:
    """The 503 answer: rendered without the request, never stored."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: 503 for a database outage, Django's plain 500 page for
    any other error."""
    exc = sys.exc_info()[1]
    if is_database_outage(exc):
        logger.warning("Database unavailable, answering 503: %s", exc)
        return service_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())
