"""The result of an assessment, as defined by the assessment contract (and a little more).

Field names and vocabularies of the contract are kept exactly; additions (names, citations,
costs, the exosome checklist, the explanation of every rule) are extra fields the contract
allows. The JSON form (:meth:`AssessmentResult.to_json`) is byte-for-byte stable for the same
answers and knowledge version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar

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


_T = TypeVar("_T")


def fast_constructor(cls: type[_T]) -> Callable[..., _T]:
    """A constructor for the frozen dataclass ``cls`` that is several times faster than calling it.

    A frozen dataclass's ``__init__`` sets every field through ``object.__setattr__``, about a
    tenth of a microsecond per field, and every assessment builds twelve options of twelve
    fields each. This constructor makes the object as an instance of a private twin class with
    the same slots that allows setting (so each field is one plain slot store), then turns it
    into ``cls``, whose ``__setattr__`` refuses every change. Python allows changing an object's
    class when both classes have the same slots, hence the same layout. The class itself is
    untouched, so calling it, ``dataclasses.replace``, copy, pickle and Pydantic validation all
    work as usual. ``tests/engine/test_trace_and_determinism.py`` checks that results made
    this way equal, and are as immutable as, those made by the class.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    # Not a subclass: it must not inherit the refusing __setattr__.
    builder = type(f"_{cls.__name__}Builder", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    namespace: dict[str, Any] = {"_builder": builder, "_new": object.__new__, "_cls": cls}
    source = (
        f"def make_{cls.__name__}(*, {', '.join(names)}):\n"
        "    self = _new(_builder)\n"
        + "".join(f"    self.{n} = {n}\n" for n in names)
        + "    self.__class__ = _cls\n"
        "    return self\n"
    )
    exec(source, namespace)  # noqa: S102 - our own field names only, as dataclasses does
    made: Callable[..., _T] = namespace[f"make_{cls.__name__}"]
    return made


#: The constructors the engine calls on every assessment.
new_option = fast_constructor(Option)
new_red_flag = fast_constructor(RedFlagOut)
new_in_person_advice = fast_constructor(InPersonAdvice)
new_result = fast_constructor(AssessmentResult)
