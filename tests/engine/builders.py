"""Answers for scenario tests: a plain starting profile, changed only where a test says."""

from __future__ import annotations

from typing import Any

from follicle.engine import AssessmentResult, run
from follicle.engine.result import Option
from follicle.knowledge import Knowledge

MAN: dict[str, Any] = {
    "age": 35,
    "sex": "male",
    "pattern": "crown",
    "onset": "gradual",
    "duration_months": 24,
    "shedding": "normal",
    "triggers": ["none"],
    "scalp_symptoms": ["none"],
    "other_symptoms": ["none"],
    "hair_practices": ["none"],
    "family_history": "yes",
    "medications": ["none"],
    "conditions": ["none"],
    "current_treatments": {},
    "tried_before": {},
    "open_to": ["pills", "topicals", "home_devices", "in_office_procedures"],
    "expectation": "some_regrowth",
}

WOMAN: dict[str, Any] = {
    **MAN,
    "age": 38,
    "sex": "female",
    "pregnancy": "could_become_pregnant",
    "pattern": "widening_part",
}

EXOSOME_CANDIDATE: dict[str, Any] = {
    **MAN,
    "current_treatments": {"finasteride": 12, "topical_minoxidil": 12},
    "tried_before": {"prp": "no_benefit"},
    "open_to": ["pills", "topicals", "in_office_procedures", "experimental_treatments"],
    "accepts_preliminary_evidence": True,
    "discussed_regulation_with_clinician": True,
    "expectation": "some_regrowth",
}


def answers(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """``base`` with ``changes`` applied; a value of ``None`` removes the item."""
    merged = {**base, **changes}
    return {k: v for k, v in merged.items() if v is not None}


def assess(knowledge: Knowledge, raw: dict[str, Any]) -> AssessmentResult:
    result = run(raw, knowledge)
    assert not isinstance(result, list), f"answers were rejected: {result}"
    return result


def option(result: AssessmentResult, treatment: str) -> Option:
    return next(o for o in result.options if o.treatment == treatment)


def flags(result: AssessmentResult) -> set[str]:
    return {f.id for f in result.red_flags}


def conditions(result: AssessmentResult) -> dict[str, str]:
    return {c.id: c.likelihood for c in result.likely_conditions}
