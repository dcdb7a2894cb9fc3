"""lib.ratelimit: windows on the default cache, several at once, personal
keys hashed, clients counted by address (IPv6 by network)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from smartregion.lib import ratelimit
from smartregion.lib.ratelimit import Limit


def test_a_window_allows_its_limit_and_refuses_the_next():
    answers = [ratelimit.allow("test:one", limit=3, period=60) for _ in range(4)]

    assert answers == [True, True, True, False]


def test_keys_count_apart():
    assert ratelimit.allow("test:a", limit=1, period=60)
    assert ratelimit.allow("test:b", limit=1, period=60)
    assert not ratelimit.allow("test:a", limit=1, period=60)


def test_a_window_that_ended_starts_again():
    assert ratelimit.allow("test:ends", limit=1, period=60)
    assert not ratelimit.allow("test:ends", limit=1, period=60)
    cache.delete(f"{ratelimit.PREFIX}:test:ends")  # what the timeout does

    assert ratelimit.allow("test:ends", limit=1, period=60)


def test_every_window_must_allow_and_the_first_refusal_ends_the_count():
    short, long = Limit(2, 60), Limit(3, 3600)

    answers = [ratelimit.allow_all("test:both", short, long) for _ in range(3)]
    cache.delete(f"{ratelimit.PREFIX}:test:both:2/60")  # the minute is over
    answers += [ratelimit.allow_all("test:both", short, long) for _ in range(2)]

    # The third attempt was refused by the minute and not counted by the
    # hour: the fourth is the hour's third.
    assert answers == [True, True, False, True, False]


def test_personal_keys_are_hashed():
    assert ratelimit.hashed("gast@example.org") == ratelimit.hashed("gast@example.org")
    assert "gast" not in ratelimit.hashed("gast@example.org")
    assert ratelimit.hashed("gast@example.org") != ratelimit.hashed("gast2@example.org")


@pytest.mark.parametrize(
    ("address", "counted_as"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::"),
    ],
)
def test_clients_are_counted_by_address_and_ipv6_by_network(address, counted_as):
    request = RequestFactory().post("/", REMOTE_ADDR=address)

    assert ratelimit.client_ip(request) == counted_as
