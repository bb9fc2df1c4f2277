"""The engine's output for 3,000 seeded answer sets is the recorded one (see ``golden.py``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from follicle.knowledge import Knowledge
from tests.engine import golden


def test_the_engine_gives_the_recorded_output_for_its_versions(knowledge: Knowledge) -> None:
    stored = golden.Record.parse(golden.GOLDEN.read_text(encoding="utf-8"))
    now = golden.record(knowledge)
    assert golden.problem(stored, now) is None, golden.problem(stored, now)


STORED = golden.Record("1.0.0", "k1", "i1", ("aaa", "bbb", "ccc"))


def test_a_changed_result_under_the_same_versions_asks_for_a_version_bump() -> None:
    now = dataclasses.replace(STORED, outputs=("aaa", "xxx", "ccc"))
    assert golden.unversioned(STORED, now)
    message = golden.problem(STORED, now)
    assert message is not None
    assert "1 of 3 results changed (answer sets 1;" in message
    assert "bump ENGINE_VERSION" in message


def test_a_changed_result_with_a_new_version_only_asks_to_record_it() -> None:
    for now in (
        dataclasses.replace(STORED, engine_version="1.1.0", outputs=("aaa", "xxx", "ccc")),
        dataclasses.replace(STORED, knowledge_version="k2", outputs=("aaa", "xxx", "ccc")),
        dataclasses.replace(STORED, inputs="i2", outputs=("aaa", "xxx", "ccc")),
    ):
        assert not golden.unversioned(STORED, now)
        message = golden.problem(STORED, now)
        assert message is not None and "record the new output with `make golden`" in message
        assert "bump" not in message


def test_a_new_data_version_with_the_same_results_must_still_be_recorded() -> None:
    """Otherwise the record would keep an old key, and a later engine change under the old
    engine version would be recorded as if the data explained it."""
    now = dataclasses.replace(STORED, knowledge_version="k2")
    message = golden.problem(STORED, now)
    assert message is not None and message.startswith("0 of 3 results changed;")


def test_the_record_reads_back_as_written() -> None:
    assert golden.Record.parse(STORED.dump()) == STORED
    assert golden.problem(STORED, golden.Record.parse(STORED.dump())) is None


def test_the_command_refuses_to_record_an_unversioned_change(
    knowledge: Knowledge,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = golden.record(knowledge)
    planted = tmp_path / "golden_output.txt"
    old = dataclasses.replace(now, outputs=("0" * golden.HASH_CHARS, *now.outputs[1:]))
    planted.write_text(old.dump(), encoding="utf-8")
    monkeypatch.setattr(golden, "GOLDEN", planted)
    assert golden.main([]) == 1
    assert "bump ENGINE_VERSION" in capsys.readouterr().err
    assert planted.read_text(encoding="utf-8") == old.dump()  # nothing recorded
    monkeypatch.setattr(golden, "ENGINE_VERSION", "99.0.0")
    assert golden.main([]) == 0
    assert "1 differ from the last record" in capsys.readouterr().out
    assert golden.Record.parse(planted.read_text(encoding="utf-8")).engine_version == "99.0.0"
