"""/healthz: what a load balancer or monitor polls.

One line per component, "NAME: ok" or "NAME: failed", after a first line
"ok" or "failed"; 503 when any component failed. Cheap (one query, one
write and one read per cache) and never cached.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        logger.warning("healthz: the database does not answer", exc_info=True)
        return False
    return True


def cache_ok(alias: str) -> bool:
    """Whether the cache `alias` keeps what is written to it. A cache that
    ignores a Redis outage (django-redis' IGNORE_EXCEPTIONS) reads None
    then instead of raising, so a round trip is checked, not exceptions."""
    cache = caches[alias]
    value = uuid.uuid4().hex
    # A key per probe: app servers probed at the same moment share the cache.
    key = f"healthz:probe:{value}"
    try:
        cache.set(key, value, 10)
        kept = cache.get(key) == value
        cache.delete(key)
        return kept
    except Exception:
        logger.warning("healthz: the cache %r does not answer", alias, exc_info=True)
        return False


def components() -> dict[str, bool]:
    """Each component by name and whether it works."""
    results = {"database": database_ok()}
    for alias in settings.CACHES:
        results["cache" if alias == "default" else f"cache-{alias}"] = cache_ok(alias)
    return results


@require_GET
@never_cache
def healthz(request):
    """200 when every component works, 503 naming what failed."""
    results = components()
    healthy = all(results.values())
    lines = ["ok" if healthy else "failed"]
    lines += [f"{name}: {'ok' if ok else 'failed'}" for name, ok in results.items()]
    return HttpResponse("\n".join(lines) + "\n", status=200 if healthy else 503, content_type="text/plain")
