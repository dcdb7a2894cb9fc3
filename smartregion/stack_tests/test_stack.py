"""Several app servers on one PostgreSQL and one Redis behind nginx: what one
server writes, the other serves at once; nginx takes an app server's restart
without losing a request. See deploy/stack.py for what runs."""

import threading
import time

import pytest

from smartregion.stack_tests.conftest import support_count

pytestmark = pytest.mark.stack


def test_a_login_on_server_a_is_valid_on_server_b(stack, client_for):
    on_a = client_for(0).log_in(stack.seed["users"][0], stack.seed["password"])

    on_b = on_a.at(stack.urls["web"][1])

    assert on_b.is_logged_in()


def test_a_stranger_with_no_session_is_not_logged_in_on_server_b(stack, client_for):
    client_for(0).log_in(stack.seed["users"][1], stack.seed["password"])

    assert not client_for(1).is_logged_in()


def test_a_wrong_password_on_server_a_logs_in_nowhere(stack, client_for):
    on_a = client_for(0)
    on_a.get("/konto/login/")
    answer = on_a.post_form("/konto/login/", {"login": stack.seed["users"][2], "password": "falsch-falsch-falsch"})

    assert answer.status_code == 200
    assert not on_a.is_logged_in()
    assert not on_a.at(stack.urls["web"][1]).is_logged_in()


def test_a_support_on_server_a_shows_on_server_b_at_once(stack, client_for):
    seed = stack.seed
    on_a = client_for(0).log_in(seed["users"][3], seed["password"])
    anonymous_b = client_for(1)
    before = support_count(anonymous_b.get(seed["idea_path"]).text, seed["idea_id"])

    answer = on_a.post_form(seed["support_path"], {"support": "1"})

    assert answer.status_code == 302
    own_page_on_b = on_a.at(stack.urls["web"][1]).get(seed["idea_path"]).text
    assert "Sie unterstützen diese Idee." in own_page_on_b
    assert support_count(own_page_on_b, seed["idea_id"]) == before + 1
    assert support_count(anonymous_b.get(seed["idea_path"]).text, seed["idea_id"]) == before + 1


def test_twenty_supports_at_once_through_nginx_count_twenty(stack, client_for):
    seed = stack.seed
    people = seed["users"][10:30]
    # Logged in on the app servers in turn; the supports go through nginx.
    clients = [
        client_for(index % 2).log_in(email, seed["password"]).at(stack.urls["nginx"])
        for index, email in enumerate(people)
    ]
    before = int(stack.psql(f"SELECT count(*) FROM ideas_support WHERE idea_id = {seed['idea_id']}"))
    start = threading.Barrier(len(clients))
    answers = []

    def support(client):
        start.wait()
        answers.append(client.post_form(seed["support_path"], {"support": "1"}).status_code)

    threads = [threading.Thread(target=support, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert answers == [302] * 20
    rows = int(stack.psql(f"SELECT count(*) FROM ideas_support WHERE idea_id = {seed['idea_id']}"))
    assert rows == before + 20
    assert int(stack.psql(f"SELECT support_count FROM ideas_idea WHERE id = {seed['idea_id']}")) == rows
    page = client_for("nginx").get(seed["idea_path"]).text
    assert support_count(page, seed["idea_id"]) == rows


def test_the_sign_up_mail_reaches_the_smtp_server(stack, client_for):
    visitor = client_for("nginx")
    address = "neu-im-stapel@stack.invalid"
    visitor.get("/konto/signup/")

    answer = visitor.post_form(
        "/konto/signup/",
        {
            "email": address,
            "password1": "ein-neues-langes-passwort",
            "display_name": "Neu im Stapel",
            "accept_terms": "on",
        },
    )

    assert answer.status_code == 302, answer.text[:2000]
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        mails = [mail for mail in stack.mails() if mail["To"] == address]
        if mails:
            break
        time.sleep(0.1)
    assert len(mails) == 1
    assert "/konto/confirm-email/" in mails[0].get_body(("plain",)).get_content()


def test_the_worker_delivers_a_queued_mail_to_the_smtp_server(stack, client_for):
    """An event registration sends its confirmation through the task queue:
    the app server writes the task, the worker sends the mail."""
    seed = stack.seed
    email = seed["users"][4]
    member = client_for(1).log_in(email, seed["password"]).at(stack.urls["nginx"])
    member.get(seed["event_path"])

    answer = member.post_form(seed["register_path"], {"accessibility_needs": ""})

    assert answer.status_code == 302
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        mails = [mail for mail in stack.mails() if mail["To"] == email]
        if mails:
            break
        time.sleep(0.1)
    assert len(mails) == 1
    assert "Kommunaldialog im Stapel" in mails[0]["Subject"] + mails[0].get_body(("plain",)).get_content()
    tasks = stack.psql(
        "SELECT status FROM django_tasks_database_dbtaskresult"
        " WHERE task_path = 'smartregion.events.tasks.send_registration_mail'"
    )
    assert tasks.split() == ["SUCCESSFUL"]


def test_a_rolling_restart_under_load_loses_no_request(stack, client_for):
    seed = stack.seed
    pages = ["/healthz", seed["idea_path"], seed["process_path"], "/ideenspeicher/"]
    answers: list = []
    stop = threading.Event()

    def read():
        visitor = client_for("nginx")
        for number in range(10**6):
            if stop.is_set():
                return
            path = pages[number % len(pages)]
            try:
                answers.append((path, visitor.get(path).status_code))
            except Exception as error:  # a lost request, reported below
                answers.append((path, repr(error)))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for reader in readers:
        reader.start()
    try:
        for index in range(2):
            served_before = stack.served_requests(index)
            stack.restart_web(index)
            # nginx sends it its share again (it left the server out for
            # fail_timeout) before the next one restarts.
            deadline = time.monotonic() + 20
            while stack.served_requests(index) < served_before + 40 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert stack.served_requests(index) >= served_before + 40, f"server {index} is not back after restart"
    finally:
        stop.set()
        for reader in readers:
            reader.join(60)

    failed = [answer for answer in answers if answer[1] != 200]
    assert len(answers) > 50
    assert failed == []
