"""Example answers: a starting point for ``follicle questionnaire --example``, and personas used
by the tests and the benchmark. Each is a complete, valid answers object."""

from __future__ import annotations

from typing import Any, Final

EXAMPLE: Final[dict[str, Any]] = {
    "age": 34,
    "sex": "male",
    "pattern": "hairline_and_crown",
    "scale_stage": 3,
    "onset": "gradual",
    "duration_months": 30,
    "shedding": "normal",
    "triggers": ["none"],
    "scalp_symptoms": ["none"],
    "other_symptoms": ["none"],
    "hair_practices": ["none"],
    "hair_texture": "wavy",
    "family_history": "yes",
    "medications": ["none"],
    "conditions": ["none"],
    "current_treatments": {},
    "tried_before": {},
    "open_to": [
        "pills",
        "topicals",
        "home_devices",
        "in_office_procedures",
        "experimental_treatments",
    ],
    "accepts_preliminary_evidence": True,
    "discussed_regulation_with_clinician": False,
    "monthly_budget_usd": 60,
    "expectation": "some_regrowth",
}
