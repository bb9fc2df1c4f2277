"""How a sentence from the data reads in a result: an unverified one says so in its own words,
so every surface (JSON, text report, web page, clinician's review) carries the caveat."""

from __future__ import annotations

from typing import Final

from follicle.knowledge.base import Sourced
from follicle.knowledge.triage import ContributingFactor

UNVERIFIED: Final = "(Unverified: we could not confirm this in a source we read.)"


def stated(text: str, source: Sourced) -> str:
    return text if source.verified else f"{text} {UNVERIFIED}"


#: Said with every factor that involves a prescribed medicine.
PRESCRIBER_REMINDER: Final = (
    "Never stop or change a prescribed medicine without talking to the person who prescribed it."
)


def factor_message(factor: ContributingFactor) -> str:
    said = stated(factor.message, factor)
    return f"{said} {PRESCRIBER_REMINDER}" if factor.prescriber_reminder else said
