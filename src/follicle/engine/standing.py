"""The ranking keys that depend only on the data: certainty of evidence, regulatory standing,
first-year cost and the contract's order. Made once per knowledge version by
:mod:`follicle.engine.compiled`; :mod:`follicle.engine.rules.ranking` puts status and tier
before them."""

from __future__ import annotations

from follicle.engine.result import CostProjection, Evidence
from follicle.knowledge.contract import CERTAINTIES, REGULATORY_STANDING

REGULATORY_ORDER = {name: n for n, name in enumerate(REGULATORY_STANDING)}
CERTAINTY_ORDER = {name: n for n, name in enumerate(CERTAINTIES)}

Standing = tuple[int, int, float, int]


def standing_key(evidence: Evidence, cost: CostProjection | None, order: int) -> Standing:
    """Certainty, regulatory standing, lowest first-year cost (unknown last), data order."""
    return (
        CERTAINTY_ORDER[evidence.certainty],
        REGULATORY_ORDER[evidence.regulatory],
        cost.first_year.low if cost is not None else float("inf"),
        order,
    )
