"""The session remembers a verified login address
(accounts.middleware.RememberVerifiedAddressMiddleware), so that a member's
later requests need no query for it; anything else is looked up again."""

import pytest
from allauth.account.models import EmailAddress
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartregion.accounts.middleware import VERIFIED_ADDRESS_KEY, VERIFIED_ADDRESS_RECHECK_SECONDS
from smartregion.accounts.tests.factories import verify_email

pytestmark = pytest.mark.django_db

BANNER = "Bitte bestätigen Sie Ihre E-Mail-Adresse"


def address_lookups(client) -> tuple[int, str]:
    """The queries of the home page for the address, and the page."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/").content.decode()
    return sum("account_emailaddress" in query["sql"] for query in queries.captured_queries), page


def test_a_verified_address_is_looked_up_once_per_session(client, page_tree, citizen):
    client.force_login(verify_email(citizen))

    first, page = address_lookups(client)
    second, _page = address_lookups(client)

    assert (first, second) == (1, 0)
    assert BANNER not in page
    assert client.session[VERIFIED_ADDRESS_KEY][0] == citizen.email


def test_a_remembered_verification_is_looked_up_again_after_an_hour(client, page_tree, citizen):
    client.force_login(verify_email(citizen))
    address_lookups(client)
    session = client.session
    email, remembered_at = session[VERIFIED_ADDRESS_KEY]
    session[VERIFIED_ADDRESS_KEY] = [email, remembered_at - VERIFIED_ADDRESS_RECHECK_SECONDS]
    session.save()
    EmailAddress.objects.filter(user=citizen).update(verified=False)

    lookups, page = address_lookups(client)

    assert lookups == 1 and BANNER in page


def test_an_unverified_address_is_looked_up_each_time_and_a_confirmation_counts_at_once(client, page_tree, citizen):
    client.force_login(citizen)
    lookups, page = address_lookups(client)
    assert lookups == 1 and BANNER in page
    assert VERIFIED_ADDRESS_KEY not in client.session

    verify_email(citizen)
    lookups, page = address_lookups(client)

    assert lookups == 1 and BANNER not in page


def test_a_changed_address_is_looked_up_again(client, page_tree, citizen):
    client.force_login(verify_email(citizen))
    address_lookups(client)

    citizen.email = "neu@example.org"
    citizen.save()
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=False, primary=False)
    lookups, page = address_lookups(client)

    assert lookups == 1 and BANNER in page


def test_the_next_person_in_the_same_browser_is_looked_up_afresh(client, page_tree, citizen, other_citizen):
    client.force_login(verify_email(citizen))
    address_lookups(client)
    client.logout()
    client.force_login(other_citizen)

    lookups, page = address_lookups(client)

    assert lookups == 1 and BANNER in page
