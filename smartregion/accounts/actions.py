"""Writes on accounts that touch several models or leave a trace."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import transaction

from smartregion.accounts import deletion_log, privacy
from smartregion.accounts.models import AccountAction, DeletedAccount
from smartregion.accounts.roles import STAFF_GROUPS

NOTHING = "—"


def _names(items) -> str:
    return ", ".join(sorted(str(item) for item in items)) or NOTHING


@transaction.atomic
def block_user(actor, target, reason: str) -> AccountAction:
    """Block `target` for `reason` (required, shown to the blocked person).

    The account keeps its data; it cannot log in, and a session it already
    has ends at its next request (BlockedAccountMiddleware). Permission
    checks belong to the caller (rule accounts.block_account).
    """
    reason = reason.strip()
    if not reason:
        raise ValueError("A block needs a reason.")
    target.blocked_reason = reason
    target.save(update_fields=["blocked_reason"])
    return AccountAction.objects.create(actor=actor, target=target, kind=AccountAction.Kind.BLOCKED, details=reason)


@transaction.atomic
def unblock_user(actor, target, reason: str) -> AccountAction:
    """Let `target` log in again; `reason` (required) goes to the log."""
    reason = reason.strip()
    if not reason:
        raise ValueError("Unblocking needs a reason.")
    target.blocked_reason = ""
    target.save(update_fields=["blocked_reason"])
    return AccountAction.objects.create(actor=actor, target=target, kind=AccountAction.Kind.UNBLOCKED, details=reason)


@transaction.atomic
def set_roles(actor, target, groups, municipalities, moderated_municipalities=None) -> list[AccountAction]:
    """Give `target` exactly the staff groups `groups`, the guide
    municipalities `municipalities` and (unless None) the municipalities
    it moderates, and log each change as "before → after". Groups that
    are not staff groups are left alone. Returns the log entries written
    (none if nothing changed).
    """
    staff_groups = Group.objects.filter(name__in=STAFF_GROUPS)
    wanted_groups = {group.pk: group for group in groups}
    if any(group.name not in STAFF_GROUPS for group in wanted_groups.values()):
        raise ValueError("Only staff groups are assigned here.")
    current_groups = {group.pk: group for group in target.groups.filter(pk__in=staff_groups)}
    wanted_municipalities = {municipality.pk: municipality for municipality in municipalities}
    current_municipalities = {municipality.pk: municipality for municipality in target.guide_municipalities.all()}

    entries = []
    if current_groups.keys() != wanted_groups.keys():
        target.groups.remove(*(current_groups.keys() - wanted_groups.keys()))
        target.groups.add(*(wanted_groups.keys() - current_groups.keys()))
        entries.append(
            AccountAction(
                actor=actor,
                target=target,
                kind=AccountAction.Kind.GROUPS_CHANGED,
                details=f"{_names(current_groups.values())} → {_names(wanted_groups.values())}",
            )
        )
    if current_municipalities.keys() != wanted_municipalities.keys():
        target.guide_municipalities.set(wanted_municipalities.values())
        entries.append(
            AccountAction(
                actor=actor,
                target=target,
                kind=AccountAction.Kind.MUNICIPALITIES_CHANGED,
                details=f"{_names(current_municipalities.values())} → {_names(wanted_municipalities.values())}",
            )
        )
    if moderated_municipalities is not None:
        wanted = {municipality.pk: municipality for municipality in moderated_municipalities}
        current = {municipality.pk: municipality for municipality in target.moderated_municipalities.all()}
        if current.keys() != wanted.keys():
            target.moderated_municipalities.set(wanted.values())
            entries.append(
                AccountAction(
                    actor=actor,
                    target=target,
                    kind=AccountAction.Kind.MODERATED_MUNICIPALITIES_CHANGED,
                    details=f"{_names(current.values())} → {_names(wanted.values())}",
                )
            )
    # The predicates cache the group names (and the moderation rules the
    # moderated municipalities) on the user object.
    target.__dict__.pop("_group_names", None)
    target.__dict__.pop("_moderated_municipality_ids", None)
    return AccountAction.objects.bulk_create(entries)


def delete_account(user, *, record: bool = True) -> None:
    """Delete the account `user` and everything personal that points at it.

    Each app's rows are deleted or anonymised as registered in
    accounts.privacy (public contributions stay under "Gelöschtes Konto"),
    and the erasers registered there remove what names the person without
    pointing at the account (mails in the task queue, failed mails).
    Wagtail's log entries about the account go too, since they carry its
    name. Every session of the account ends. Unless `record` is false (a
    deletion repeated by `reapply_deletions`), the deletion is written to
    the deletion log (accounts.deletion_log) as the last step before the
    commit, so that a database restored from a backup can be cleaned again;
    the id also goes to the tombstone table, which older records live in.
    The caller logs the current request out. Permission checks belong to
    the caller (rule accounts.delete_account).
    """
    from wagtail.models import ModelLogEntry

    user_id, joined = user.pk, user.date_joined
    with transaction.atomic():
        DeletedAccount.objects.get_or_create(user_id=user_id)
        privacy.erase_user_data(user)
        ModelLogEntry.objects.for_instance(user).delete()
        _end_sessions(user_id)
        user.delete()
        if record:
            deletion_log.record(user_id, joined)


def _end_sessions(user_id) -> None:
    """Delete every stored session logged in as `user_id`.

    Database sessions are decoded one by one, as their data is signed and
    encoded; account deletion is rare enough for that. Sessions kept only in
    a cache cannot be listed: they name an account that no longer exists,
    which Django treats as anonymous.
    """
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not issubclass(store_class, DatabaseSessionStore):
        return
    session_model = store_class.get_model_class()
    store = store_class()
    keys = [
        session_key
        for session_key, session_data in session_model.objects.values_list("session_key", "session_data").iterator()
        if store.decode(session_data).get(SESSION_KEY) == str(user_id)
    ]
    for session_key in keys:
        # Through the store, so that cached_db sessions leave the cache too.
        store_class(session_key=session_key).delete()
