"""The environment readers of smartregion.lib.env: typed values, defaults,
the _FILE form of secrets, and a loud ImproperlyConfigured on bad input."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from smartregion.lib.env import env_bool, env_int, env_list, env_secret, env_str

NAME = "SMARTREGION_TEST_VALUE"


@pytest.fixture(autouse=True)
def _unset(monkeypatch):
    for name in (NAME, f"{NAME}_FILE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("raw", ["1", "true", "True", "yes", "on", " ON "])
def test_env_bool_reads_true_spellings(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, False) is True


@pytest.mark.parametrize("raw", ["0", "false", "FALSE", "no", "off", ""])
def test_env_bool_reads_false_spellings(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    assert env_bool(NAME, True) is False


def test_env_bool_falls_back_to_the_default_when_unset():
    assert env_bool(NAME, True) is True
    assert env_bool(NAME, False) is False


@pytest.mark.parametrize("raw", ["maybe", "2", "ja", "tru"])
def test_env_bool_refuses_anything_else(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured, match=NAME):
        env_bool(NAME, False)


def test_env_int_parses_an_integer(monkeypatch):
    monkeypatch.setenv(NAME, " 587 ")
    assert env_int(NAME, 25) == 587


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_env_int_falls_back_to_the_default_when_unset_or_empty(monkeypatch, raw):
    if raw is not None:
        monkeypatch.setenv(NAME, raw)
    assert env_int(NAME, 25) == 25


@pytest.mark.parametrize("raw", ["25s", "2.5", "zwanzig"])
def test_env_int_refuses_a_non_integer(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured, match=NAME):
        env_int(NAME, 25)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv(NAME, " example.org, www.example.org ,,")
    assert env_list(NAME) == ["example.org", "www.example.org"]


def test_env_list_falls_back_to_a_copy_of_the_default():
    default = ["localhost"]
    value = env_list(NAME, default)
    assert value == ["localhost"]
    value.append("changed")
    assert default == ["localhost"]


def test_env_list_without_default_is_empty():
    assert env_list(NAME) == []


def test_env_list_set_but_empty_is_empty_not_the_default(monkeypatch):
    monkeypatch.setenv(NAME, "")
    assert env_list(NAME, ["localhost"]) == []


def test_env_str_reads_the_value_or_the_default(monkeypatch):
    assert env_str(NAME, "fallback") == "fallback"
    monkeypatch.setenv(NAME, "value")
    assert env_str(NAME, "fallback") == "value"


def test_env_secret_reads_the_variable(monkeypatch):
    monkeypatch.setenv(NAME, "s3cr3t")
    assert env_secret(NAME) == "s3cr3t"


def test_env_secret_reads_the_file_named_by_the_file_variable(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-the-file\n")
    monkeypatch.setenv(f"{NAME}_FILE", str(secret_file))
    assert env_secret(NAME) == "from-the-file"


def test_env_secret_prefers_the_file_over_the_variable(monkeypatch, tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-the-file")
    monkeypatch.setenv(NAME, "from-the-variable")
    monkeypatch.setenv(f"{NAME}_FILE", str(secret_file))
    assert env_secret(NAME) == "from-the-file"


def test_env_secret_fails_on_an_unreadable_file(monkeypatch, tmp_path):
    monkeypatch.setenv(f"{NAME}_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match=f"{NAME}_FILE"):
        env_secret(NAME, "default")


def test_env_secret_falls_back_to_the_default():
    assert env_secret(NAME, "") == ""
    assert env_secret(NAME, "dev-key") == "dev-key"


def test_env_secret_without_value_and_default_fails(monkeypatch):
    monkeypatch.setenv(NAME, "")
    with pytest.raises(ImproperlyConfigured, match=NAME):
        env_secret(NAME)
