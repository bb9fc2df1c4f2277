"""The result of an assessment, as defined by the assessment contract (and a little more).

Field names and vocabularies of the contract are kept exactly; additions (names, citations,
costs, the exosome checklist, the explanation of every rule) are extra fields the contract
allows. The JSON form (:meth:`AssessmentResult.to_json`) is byte-for-byte stable for the same
answers and knowledge version.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from follicle.knowledge.contract import (
    Certainty,
    Likelihood,
    Regulatory,
    Route,
    Status,
    Tier,
    Urgency,
)


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RedFlagOut(_Out):
    id: str
    name: str
    urgency: Urgency
    message: str
    triggered_by: tuple[str, ...]
    bring: tuple[str, ...]
    citations: tuple[str, ...]
    verified: bool


class LikelyCondition(_Out):
    id: str
    name: str
    likelihood: Likelihood
    reasons: tuple[str, ...]
    reason_rules: tuple[str, ...]
    suggested_checks: tuple[str, ...]
    citations: tuple[str, ...]


class ContributingFactorOut(_Out):
    id: str
    name: str
    message: str
    suggested_checks: tuple[str, ...]
    citations: tuple[str, ...]


class Evidence(_Out):
    certainty: Certainty
    regulatory: Regulatory


class Money(_Out):
    low: int
    high: int


class CostProjection(_Out):
    """Expected cost from the protocol and the cost range named as the basis for estimates."""

    currency: str
    basis: str
    unit: str
    first_year: Money
    three_years: Money
    five_years: Money
    assumptions: tuple[str, ...]
    citations: tuple[str, ...]
    verified: bool


class Option(_Out):
    treatment: str
    name: str
    tier: Tier
    status: Status
    rank: int
    evidence: Evidence
    reasons: tuple[str, ...]
    reason_rules: tuple[str, ...]
    cautions: tuple[str, ...]
    citations: tuple[str, ...]
    cost: CostProjection | None
    cost_note: str | None


class Criterion(_Out):
    id: str
    met: bool
    reason: str


class InPersonAdvice(_Out):
    """What to say and bring when the route is in person."""

    summary: str
    say: tuple[str, ...]
    bring: tuple[str, ...]


class RuleFired(_Out):
    """One entry of the explanation: a rule that fired and the answers it read."""

    rule: str
    reads: tuple[str, ...]


class AssessmentResult(_Out):
    engine_version: str
    knowledge_version: str
    route: Route
    notice: str
    red_flags: tuple[RedFlagOut, ...]
    in_person: InPersonAdvice | None
    likely_conditions: tuple[LikelyCondition, ...]
    contributing_factors: tuple[ContributingFactorOut, ...]
    options: tuple[Option, ...]
    exosome_criteria: tuple[Criterion, ...]
    trace: tuple[str, ...]
    explanation: tuple[RuleFired, ...]

    def to_json(self) -> str:
        """Compact, stable JSON (the same answers and knowledge give the same bytes)."""
        return self.model_dump_json()
