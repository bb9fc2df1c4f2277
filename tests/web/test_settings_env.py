"""Environment settings fail loudly: a value the reader cannot read stops the app at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from follicle.web import env

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("true", True),
        ("True", True),
        ("YES", True),
        ("1", True),
        ("false", False),
        ("False", False),
        ("no", False),
        ("0", False),
    ],
)
def test_a_boolean_reads_the_six_words_in_any_case(
    monkeypatch: pytest.MonkeyPatch, word: str, meaning: bool
) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_FLAG", word)
    assert env.boolean("FOLLICLE_TEST_FLAG", not meaning) is meaning


@pytest.mark.parametrize("word", ["maybe", "on", "off", "2", "enabled", "tru", "y"])
def test_any_other_boolean_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_FLAG", word)
    with pytest.raises(ImproperlyConfigured, match="FOLLICLE_TEST_FLAG"):
        env.boolean("FOLLICLE_TEST_FLAG", False)


def test_an_unset_or_empty_boolean_is_its_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLICLE_TEST_FLAG", raising=False)
    assert env.boolean("FOLLICLE_TEST_FLAG", True) is True
    monkeypatch.setenv("FOLLICLE_TEST_FLAG", "")
    assert env.boolean("FOLLICLE_TEST_FLAG", True) is True


@pytest.mark.parametrize("value", ["ten", "1.5", "", "9" * 5000])
def test_a_number_that_is_not_whole_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_NUMBER", value)
    if value == "":
        assert env.integer("FOLLICLE_TEST_NUMBER", 7) == 7
        return
    with pytest.raises(ImproperlyConfigured, match="FOLLICLE_TEST_NUMBER must be a whole number"):
        env.integer("FOLLICLE_TEST_NUMBER", 7)


def test_a_number_below_its_minimum_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_NUMBER", "-1")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env.integer("FOLLICLE_TEST_NUMBER", 7)


def test_a_value_starting_with_a_dollar_is_taken_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-environ would read '$NAME' as another variable; Django's secret keys may start so."""
    monkeypatch.setenv("FOLLICLE_TEST_SECRET", "$HOME-and-more")
    assert env.text("FOLLICLE_TEST_SECRET") == "$HOME-and-more"


def test_an_unknown_choice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_ENV", "prod")
    with pytest.raises(ImproperlyConfigured, match="development, production"):
        env.choice("FOLLICLE_TEST_ENV", ("development", "production"), "development")


def test_messages_never_repeat_the_value_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLICLE_TEST_FLAG", "s3cret-typed-in-the-wrong-place")
    with pytest.raises(ImproperlyConfigured) as refused:
        env.boolean("FOLLICLE_TEST_FLAG", False)
    assert "s3cret" not in str(refused.value)


def _settings_value(name: str, **environment: str) -> subprocess.CompletedProcess[str]:
    show = f"from django.conf import settings; print(settings.{name})"
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", show],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_email_use_tls_true_turns_tls_on() -> None:
    """The probe found EMAIL_USE_TLS=true read as false (only '1' counted)."""
    result = _settings_value("EMAIL_USE_TLS", EMAIL_USE_TLS="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


@pytest.mark.parametrize(
    ("variable", "value"),
    [("EMAIL_USE_TLS", "maybe"), ("FOLLICLE_ENV", "prod"), ("EMAIL_PORT", "twenty-five")],
)
def test_the_app_refuses_to_start_with_a_setting_it_cannot_read(variable: str, value: str) -> None:
    result = _settings_value("DEBUG", **{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr
