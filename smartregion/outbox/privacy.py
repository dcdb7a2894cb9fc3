"""What the outbox holds about a person without pointing at the account:
mails in the task queue (the delivery task's argument carries the
addresses, the name and the text, until the result is pruned) and failed
mails (they name their recipients). Account deletion removes them:

- a queued or delivered mail to or about one of the person's addresses is
  deleted, whether sent or not;
- a mail to someone else that names the person is deleted once it was
  handled; one still waiting is sent with the name replaced by "Gelöschtes
  Konto", so that the other person still gets it;
- a failed mail that names an address or the name is deleted.

A mail the worker is sending at this very moment is left alone (its row is
locked by the worker); the housekeeping prunes it with the other finished
results (deploy/systemd/smartregion-housekeeping.timer).
"""

import json
import re
from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from django.apps import apps
from django.db.models import Q
from django_tasks import TaskResultStatus

from smartregion.accounts.privacy import DELETED_ACCOUNT_NAME, register_eraser
from smartregion.outbox.models import FailedMail
from smartregion.outbox.tasks import deliver


def addresses_of(user) -> set[str]:
    """Every address of `user`, lower-case."""
    known = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    return {address.lower() for address in [user.email, *known] if address}


def names_of(user) -> set[str]:
    """The names `user` gave, each at least two characters long."""
    given = [user.display_name, user.first_name, user.last_name, f"{user.first_name} {user.last_name}"]
    return {name.strip() for name in given if len(name.strip()) > 1}


def name_pattern(names) -> re.Pattern | None:
    """A pattern that finds any of `names` as whole words (longest first)."""
    if not names:
        return None
    words = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def mentions_address(data, addresses) -> bool:
    text = json.dumps(data, ensure_ascii=False).lower()
    return any(address in text for address in addresses)


def redact(data, pattern: re.Pattern):
    """`data` (JSON-able) with every match of `pattern` in its strings
    replaced by the name shown for deleted accounts."""
    if isinstance(data, str):
        return pattern.sub(str(DELETED_ACCOUNT_NAME), data)
    if isinstance(data, list):
        return [redact(item, pattern) for item in data]
    if isinstance(data, dict):
        return {key: redact(value, pattern) for key, value in data.items()}
    return data


@register_eraser
def erase_mails(user) -> None:
    addresses = addresses_of(user)
    pattern = name_pattern(names_of(user))
    mentions = [Q(recipients__icontains=address) | Q(subject__icontains=address) for address in addresses]
    failed = FailedMail.objects.filter(reduce(or_, mentions, Q(pk__in=[])))
    if pattern is not None:
        failed_ids = [
            pk
            for pk, subject, recipients in FailedMail.objects.values_list("pk", "subject", "recipients").iterator()
            if pattern.search(subject) or pattern.search(recipients)
        ]
        failed = failed | FailedMail.objects.filter(pk__in=failed_ids)
    failed.delete()
    if apps.is_installed("django_tasks_db"):
        _erase_queued(addresses, pattern)


def _erase_queued(addresses, pattern) -> None:
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=deliver.module_path).exclude(status=TaskResultStatus.RUNNING)
    doomed = []
    for row in rows.only("id", "status", "args_kwargs").iterator():
        if mentions_address(row.args_kwargs, addresses):
            doomed.append(row.pk)
        elif pattern is not None and pattern.search(json.dumps(row.args_kwargs, ensure_ascii=False)):
            if row.status == TaskResultStatus.READY:
                row.args_kwargs = redact(row.args_kwargs, pattern)
                row.save(update_fields=["args_kwargs"])
            else:
                doomed.append(row.pk)
    DBTaskResult.objects.filter(pk__in=doomed).delete()
