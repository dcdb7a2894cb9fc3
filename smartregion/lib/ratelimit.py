"""A small fixed-window rate limit on Django's default cache, for actions of
logged-in people (reports to the moderation, objections).

    if not ratelimit.allow(f"report:{user.pk}", limit=10, period=3600):
        ... refuse ...

Each call counts one attempt; the window starts with the first attempt and
lasts `period` seconds. With a cache shared by the workers (Redis) the
limit holds across processes; with a per-process cache it holds per
process, which is still a brake.
"""

from django.core.cache import cache

PREFIX = "ratelimit"


def allow(key: str, limit: int, period: int) -> bool:
    """Count one attempt under `key`; whether it is within `limit`
    attempts per `period` seconds."""
    cache_key = f"{PREFIX}:{key}"
    if cache.add(cache_key, 1, timeout=period):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # The window ended between add() and incr().
        cache.add(cache_key, 1, timeout=period)
        return True
    return count <= limit
