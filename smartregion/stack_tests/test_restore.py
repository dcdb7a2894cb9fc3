"""The restore drill: a backup taken before an account was deleted is
restored into a fresh database and cleaned with the procedure of the README
("Restoring a backup": migrate, reapply_deletions); afterwards no text
column of any table holds the person's address, name or id.

The person signs up and acts through the site (an idea, a comment, a
support, an event registration; the sign-up mail goes through the task
queue), the backup is pg_dump of the stack's database, and the deletion is
the real deletion view behind nginx. The drill runs against the stack's
PostgreSQL cluster; the live database is scanned as well."""

import subprocess
import time
import uuid

import pytest

from smartregion.stack_tests.conftest import ROOT, stack_module

pytestmark = pytest.mark.stack

# A distinctive id, address and name, so that a hit in the scan is a trace
# of this person and not a coincidence.
USER_ID = 7770001
EMAIL = "quirinia.zyskowski@stack.invalid"
NAME = "Quirinia Zyskowski"
PASSWORD = "quirinias-langes-passwort"

TEXT_TYPES = ("character varying", "character", "text", "json", "jsonb")


def traces(stack, database: str) -> list[str]:
    """`table.column` for every text column of `database` that holds the
    address, a part of the name or the id as a word (json as its text)."""
    columns = stack.pg_tool(
        "psql",
        "-X",
        "-tA",
        "-F",
        " ",
        "-d",
        database,
        "-c",
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'public' AND data_type IN ('" + "', '".join(TEXT_TYPES) + "')",
        text=True,
    ).stdout.split("\n")
    checks = []
    for line in filter(None, columns):
        table, column = line.split(" ")
        value = f'lower("{column}"::text)'
        condition = (
            f"strpos({value}, '{EMAIL}') > 0 OR strpos({value}, 'quirinia') > 0"
            f" OR strpos({value}, 'zyskowski') > 0 OR {value} ~ '\\m{USER_ID}\\M'"
        )
        checks.append(f"SELECT '{table}.{column}' WHERE EXISTS (SELECT 1 FROM \"{table}\" WHERE {condition})")
    assert len(checks) > 100  # the scan sees the whole schema
    found = stack.pg_tool(
        "psql",
        "-X",
        "-tA",
        "-v",
        "ON_ERROR_STOP=1",
        "-d",
        database,
        input=" UNION ALL\n".join(checks) + ";\n",
        text=True,
    )
    return sorted(filter(None, found.stdout.split("\n")))


def query(stack, database: str, sql: str) -> str:
    return stack.pg_tool(
        "psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql, text=True
    ).stdout


def wait_for_mail(stack, address: str, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        mails = [mail for mail in stack.mails() if mail["To"] == address]
        if mails:
            return mails
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address} within {seconds} s")


def manage(stack, database_url: str, *args: str) -> str:
    result = subprocess.run(
        [str(stack_module.PYTHON), "manage.py", *args],
        cwd=ROOT,
        env={**stack.env(), "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def test_a_restored_backup_keeps_no_trace_of_a_deleted_account(stack, client_for, tmp_path):
    began = time.monotonic()
    seed = stack.seed
    stack.psql(f"SELECT setval(pg_get_serial_sequence('accounts_user', 'id'), {USER_ID - 1})")

    # The person signs up (the mail goes through the queue) and takes part.
    person = client_for("nginx")
    person.get("/konto/signup/")
    answer = person.post_form(
        "/konto/signup/",
        {"email": EMAIL, "password1": PASSWORD, "display_name": NAME, "accept_terms": "on"},
    )
    assert answer.status_code == 302, answer.text[:2000]
    assert stack.psql(f"SELECT id FROM accounts_user WHERE email = '{EMAIL}'").strip() == str(USER_ID)
    wait_for_mail(stack, EMAIL)
    stack.psql(f"UPDATE account_emailaddress SET verified = true WHERE email = '{EMAIL}'")
    person = client_for("nginx").log_in(EMAIL, PASSWORD)
    person.get(f"{seed['process_path']}ideen/neu/")
    answer = person.post_form(
        f"{seed['process_path']}ideen/neu/",
        {
            "title": "Dorfladen mit Selbstbedienung",
            "text": "Ein kleiner Laden, der rund um die Uhr offen hat.",
            "submission_key": str(uuid.uuid4()),
            "confirm": "1",
        },
    )
    assert answer.status_code == 302, answer.text[:2000]
    assert person.post_form(f"/kommentare/idee/{seed['idea_id']}/neu/", {"text": "Gute Idee!"}).status_code == 302
    assert person.post_form(seed["support_path"], {"support": "1"}).status_code == 302
    assert person.post_form(seed["register_path"], {"accessibility_needs": ""}).status_code == 302
    mine = stack.psql(
        f"SELECT (SELECT count(*) FROM ideas_idea WHERE author_id = {USER_ID}),"
        f" (SELECT count(*) FROM comments_comment WHERE author_id = {USER_ID}),"
        f" (SELECT count(*) FROM ideas_support WHERE user_id = {USER_ID}),"
        f" (SELECT count(*) FROM events_eventregistration WHERE user_id = {USER_ID})"
    )
    assert mine.strip() == "1|1|1|1"
    assert traces(stack, stack_module.DB_NAME)  # the scan finds the person

    # The backup, then the deletion through the site.
    dump = tmp_path / "backup.dump"
    stack.pg_tool("pg_dump", "-Fc", "-d", stack_module.DB_NAME, "-f", str(dump))
    person.get("/konto/loeschen/")
    answer = person.post_form("/konto/loeschen/", {"password": PASSWORD})
    assert answer.status_code == 302
    assert stack.psql(f"SELECT count(*) FROM accounts_user WHERE id = {USER_ID}").strip() == "0"
    assert traces(stack, stack_module.DB_NAME) == []

    # The restore into a fresh database brings the person back ...
    restored = f"restored_{uuid.uuid4().hex[:8]}"
    stack.pg_tool("createdb", "-O", stack_module.DB_USER, restored)
    stack.pg_tool("pg_restore", "--no-owner", "--exit-on-error", "-d", restored, str(dump))
    restored_url = stack.database_url(restored)
    found = traces(stack, restored)
    expected = ["accounts_user.email", "account_emailaddress.email", "django_tasks_database_dbtaskresult.args_kwargs"]
    assert set(expected) <= set(found), found

    # ... and the README's procedure takes them away again, idempotently.
    manage(stack, restored_url, "migrate", "--no-input", "-v", "0")
    assert "Deleted accounts deleted again: 1." in manage(stack, restored_url, "reapply_deletions")
    assert "Deleted accounts deleted again: 0." in manage(stack, restored_url, "reapply_deletions")

    assert traces(stack, restored) == []
    # What the person did in public stays, without them.
    left = query(
        stack,
        restored,
        "SELECT (SELECT count(*) FROM ideas_idea WHERE title = 'Dorfladen mit Selbstbedienung' AND author_id IS NULL),"
        " (SELECT count(*) FROM comments_comment WHERE text = 'Gute Idee!' AND author_id IS NULL)",
    )
    assert left.strip() == "1|1"
    assert time.monotonic() - began < 60


def test_the_housekeeping_unit_prunes_finished_task_results_and_expired_sessions(stack, client_for):
    visitor = client_for("nginx")
    visitor.get("/konto/signup/")
    address = "aufraeumen@stack.invalid"
    answer = visitor.post_form(
        "/konto/signup/",
        {"email": address, "password1": PASSWORD, "display_name": "Aufräumen", "accept_terms": "on"},
    )
    assert answer.status_code == 302
    wait_for_mail(stack, address)
    stack.psql(
        "INSERT INTO django_session (session_key, session_data, expire_date)"
        " VALUES ('abgelaufen0000000000000000000000', 'e30', now() - interval '1 day')"
    )
    finished = "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('SUCCESSFUL', 'FAILED')"
    deadline = time.monotonic() + 10
    while int(stack.psql(finished)) == 0 and time.monotonic() < deadline:
        time.sleep(0.1)  # the worker marks the delivery done after sending
    assert int(stack.psql(finished)) > 0

    stack.run_unit("smartregion-housekeeping.service", TASK_RESULT_DAYS="0")

    assert int(stack.psql(finished)) == 0
    assert stack.psql("SELECT count(*) FROM django_session WHERE expire_date < now()").strip() == "0"
