"""No sentence of the seed article is copied into the knowledge data.

Any run of eight or more words shared with the seed counts as copying. The seed lives outside
the project (``../shared/seed``); the test needs it, so CI fails rather than skips without it.
Reference titles are exempt: a citation must quote a title exactly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from follicle.knowledge.loader import DEFAULT_ROOT
from follicle.knowledge.version import data_files
from tests.conftest import optional_skip

WINDOW = 8
CANDIDATES = (
    Path(os.environ.get("FOLLICLE_SEED", "/nonexistent")),
    DEFAULT_ROOT.parents[1] / "shared" / "seed" / "exosomes-for-hair-loss.txt",
    Path("/work/shared/seed/exosomes-for-hair-loss.txt"),
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _prose(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.parent.name == "references":
        text = "\n".join(
            line for line in text.splitlines() if not line.lstrip().startswith("title:")
        )
    return text


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + WINDOW]) for i in range(len(words) - WINDOW + 1)}


def test_no_run_of_eight_words_from_the_seed_appears_in_the_data() -> None:
    seed = next((p for p in CANDIDATES if p.is_file()), None)
    if seed is None:
        optional_skip("the seed article (../shared/seed) is needed to check for copied text")
        return
    seed_shingles = _shingles(_words(seed.read_text(encoding="utf-8")))
    copied: list[str] = []
    for path in data_files(DEFAULT_ROOT):
        overlap = _shingles(_words(_prose(path))) & seed_shingles
        copied.extend(f"{path.name}: {' '.join(s)}" for s in sorted(overlap))
    assert copied == []


def test_the_copy_detector_finds_a_copied_phrase() -> None:
    phrase = "one two three four five six seven eight nine"
    assert _shingles(_words(phrase)) & _shingles(_words(f"x {phrase} y"))
