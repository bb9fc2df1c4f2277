"""``follicle assess`` on hostile files: every problem is ``field/file: message`` on standard
error with exit code 2, never a traceback; ``--batch`` writes an error object for a bad line
and goes on. (The probe: a traceback and exit 1 on deep nesting, a 5,000-digit integer,
invalid UTF-8, a missing file or a folder, and ``--batch`` stopped at such a line.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from follicle.engine.examples import EXAMPLE

GOOD = json.dumps(EXAMPLE).encode()

#: Hostile answer files: what each is, and its bytes.
HOSTILE_FILES = {
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep nesting in an answer": b'{"age": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "nesting Python can read": b'{"triggers": ' + b"[" * 900 + b"]" * 900 + b"}",
    "a 5,000-digit integer": b'{"age": ' + b"9" * 5000 + b"}",
    "a 4,000-digit integer": b'{"age": ' + b"9" * 4000 + b"}",
    "a huge float": b'{"age": 1e999}',
    "invalid UTF-8": b'{"sex": "\xff\xfe"}',
    "a lone surrogate": b'{"sex": "\\ud800", "\\udfff": 1}',
    "a 2 MB unknown answer": b'{"sex": "' + b"m" * 2_000_000 + b'"}',
    "a 2 MB unknown question": b'{"' + b"q" * 2_000_000 + b'": 1}',
    "an unknown treatment key": b'{"current_treatments": {"' + b"t" * 5000 + b'": 3}}',
    "NaN": b'{"age": NaN}',
    "not an object": b"[1, 2, 3]",
    "null": b"null",
    "empty": b"",
    "a NUL byte": b'{"sex": "male\x00"}',
    "truncated": GOOD[:-10],
}


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "follicle", *args], input=stdin, capture_output=True, check=False
    )


def _refused(result: subprocess.CompletedProcess[bytes], field: str | None = None) -> list[str]:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-2000:]
    assert result.returncode == 2, err[-2000:]
    assert result.stdout == b""
    lines = err.splitlines()
    assert lines
    for line in lines:
        name, sep, message = line.partition(": ")
        assert sep and name and message, line
        assert len(line) < 600
    if field is not None:
        assert all(line.startswith(f"{field}: ") for line in lines), lines
    return lines


@pytest.mark.parametrize("what", list(HOSTILE_FILES))
def test_a_hostile_file_is_refused_field_by_field(tmp_path: Path, what: str) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(HOSTILE_FILES[what])
    _refused(_run("assess", str(path)))


@pytest.mark.parametrize("what", ["deep nesting", "invalid UTF-8", "a 5,000-digit integer"])
def test_the_same_from_standard_input(what: str) -> None:
    _refused(_run("assess", "-", stdin=HOSTILE_FILES[what]), field="answers")


def test_deep_nesting_says_so() -> None:
    [line] = _refused(_run("assess", "-", stdin=HOSTILE_FILES["deep nesting"]))
    assert line.startswith("answers: The JSON is nested too deeply")


def test_a_number_of_too_many_digits_says_so() -> None:
    [line] = _refused(_run("assess", "-", stdin=HOSTILE_FILES["a 5,000-digit integer"]))
    assert line == "answers: A number has more than 4,300 digits; no answer needs one that long."


def test_invalid_utf8_names_the_byte() -> None:
    [line] = _refused(_run("assess", "-", stdin=HOSTILE_FILES["invalid UTF-8"]))
    assert line == "answers: This is not UTF-8 text (byte 10 cannot be read); save it as UTF-8."


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    assert _refused(_run("assess", str(missing))) == [f"{missing}: There is no such file."]
    assert _refused(_run("assess", str(tmp_path))) == [
        f"{tmp_path}: This is a folder; give the answers file inside it."
    ]
    assert _refused(_run("assess", "--batch", str(missing))) == [
        f"{missing}: There is no such file."
    ]


def test_a_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD)
    result = _run("assess", str(path))
    assert result.returncode == 0, result.stderr


def test_batch_writes_an_error_object_for_each_bad_line_and_goes_on(tmp_path: Path) -> None:
    hostile = [content for content in HOSTILE_FILES.values() if b"\n" not in content]
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\n".join([GOOD, *hostile, GOOD]) + b"\n")
    result = _run("assess", "--batch", str(path))
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert result.returncode == 0
    out = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    blank = sum(1 for content in hostile if not content.strip())
    assert len(out) == len(hostile) + 2 - blank
    assert out[0]["route"] == out[-1]["route"] == "online_plan"
    bad = out[1:-1]
    assert all(set(o) == {"line", "errors"} and o["errors"] for o in bad)
    assert [o["line"] for o in bad] == [
        n for n, content in enumerate(hostile, start=2) if content.strip()
    ]
    assert all(len(e["field"]) + len(e["message"]) < 600 for o in bad for e in o["errors"])
    assert f"{len(bad)} line(s) had invalid answers" in err
