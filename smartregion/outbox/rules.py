"""Failed mails name their recipients: administrators may see and delete
them, nobody adds or changes one in the backend."""

import rules

from smartregion.accounts.predicates import is_admin

rules.add_perm("outbox.view_failedmail", is_admin)
rules.add_perm("outbox.delete_failedmail", is_admin)
rules.add_perm("outbox.add_failedmail", rules.always_deny)
rules.add_perm("outbox.change_failedmail", rules.always_deny)
