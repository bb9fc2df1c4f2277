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
    "CERTAINTY_MEANS",
    "KIND",
    "LIKELIHOOD",
    "PRICE_UNIT",
    "REGULATORY",
    "REGULATORY_MEANS",
    "ROUTE",
    "STATUS",
    "STATUS_MEANS",
    "TIER",
    "TIER_PLAIN",
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


# The key to the badges on the result page: each word said again in plain words, for a reader
# of about nine. The status is about the person; certainty and regulation are about the treatment.

STATUS_MEANS: Final = {
    "recommended": "a good first step for you.",
    "consider": "might suit you; talk it over with the clinician.",
    "not_now": "not a first step for you now.",
    "avoid": "not safe or not suitable for you.",
}

CERTAINTY_MEANS: Final = {
    "high": "we are fairly sure.",
    "moderate": "we are quite sure, but new studies could change this.",
    "low": "we are unsure.",
    "very_low": "we are very unsure.",
}

REGULATORY_MEANS: Final = {
    "fda_approved": "the US medicines regulator (the FDA) has approved it for hair loss.",
    "fda_cleared_device": "the FDA has let it be sold as a device for hair loss.",
    "off_label": (
        "the medicine is approved for a different illness, not for hair loss; a doctor may still "
        "prescribe it for hair loss."
    ),
    "medical_procedure": "a procedure a doctor does; there is no approval for a procedure.",
    "not_approved": "not approved for hair loss.",
    "unapproved_with_fda_warnings": "not approved, and the FDA has warned people about it.",
}

#: The place of a treatment in plain words ("first line" is a doctors' word for a first choice).
TIER_PLAIN: Final = {
    "first_line": "a first choice",
    "second_line": "a second choice, usually after a first choice",
    "adjunct": "an add-on to a first choice",
    "in_office": "done at a clinic",
    "experimental": "experimental",
}

#: A price's unit, after the amount ("$15 to $35 a month").
PRICE_UNIT: Final = {
    "month": "a month",
    "session": "a session",
    "device": "for the device",
    "course": "for a course",
    "graft": "a graft",
    "procedure": "for the operation",
}
