"""What the platform holds about a person, and what becomes of it when the
person deletes their account.

Every app that stores rows pointing at a user registers them here, from a
module named `privacy.py` in the app (found automatically, like `rules.py`):

    from smartregion.accounts.privacy import Erasure, register

    register(
        Idea,
        key="ideas",
        label=_("Ideen"),
        user_field="author",
        fields=["title", "process", "status", ("created_at", _("Eingereicht am"))],
        on_account_deletion=Erasure.ANONYMISE,
    )

The data export (DSGVO Art. 15 and 20) lists the registered fields of every
row of every registered model. Account deletion treats each model as it was
registered:

- `Erasure.DELETE`: private data (consents, e-mail addresses, event
  registrations, subscriptions) is deleted with its files.
- `Erasure.ANONYMISE`: public contributions (ideas, comments) stay, so that
  discussions remain readable. The user field becomes NULL (it must be
  nullable) and templates show the author as DELETED_ACCOUNT_NAME;
  `anonymised_values` clears further personal columns of the row, e.g.
  `{"guest_name": ""}`.
- a function `handler(queryset)`: anything else. Supports are the example:
  they are kept as anonymous counts, so the supports app registers a handler
  that adds the person's rows to a counter on each idea (or sets the user to
  NULL where no uniqueness constraint needs it) instead of deleting them.

What names a person without pointing at the account (mails in the task
queue, failed mails) cannot be registered by a user field: an app
registers an eraser instead, `register_eraser(function)`, called with the
user on account deletion before any registered row is touched (so the
person's e-mail addresses can still be looked up).

A user field that holds nothing a participant needs in their export (the
staff-internal tables of Wagtail) is listed in EXEMPT with the reason and
with what happens to it on deletion. test_export_covers_every_user_model
fails for every user field that is neither registered nor exempt.
"""

import datetime
import decimal
import enum
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# How public contributions of a deleted account are signed.
DELETED_ACCOUNT_NAME = _("Gelöschtes Konto")

EXPORT_FORMAT = "smartregion-data-export"
EXPORT_VERSION = 1


class Erasure(enum.Enum):
    """What account deletion does with a registered model's rows."""

    DELETE = "delete"
    ANONYMISE = "anonymise"


@dataclass(frozen=True)
class Column:
    name: str
    label: str


@dataclass(frozen=True)
class PersonalData:
    """One model's rows about a person: how to export and how to erase them."""

    model: type[models.Model]
    key: str
    label: str
    user_field: str
    columns: tuple[Column, ...]
    on_account_deletion: Erasure | Callable[[models.QuerySet], None]
    anonymised_values: Mapping[str, object] = field(default_factory=dict)

    @property
    def model_field(self) -> str:
        """`app_label.Model.field`, the name the model walk checks."""
        return f"{self.model._meta.label}.{self.user_field}"

    def queryset(self, user) -> models.QuerySet:
        meta = self.model._meta
        related = [c.name for c in self.columns if meta.get_field(c.name).many_to_one]
        many = [c.name for c in self.columns if meta.get_field(c.name).many_to_many]
        rows = self.model._default_manager.filter(**{self.user_field: user}).order_by("pk")
        # select_related() without names would follow every foreign key.
        if related:
            rows = rows.select_related(*related)
        return rows.prefetch_related(*many)

    def erase(self, user) -> None:
        rows = self.model._default_manager.filter(**{self.user_field: user})
        if callable(self.on_account_deletion):
            self.on_account_deletion(rows)
        elif self.on_account_deletion is Erasure.ANONYMISE:
            if self.model._meta.get_field(self.user_field).many_to_many:
                # The person leaves the relation; the link rows go with the
                # user row.
                return
            rows.update(**{self.user_field: None, **self.anonymised_values})
        else:
            _delete_files_on_commit(rows)
            rows.delete()


_registry: dict[str, PersonalData] = {}
_erasers: list[Callable[[models.Model], None]] = []
_discovered = False

# User fields that are deliberately not in the export, keyed by
# `app_label.Model.field`, each with the reason and what deletion does.
EXEMPT = {
    "accounts.AccountAction.actor": (
        "The staff member who acted on someone else's account: that person's "
        "audit trail, not data about the actor. Deletion sets it to NULL."
    ),
    "wagtailcore.Page.owner": (
        "Editorial pages belong to the organisation. Deletion sets the owner to NULL; the page stays."
    ),
    "wagtailcore.Page.locked_by": "A staff editing lock. Deletion sets it to NULL.",
    "wagtailcore.Revision.user": (
        "Revisions of editorial pages and snippets, staff work. Deletion sets the author to NULL."
    ),
    "wagtailcore.PageLogEntry.user": (
        "The staff audit log of page actions. Wagtail keeps the bare id without "
        "a constraint and shows it as a deleted user; no name or address is stored."
    ),
    "wagtailcore.ModelLogEntry.user": (
        "The staff audit log of snippet and account actions, kept like page log "
        "entries. Entries about the deleted account itself are removed by delete_account."
    ),
    "wagtailcore.Comment.user": "Staff comments on draft pages in the backend. Deleted with the account.",
    "wagtailcore.Comment.resolved_by": "Who resolved a staff comment. Deletion sets it to NULL.",
    "wagtailcore.CommentReply.user": "Staff replies to backend comments. Deleted with the account.",
    "wagtailcore.PageSubscription.user": (
        "Whether a staff member gets e-mails about comments on a page. Deleted with the account."
    ),
    "wagtailcore.WorkflowState.requested_by": "Who asked for an editorial review. Deletion sets it to NULL.",
    "wagtailcore.TaskState.finished_by": "Who finished a review task. Deletion sets it to NULL.",
    "wagtailcore.UploadedFile.uploaded_by_user": (
        "A backend upload waiting to become an image or document. Deletion sets it to NULL."
    ),
    "wagtailcore.APIToken.user": "Backend API tokens of staff; only a digest is stored. Deleted with the account.",
    "wagtailimages.Image.uploaded_by_user": (
        "Editorial images belong to the organisation. Deletion sets the uploader to NULL."
    ),
    "wagtaildocs.Document.uploaded_by_user": (
        "Editorial documents belong to the organisation. Deletion sets the uploader to NULL."
    ),
    "wagtailadmin.EditingSession.user": (
        "Which staff member has a backend edit form open, kept for minutes. Deleted with the account."
    ),
    "wagtailadmin.FormState.user": "Unsaved backend form drafts of staff. Deleted with the account.",
    "moderation.ModerationAction.actor": (
        "The append-only moderation log: who decided (staff work), or that someone reported or objected "
        "(their words are in Report and Objection, which are exported). Deletion sets it to NULL."
    ),
    "moderation.Report.decided_by": "The moderator who decided a report, staff work. Deletion sets it to NULL.",
    "moderation.Objection.decided_by": "The moderator who decided an objection. Deletion sets it to NULL.",
}


def register(
    model: type[models.Model],
    *,
    key: str,
    label: str,
    fields: Iterable[str | tuple[str, str]],
    user_field: str = "user",
    on_account_deletion: Erasure | Callable[[models.QuerySet], None] = Erasure.DELETE,
    anonymised_values: Mapping[str, object] | None = None,
) -> PersonalData:
    """Declare that `model` holds data about the user in `user_field`.

    `key` names the model's list in the JSON export, `label` the section of
    the readable page. `fields` are the exported columns, as names or as
    (name, label) pairs; list only what the person gave or what was
    decided about them, never secrets (password hashes, TOTP seeds, tokens).
    Refuses a second registration of the same key or user field, unknown
    fields, and anonymising through a user field that cannot be NULL.
    """
    meta = model._meta
    user_model_field = meta.get_field(user_field)
    if user_model_field.related_model is not _user_model():
        raise ImproperlyConfigured(f"{meta.label}.{user_field} does not point at the user model.")
    columns = tuple(_column(meta, spec) for spec in fields)
    entry = PersonalData(
        model=model,
        key=key,
        label=label,
        user_field=user_field,
        columns=columns,
        on_account_deletion=on_account_deletion,
        anonymised_values=dict(anonymised_values or {}),
    )
    if entry.on_account_deletion is Erasure.ANONYMISE and not (user_model_field.null or user_model_field.many_to_many):
        raise ImproperlyConfigured(f"{entry.model_field} must be nullable to be anonymised.")
    if entry.anonymised_values and entry.on_account_deletion is not Erasure.ANONYMISE:
        raise ImproperlyConfigured(f"{entry.model_field}: anonymised_values need Erasure.ANONYMISE.")
    for name in entry.anonymised_values:
        meta.get_field(name)
    if key in _registry:
        raise ImproperlyConfigured(f"The export key {key!r} is registered twice.")
    if any(other.model_field == entry.model_field for other in _registry.values()):
        raise ImproperlyConfigured(f"{entry.model_field} is registered twice.")
    _registry[key] = entry
    return entry


def register_eraser(function: Callable[[models.Model], None]) -> Callable[[models.Model], None]:
    """Declare `function(user)`, which deletes or redacts what the app
    holds about `user` outside of rows that point at the account. It runs
    inside the deletion's transaction. Usable as a decorator."""
    if function not in _erasers:
        _erasers.append(function)
    return function


def _column(meta, spec) -> Column:
    name, label = spec if isinstance(spec, tuple) else (spec, None)
    model_field = meta.get_field(name)
    if not model_field.concrete:
        raise ImproperlyConfigured(f"{meta.label}.{name} is not a column that can be exported.")
    return Column(name=name, label=label or model_field.verbose_name)


def _user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def registered() -> list[PersonalData]:
    """Every registration, in the order of registration, after importing
    the `privacy` module of every installed app."""
    global _discovered
    if not _discovered:
        _register_accounts()
        autodiscover_modules("privacy")
        _discovered = True
    return list(_registry.values())


# The export ------------------------------------------------------------


@dataclass
class Section:
    """The rows of one registered model, ready for JSON and for the page."""

    entry: PersonalData
    rows: list[models.Model]

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def headers(self) -> list[str]:
        return [column.label for column in self.entry.columns]

    def as_json(self) -> list[dict]:
        return [{c.name: _json_value(_raw_value(row, c.name)) for c in self.entry.columns} for row in self.rows]

    def display_rows(self) -> list[list[object]]:
        return [[_display_value(row, c.name) for c in self.entry.columns] for row in self.rows]


EMPTY = "–"


@dataclass
class AccountItem:
    key: str
    label: str
    value: object

    @property
    def display(self):
        if isinstance(self.value, list):
            return ", ".join(self.value) or EMPTY
        return EMPTY if self.value in (None, "") else self.value


def account_items(user) -> list[AccountItem]:
    """The fields of the account itself. Costs three queries: groups, guide
    municipalities and verified addresses (the home municipality comes with
    the user when the caller loaded it with select_related)."""
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=user, verified=True).order_by("email")
    return [
        AccountItem("email", gettext("E-Mail-Adresse"), user.email),
        AccountItem("display_name", gettext("Öffentlicher Name"), user.display_name),
        AccountItem("first_name", gettext("Vorname"), user.first_name),
        AccountItem("last_name", gettext("Nachname"), user.last_name),
        AccountItem("home_municipality", gettext("Heimatkommune"), user.home_municipality),
        AccountItem("date_joined", gettext("Registriert am"), user.date_joined),
        AccountItem("last_login", gettext("Zuletzt angemeldet"), user.last_login),
        AccountItem(
            "verified_email_addresses",
            gettext("Bestätigte E-Mail-Adressen"),
            list(verified.values_list("email", flat=True)),
        ),
        AccountItem("groups", gettext("Rollen"), list(user.groups.order_by("name").values_list("name", flat=True))),
        AccountItem(
            "guide_municipalities",
            gettext("Betreute Kommunen"),
            [str(m) for m in user.guide_municipalities.order_by("name")],
        ),
        AccountItem(
            "moderated_municipalities",
            gettext("Moderierte Kommunen"),
            [str(m) for m in user.moderated_municipalities.order_by("name")],
        ),
        AccountItem("blocked_reason", gettext("Grund der Sperre"), user.blocked_reason),
    ]


def export_sections(user) -> list[Section]:
    """One section per registered model, one query each (plus one per
    exported many-to-many column)."""
    return [Section(entry, list(entry.queryset(user))) for entry in registered()]


def export_user_data(user) -> dict:
    """Everything the platform holds about `user`, as JSON-serialisable
    data: the account, then one list per registered model under its key."""
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _json_value(timezone.now()),
        "account": {item.key: _json_value(item.value) for item in account_items(user)},
    }
    for section in export_sections(user):
        data[section.key] = section.as_json()
    return data


def _raw_value(row, name):
    model_field = row._meta.get_field(name)
    if model_field.many_to_many:
        return [str(item) for item in getattr(row, name).all()]
    value = getattr(row, name)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def _json_value(value):
    if isinstance(value, datetime.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return value


def _display_value(row, name):
    model_field = row._meta.get_field(name)
    if model_field.choices and not model_field.many_to_many:
        return getattr(row, f"get_{name}_display")()
    value = _raw_value(row, name)
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nein")
    if isinstance(value, list):
        value = ", ".join(value)
    return EMPTY if value in (None, "") else value


# Erasure ---------------------------------------------------------------


def erase_user_data(user) -> None:
    """Run the registered erasers, then delete or anonymise every
    registered model's rows about `user`, as registered. Runs inside the
    caller's transaction."""
    entries = registered()
    for eraser in _erasers:
        eraser(user)
    for entry in entries:
        entry.erase(user)


def _delete_files_on_commit(rows) -> None:
    file_fields = [f for f in rows.model._meta.concrete_fields if isinstance(f, models.FileField)]
    for file_field in file_fields:
        for name in rows.exclude(**{file_field.name: ""}).values_list(file_field.name, flat=True):
            if name:
                transaction.on_commit(partial(file_field.storage.delete, name))


# What the accounts app and the installed libraries hold ----------------


def _register_accounts() -> None:
    # Registered on first use rather than at import, so that importing this
    # module never needs the app registry to be ready.
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from wagtail.users.models import UserProfile

    from smartregion.accounts.models import AccountAction, Consent

    register(
        Consent,
        key="consents",
        label=_("Zustimmungen"),
        fields=["document", "version", "accepted_at"],
    )
    register(
        EmailAddress,
        key="email_addresses",
        label=_("E-Mail-Adressen"),
        fields=[("email", _("E-Mail-Adresse")), ("verified", _("bestätigt")), ("primary", _("Hauptadresse"))],
    )
    # Only the kind and the times: the secret of an authenticator app and
    # the recovery codes live in `data` and never leave the database.
    register(
        Authenticator,
        key="authenticators",
        label=_("Anmeldung in zwei Schritten"),
        fields=[("type", _("Art")), ("created_at", _("Eingerichtet am")), ("last_used_at", _("Zuletzt benutzt"))],
    )
    register(
        AccountAction,
        key="account_actions",
        label=_("Maßnahmen an Ihrem Konto"),
        user_field="target",
        fields=["kind", "details", "created_at"],
    )
    register(
        UserProfile,
        key="backend_preferences",
        label=_("Einstellungen für die Redaktion"),
        fields=[
            ("preferred_language", _("Sprache")),
            ("current_time_zone", _("Zeitzone")),
            ("avatar", _("Profilbild")),
        ],
    )
