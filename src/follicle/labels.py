"""Words a person reads for the engine's codes, shared by the text report and the web pages.

Badges show these words, never colour alone (see ``specs/ux.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, TypeVar

from follicle.engine import CostProjection
from follicle.knowledge.contract import TIERS
from follicle.money import dollars, money_range

_T = TypeVar("_T")

__all__ = [
    "CERTAINTY",
    "KIND",
    "LIKELIHOOD",
    "REGULATORY",
    "ROUTE",
    "STATUS",
    "TIER",
    "URGENCY",
    "by_tier",
    "cost_words",
    "dollars",
    "money_range",
]


def by_tier(items: Iterable[_T], tier_of: Callable[[_T], str]) -> list[tuple[str, list[_T]]]:
    """``items`` grouped by tier, in the contract's order of tiers, empty tiers left out."""
    listed = list(items)
    groups = [(tier, [x for x in listed if tier_of(x) == tier]) for tier in TIERS]
    return [(tier, members) for tier, members in groups if members]


def cost_words(cost: CostProjection) -> str:
    """The first-year and five-year estimate in words; an unknown later cost is said to be
    unknown, never shown as nothing more to pay."""
    first = f"{money_range(cost.first_year.low, cost.first_year.high)} in the first year"
    if cost.five_years is None:
        return f"{first}; later years unknown (maintenance is not costed in our sources)"
    return f"{first}; {money_range(cost.five_years.low, cost.five_years.high)} over five years"


#: What sort of source a reference is, as the reference list names it.
KIND: Final = {
    "label": "Drug or device label",
    "regulator": "Regulator",
    "trial": "Clinical study",
    "systematic_review": "Systematic review",
    "guideline": "Guideline",
    "review": "Review",
    "textbook": "Textbook",
    "news": "News report",
    "commercial": "Commercial page",
    "forum": "Forum or advocacy site",
}

TIER: Final = {
    "first_line": "First line",
    "second_line": "Second line",
    "adjunct": "Add-on",
    "in_office": "In-office",
    "experimental": "Experimental",
}

STATUS: Final = {
    "recommended": "Recommended",
    "consider": "Worth discussing",
    "not_now": "Not now",
    "avoid": "Avoid",
}

CERTAINTY: Final = {
    "high": "High certainty",
    "moderate": "Moderate certainty",
    "low": "Low certainty",
    "very_low": "Very low certainty",
}

REGULATORY: Final = {
    "fda_approved": "FDA-approved",
    "fda_cleared_device": "FDA-cleared device",
    "off_label": "Off-label",
    "medical_procedure": "Medical procedure",
    "not_approved": "Not approved",
    "unapproved_with_fda_warnings": "Not approved, FDA warnings",
}

URGENCY: Final = {"routine": "Routine", "soon": "Soon", "urgent": "Urgent"}

ROUTE: Final = {
    "online_plan": "Online plan, reviewed by a clinician",
    "in_person": "See a clinician in person",
}

LIKELIHOOD: Final = {"likely": "Likely", "possible": "Possible"}
