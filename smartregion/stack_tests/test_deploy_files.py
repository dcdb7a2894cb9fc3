"""The deployment files agree with the code (no stack needed)."""

import re

import pytest

from smartregion.stack_tests.conftest import ROOT, stack_module

ENV_READERS = re.compile(r"env_(?:str|int|bool|list|secret)\(\s*\"([A-Z_]+)\"")


def test_the_env_example_lists_every_variable_the_settings_read():
    read = set(ENV_READERS.findall((ROOT / "smartregion" / "settings.py").read_text()))
    example = (ROOT / "deploy" / "smartregion.env.example").read_text()
    listed = set(re.findall(r"^#?([A-Z_]+)=", example, flags=re.MULTILINE))

    assert read  # the pattern still finds the settings' readers
    assert sorted(read - listed) == []


def test_the_stack_config_is_the_site_file_with_loopback_ports_and_folders():
    site = (ROOT / "deploy" / "nginx" / "smartregion.conf").read_text()

    config = stack_module.nginx_config(site, port=8080, web_ports=[9001, 9002, 9003], static=ROOT, media=ROOT)

    assert "listen 127.0.0.1:8080;" in config
    assert "ssl_certificate" not in config
    assert "return 301" not in config
    assert [f"127.0.0.1:{port}" for port in (9001, 9002, 9003)] == re.findall(r"server (127\.0\.0\.1:\d+)", config)
    assert "proxy_next_upstream error timeout;" in config
    assert not re.search(r"^\s*proxy_next_upstream [^;]*non_idempotent", config, flags=re.MULTILINE)


def test_a_site_file_without_an_expected_line_stops_the_stack():
    site = (ROOT / "deploy" / "nginx" / "smartregion.conf").read_text().replace("listen 443 ssl http2;", "")

    with pytest.raises(RuntimeError, match="listen 443"):
        stack_module.nginx_config(site, port=8080, web_ports=[9001], static=ROOT, media=ROOT)


def test_the_housekeeping_timer_prunes_old_task_results_and_ends_expired_sessions():
    timer = (ROOT / "deploy" / "systemd" / "smartregion-housekeeping.timer").read_text()
    service = (ROOT / "deploy" / "systemd" / "smartregion-housekeeping.service").read_text()
    python = str(stack_module.PYTHON)

    commands = stack_module.unit_commands("smartregion-housekeeping.service")

    assert "OnCalendar=" in timer and "Persistent=true" in timer
    assert "Type=oneshot" in service
    assert commands == [
        [python, "manage.py", "prune_db_task_results", "--queue-name", "*", "--min-age-days", "14"],
        [python, "manage.py", "clearsessions"],
    ]
    assert stack_module.unit_commands("smartregion-housekeeping.service", TASK_RESULT_DAYS="3")[0][-1] == "3"


def test_the_app_servers_may_write_the_deletion_log_of_the_env_example():
    example = (ROOT / "deploy" / "smartregion.env.example").read_text()
    service = (ROOT / "deploy" / "systemd" / "smartregion-web@.service").read_text()

    [folder] = re.findall(r"^DELETION_LOG_DIR=(\S+)$", example, flags=re.MULTILINE)
    [writable] = re.findall(r"^ReadWritePaths=(.*)$", service, flags=re.MULTILINE)
    assert folder in writable.split()
