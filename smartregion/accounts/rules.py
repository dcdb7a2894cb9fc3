"""Permissions on accounts (django-rules)."""

import rules

from smartregion.accounts.predicates import is_admin


@rules.predicate
def is_someone_else(user, account) -> bool:
    return account is not None and account.pk != user.pk


@rules.predicate
def outranks_a_superuser(user, account) -> bool:
    """Only a superuser may act on a superuser's account."""
    return account is not None and (user.is_superuser or not account.is_superuser)


# Administration finds accounts and sees their state and log in the backend.
rules.add_perm("accounts.manage_accounts", is_admin)
# ...and blocks, unblocks and assigns roles, but never to its own account
# (no one locks themselves out) nor, unless a superuser, to a superuser's.
rules.add_perm("accounts.block_account", is_admin & is_someone_else & outranks_a_superuser)
rules.add_perm("accounts.assign_roles", is_admin & is_someone_else & outranks_a_superuser)

# The privacy functions: a person fetches and deletes only their own data;
# the views take the account from the session, never from the URL.
rules.add_perm("accounts.export_data", rules.is_authenticated)
rules.add_perm("accounts.delete_account", rules.is_authenticated)
