"""How a sentence from the data reads in a result: an unverified one says so in its own words,
so every surface (JSON, text report, web page, clinician's review) carries the caveat."""

from __future__ import annotations

from typing import Final

from follicle.knowledge.base import Sourced
from follicle.knowledge.triage import ContributingFactor
from follicle.knowledge.wording import CLINIC_CLAIMS

UNVERIFIED: Final = "(Unverified: we could not confirm this in a source we read.)"


def stated(text: str, source: Sourced) -> str:
    """The sentence as a result shows it: headed as a clinic claim and marked unverified when
    the data says so."""
    said = f"{CLINIC_CLAIMS} {text}" if source.reports == "clinic_claims" else text
    return said if source.verified else f"{said} {UNVERIFIED}"


#: Said with every factor that involves a prescribed medicine.
PRESCRIBER_REMINDER: Final = (
    "Never stop or change a prescribed medicine without talking to the person who prescribed it."
)


def factor_message(factor: ContributingFactor) -> str:
    said = stated(factor.message, factor)
    return f"{said} {PRESCRIBER_REMINDER}" if factor.prescriber_reminder else said
