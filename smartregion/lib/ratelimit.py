"""Small fixed-window rate limits on Django's default cache, for what
people do on the platform (reports and objections to the moderation,
ideas, comments, guests' event registrations). allauth limits its own
forms (login, sign-up, password reset) with ACCOUNT_RATE_LIMITS.

    if not ratelimit.allow(f"report:{user.pk}", limit=10, period=3600):
        ... refuse ...

    # Several windows at once: 5 a minute and 60 an hour.
    if not ratelimit.allow_all(f"comment:{user.pk}", Limit(5, MINUTE), Limit(60, HOUR)):
        ... refuse ...

Each call counts one attempt; a window starts with its first attempt and
lasts `period` seconds. With a cache shared by the workers (Redis) the
limit holds across processes; with a per-process cache it holds per
process, which is still a brake. While the cache is down the limits are
open (logged), not closed. Keys that hold something personal (an
e-mail address) go through `hashed()`, so that the cache keeps no address.
"""

import hashlib
import ipaddress
import logging
from dataclasses import dataclass

from django.core.cache import cache

logger = logging.getLogger(__name__)
PREFIX = "ratelimit"
MINUTE = 60
HOUR = 3600
# IPv6 clients are counted by their /64 network: one connection usually
# has a whole network of addresses to pick from.
IPV6_PREFIX = 64


@dataclass(frozen=True)
class Limit:
    """At most `count` attempts per `period` seconds."""

    count: int
    period: int


def allow(key: str, limit: int, period: int) -> bool:
    """Count one attempt under `key`; whether it is within `limit`
    attempts per `period` seconds. Without a working cache (Redis down)
    every attempt is allowed and the outage logged: a limit is a brake,
    not a reason to refuse people or to answer 500."""
    cache_key = f"{PREFIX}:{key}"
    try:
        if cache.add(cache_key, 1, timeout=period):
            return True
        try:
            count = cache.incr(cache_key)
        except ValueError:
            # The window ended between add() and incr().
            cache.add(cache_key, 1, timeout=period)
            return True
    except Exception:
        logger.warning("Rate limit %s not counted: the cache does not answer", key.split(":")[0], exc_info=True)
        return True
    if count is None:
        # A cache that ignores its errors (django-redis' IGNORE_EXCEPTIONS)
        # answers None instead of raising.
        logger.warning("Rate limit %s not counted: the cache does not answer", key.split(":")[0])
        return True
    return count <= limit


def allow_all(key: str, *limits: Limit) -> bool:
    """Count one attempt under `key` in each window of `limits`, in
    order; whether every one allows it. The first window that refuses
    ends the count: the later ones do not count the attempt."""
    return all(allow(f"{key}:{limit.count}/{limit.period}", limit.count, limit.period) for limit in limits)


def hashed(value: str) -> str:
    """A key part for something personal (an e-mail address): the same
    for the same value, and the value cannot be read from it."""
    return hashlib.sha256(value.encode()).hexdigest()


def client_ip(request) -> str:
    """The address a request came from, as allauth's login limits see it
    (its adapter knows the proxies in front of the site); IPv6 addresses
    as their /64 network."""
    from allauth.account.adapter import get_adapter

    address = get_adapter().get_client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address
