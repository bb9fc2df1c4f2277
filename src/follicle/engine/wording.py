"""How a sentence from the data reads in a result: an unverified one says so in its own words,
so every surface (JSON, text report, web page, clinician's review) carries the caveat."""

from __future__ import annotations

from typing import Final

from follicle.knowledge.base import Sourced

UNVERIFIED: Final = "(Unverified: we could not confirm this in a source we read.)"


def stated(text: str, source: Sourced) -> str:
    return text if source.verified else f"{text} {UNVERIFIED}"
