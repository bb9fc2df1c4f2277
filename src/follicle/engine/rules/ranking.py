"""Ranking: one order over every option, best first, with no ties.

The order is: status (recommended, consider, not now, avoid), then tier (first line before
second line, adjuncts, in-office and experimental), then certainty of evidence, then regulatory
standing, then the lowest first-year cost (unknown last), then the contract's order of
treatments. The last key is unique, so ranks are 1..n without ties and never depend on chance.
"""

from __future__ import annotations

from follicle.engine.result import Option
from follicle.engine.trace import Trace
from follicle.knowledge.contract import CERTAINTIES, STATUSES, TIERS

REGULATORY_ORDER = (
    "fda_approved",
    "fda_cleared_device",
    "off_label",
    "medical_procedure",
    "not_approved",
    "unapproved_with_fda_warnings",
)


def rank_options(options: list[Option], order: dict[str, int], trace: Trace) -> tuple[Option, ...]:
    def key(option: Option) -> tuple[int, int, int, int, float, int]:
        cost = option.cost.first_year.low if option.cost is not None else float("inf")
        return (
            STATUSES.index(option.status),
            TIERS.index(option.tier),
            CERTAINTIES.index(option.evidence.certainty),
            REGULATORY_ORDER.index(option.evidence.regulatory),
            cost,
            order[option.treatment],
        )

    ranked = sorted(options, key=key)
    trace.fire("rank")
    return tuple(option.model_copy(update={"rank": n}) for n, option in enumerate(ranked, start=1))
