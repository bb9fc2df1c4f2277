"""Shared fixtures: the real knowledge data, and writable copies of it for planting errors."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from follicle.knowledge import Knowledge, load_knowledge
from follicle.knowledge.loader import DEFAULT_ROOT

IN_CI = os.environ.get("CI", "").lower() == "true"


def optional_skip(reason: str) -> None:
    """Skip outside CI; under ``CI=true`` a missing optional dependency is a failure."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge(DEFAULT_ROOT)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge data directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_ROOT, target)
    return target


@pytest.fixture
def edit(knowledge_copy: Path) -> Callable[[str, str, str], None]:
    """Replace text in a file of the copied data; fails if the text is not there."""

    def replace(relative: str, old: str, new: str) -> None:
        path = knowledge_copy / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return replace


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters live in the cache; every test starts with none."""
    try:
        from django.core.cache import cache

        cache.clear()
    except Exception:
        pass
