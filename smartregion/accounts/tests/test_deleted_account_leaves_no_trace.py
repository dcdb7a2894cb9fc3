"""After an account is deleted, its e-mail address and display name appear
in no column of any table of the database, nor in any stored session."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from wagtail.log_actions import log
from wagtail.models import Comment, ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from smartregion.accounts.actions import block_user
from smartregion.accounts.models import Consent, DeletedAccount, User
from smartregion.accounts.tests.factories import PASSWORD, UserFactory, editors_group

# Distinctive, so that a hit can only come from this person. ASCII, so that
# the JSON columns hold them unescaped; the escaped form is searched as well.
EMAIL = "loeschmich.qx7@example.org"
OTHER_EMAIL = "zweitadresse.loeschmich.qx7@example.org"
NAME = "Quastenflosser Zyxwvu"


def columns_containing(text) -> set[tuple[str, str]]:
    """(table, column) of every column in the database whose value, read as
    text, contains `text` or its JSON-escaped form, ignoring case. Plain SQL
    on the introspected tables, for SQLite and PostgreSQL alike."""
    needles = {text.lower(), json.dumps(text)[1:-1].lower()}
    hits = set()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for needle in needles:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s",
                        [f"%{needle}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.add((table, column.name))
    return hits


def sessions_containing(text) -> list[str]:
    """Keys of stored sessions whose decoded data mentions `text`."""
    return [s.session_key for s in Session.objects.all() if text.lower() in json.dumps(s.get_decoded()).lower()]


@pytest.fixture
def person(page_tree, editor):
    """Someone who used every corner of the platform that exists so far: a
    citizen with consents, two addresses and two factors, who is also an
    editor with a backend profile, a page revision, a staff comment, a log
    entry about their own account and a block in the audit log."""
    user = UserFactory(email=EMAIL, display_name=NAME, first_name=NAME, last_name=NAME, groups=[editors_group()])
    Consent.objects.create(user=user, document=Consent.Document.TERMS, version="2026-11")
    Consent.objects.create(user=user, document=Consent.Document.PRIVACY, version="2026-11")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    EmailAddress.objects.create(user=user, email=OTHER_EMAIL, verified=False, primary=False)
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()

    page = page_tree.content
    page.owner = user
    page.save()
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    Comment.objects.create(
        page=page, user=user, text=f"Bitte prüfen, {NAME}", contentpath="title", revision_created=revision
    )
    log(instance=user, action="wagtail.edit", user=editor)
    block_user(editor, user, f"Beleidigung durch {NAME} ({EMAIL})")
    user.blocked_reason = ""
    user.save()
    return user


@pytest.mark.django_db
def test_the_scan_finds_the_person_before_the_deletion(person):
    # Without this, a scan that finds nothing proves nothing.
    assert {("accounts_user", "email"), ("account_emailaddress", "email")} <= columns_containing(EMAIL)
    assert {
        ("accounts_user", "display_name"),
        ("wagtailcore_modellogentry", "label"),
        ("wagtailcore_comment", "text"),
        ("accounts_accountaction", "details"),
    } <= columns_containing(NAME)


@pytest.mark.django_db
def test_the_deleted_account_leaves_no_trace_in_any_column(person):
    user_id = person.pk
    client, other_device = Client(), Client()
    client.force_login(person)
    other_device.force_login(person)

    response = client.post("/konto/loeschen/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user_id).exists()
    assert columns_containing(EMAIL) == set()
    assert columns_containing(NAME) == set()
    assert sessions_containing(EMAIL) == []
    assert sessions_containing(NAME) == []
    # What is meant to stay: the tombstone, the editorial page and Wagtail's
    # staff log, which shows the bare id as a deleted user.
    assert DeletedAccount.objects.filter(user_id=user_id).exists()
    assert PageLogEntry.objects.filter(user_id=user_id).exists()
    assert not ModelLogEntry.objects.filter(object_id=str(user_id), content_type__model="user").exists()


@pytest.mark.django_db
def test_the_page_history_shows_a_deleted_user_without_a_name(person, page_tree):
    user_id = person.pk
    client = Client()
    client.force_login(person)

    client.post("/konto/loeschen/", {"password": PASSWORD})

    # Loaded as Wagtail's history views load it.
    history = PageLogEntry.objects.filter(page=page_tree.content).select_related("user")
    names = [entry.user_display_name for entry in history if entry.user_id == user_id]
    assert names
    assert all(NAME not in name and str(user_id) in name for name in names)
