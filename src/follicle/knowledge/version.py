"""The knowledge version: a content hash of every data file.

The hash covers each file's path (relative, with ``/``) and its text with line endings made
``\\n``, in sorted path order, so it is the same on every machine and every run and changes
whenever any fact, rule or wording changes. It is stored with every result.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

DATA_SUFFIXES = (".yaml", ".yml", ".md")


def data_files(root: Path) -> list[Path]:
    """Every knowledge data file under ``root``, in a stable order."""
    return sorted(
        (p for p in root.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES),
        key=lambda p: p.relative_to(root).as_posix(),
    )


def knowledge_version(root: Path) -> str:
    digest = hashlib.sha256()
    for path in data_files(root):
        text = path.read_bytes().replace(b"\r\n", b"\n")
        name = path.relative_to(root).as_posix().encode()
        digest.update(len(name).to_bytes(4, "big") + name)
        digest.update(len(text).to_bytes(8, "big") + text)
    return digest.hexdigest()
