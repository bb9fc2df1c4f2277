"""The result of an assessment, as defined by the assessment contract (and a little more).

Field names and vocabularies of the contract are kept exactly; additions (names, citations,
costs, the exosome checklist, the explanation of every rule) are extra fields the contract
allows. The JSON form (:meth:`AssessmentResult.to_json`) is byte-for-byte stable for the same
answers and knowledge version.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter

from follicle.knowledge.contract import (
    Certainty,
    Likelihood,
    Regulatory,
    Route,
    Status,
    Tier,
    Urgency,
)

# Plain frozen dataclasses: the engine builds thousands of these per second, and its own output
# needs no validation. Pydantic still serialises them (fast, in Rust) and gives the JSON schema.
# A faster constructor (a twin class built with exec, then __class__ swapped) saved about 10% of
# an end-to-end assessment and under 1% of a result page: not worth the cleverness (docs/engine.md).
# Immutability is load-bearing: results share objects worked out once per knowledge version
# (likely conditions, contributing factors, exosome criteria), so changing one in place would
# change every later result.


@dataclass(frozen=True, slots=True)
class RedFlagOut:
    id: str
    name: str
    urgency: Urgency
    message: str
    triggered_by: tuple[str, ...]
    bring: tuple[str, ...]
    citations: tuple[str, ...]
    verified: bool


@dataclass(frozen=True, slots=True)
class LikelyCondition:
    id: str
    name: str
    likelihood: Likelihood
    reasons: tuple[str, ...]
    reason_rules: tuple[str, ...]
    suggested_checks: tuple[str, ...]
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContributingFactorOut:
    id: str
    name: str
    message: str
    suggested_checks: tuple[str, ...]
    citations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    certainty: Certainty
    regulatory: Regulatory


@dataclass(frozen=True, slots=True)
class Money:
    low: int
    high: int


@dataclass(frozen=True, slots=True)
class CostProjection:
    """Expected cost from the protocol and the cost range named as the basis for estimates.

    ``three_years`` and ``five_years`` are ``None`` when the treatment continues after the first
    year at a cost our sources do not let us estimate (maintenance with no known interval):
    an unknown is shown as unknown, never as nothing more to pay.
    """

    currency: str
    basis: str
    unit: str
    first_year: Money
    three_years: Money | None
    five_years: Money | None
    assumptions: tuple[str, ...]
    citations: tuple[str, ...]
    verified: bool

    def by_horizon(self) -> tuple[tuple[int, Money | None], ...]:
        """(years, total or None if unknown) for 1, 3 and 5 years: one list for every table
        and chart, so none of them spells out the horizons again."""
        return ((1, self.first_year), (3, self.three_years), (5, self.five_years))


@dataclass(frozen=True, slots=True)
class Option:
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


@dataclass(frozen=True, slots=True)
class Criterion:
    id: str
    met: bool
    reason: str


@dataclass(frozen=True, slots=True)
class InPersonAdvice:
    """What to say and bring when the route is in person."""

    summary: str
    say: tuple[str, ...]
    bring: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AssessmentResult:
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
    #: For every rule id in the trace, the answer items it read.
    explanation: dict[str, tuple[str, ...]]

    def to_json(self) -> str:
        """Compact, stable JSON (the same answers and knowledge give the same bytes)."""
        return RESULT_ADAPTER.dump_json(self).decode()

    def to_dict(self) -> dict[str, object]:
        """The result as JSON-ready Python data."""
        data: dict[str, object] = RESULT_ADAPTER.dump_python(self, mode="json")
        return data


RESULT_ADAPTER: TypeAdapter[AssessmentResult] = TypeAdapter(AssessmentResult)
